/**
 * Failed-password lockout, as the Cognito developer guide describes it: after five consecutive
 * failed sign-ins the user is locked out for one second, and each further failure doubles the
 * lockout, up to about fifteen minutes. A locked user's attempts are refused without checking the
 * password (so they cannot be used to guess); a success resets the count.
 */
import { NotAuthorized } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import { noteWrongPassword, type FailureTimer } from './failure-timing.js';

const FREE_FAILURES = 5;
const FIRST_LOCKOUT_MS = 1000;
const LONGEST_LOCKOUT_MS = 15 * 60 * 1000;

export const wrongPassword = () => NotAuthorized('Incorrect username or password.');

export function checkNotLockedOut(user: UserRecord, now: number): void {
  if (user.lockedUntil > now) throw NotAuthorized('Password attempts exceeded');
}

/** The lockout after `failures` consecutive failures, in milliseconds (0 while under the limit). */
export function lockoutMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCKOUT_MS * 2 ** (failures - FREE_FAILURES), LONGEST_LOCKOUT_MS);
}

/**
 * Counts the failure (atomically, so parallel guesses all count), locks when due, and refuses.
 * A sign-in step passes its timer so that unknown users can be made to take as long.
 */
export async function failSignIn(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, timer?: FailureTimer): Promise<never> {
  const failures = await services.store.users.addFailedSignIn(user.poolId, user.usernameKey);
  const lockout = lockoutMs(failures);
  if (lockout > 0) await services.store.users.update(user.poolId, user.usernameKey, { lockedUntil: services.clock.now() + lockout });
  if (timer) noteWrongPassword(services.store, timer);
  throw wrongPassword();
}

export async function clearFailedSignIns(services: Pick<Services, 'store'>, user: UserRecord): Promise<void> {
  if (user.failedSignIns === 0 && user.lockedUntil === 0) return;
  await services.store.users.update(user.poolId, user.usernameKey, { failedSignIns: 0, lockedUntil: 0 });
}
