/**
 * Failed-password lockout, as the Cognito developer guide describes it: after five consecutive
 * failed sign-ins the user is locked out for one second, and each further failure doubles the
 * lockout, up to about fifteen minutes. A locked user's attempts are refused without checking the
 * password (so they cannot be used to guess); a success resets the count. Each attempt is counted
 * before its password is checked, so a burst of parallel guesses cannot all be checked.
 */
import { NotAuthorized } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import { noteWrongPassword, type FailureTimer } from './failure-timing.js';

const FREE_FAILURES = 5;
const FIRST_LOCKOUT_MS = 1000;
const LONGEST_LOCKOUT_MS = 15 * 60 * 1000;

export const wrongPassword = () => NotAuthorized('Incorrect username or password.');

/** Counts the attempt about to be checked, or refuses it while the user is locked out. */
export async function reserveAttempt(services: Pick<Services, 'store' | 'clock'>, user: UserRecord): Promise<number> {
  const attempt = await services.store.users.reserveSignInAttempt(user.poolId, user.usernameKey, services.clock.now(), FREE_FAILURES, FIRST_LOCKOUT_MS);
  if (attempt === undefined) throw NotAuthorized('Password attempts exceeded');
  return attempt;
}

/** The lockout after `failures` consecutive failures, in milliseconds (0 while under the limit). */
export function lockoutMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCKOUT_MS * 2 ** (failures - FREE_FAILURES), LONGEST_LOCKOUT_MS);
}

/**
 * A reserved attempt failed: locks when due, and refuses. A sign-in step passes its timer so that
 * unknown users can be made to take as long.
 */
export async function failSignIn(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, attempt: number, timer?: FailureTimer): Promise<never> {
  await countFailure(services, user, attempt);
  if (timer) noteWrongPassword(services.store, timer);
  throw wrongPassword();
}

/** A reserved attempt failed (a wrong password or a wrong MFA code): locks when due. */
export async function countFailure(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, attempt: number): Promise<void> {
  const lockout = lockoutMs(attempt);
  if (lockout > 0) await services.store.users.update(user.poolId, user.usernameKey, { lockedUntil: services.clock.now() + lockout });
}

/** A reserved attempt succeeded: the count starts again. */
export async function clearFailedSignIns(services: Pick<Services, 'store'>, user: UserRecord): Promise<void> {
  await services.store.users.update(user.poolId, user.usernameKey, { failedSignIns: 0, lockedUntil: 0 });
}
