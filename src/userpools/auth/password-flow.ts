/**
 * USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and the legacy ADMIN_NO_SRP_AUTH: the password
 * itself is sent, and checked against the argon2id hash. A hash made with older parameters is
 * upgraded on a successful sign-in, the one moment the plaintext is at hand.
 */
import type { UserRecord } from '../../store/users.js';
import { findUserByName } from '../users/usernames.js';
import { checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { afterFirstFactor } from './first-factor.js';
import { startFailureTimer } from './failure-timing.js';
import { beginAttempt, checkedAttempt, failAttempt, userAttempts } from './lockout.js';
import type { AuthServices, SignInOutcome } from './outcome.js';
import { checkUserMaySignIn } from './user-state.js';
import { failUnknownUser, spendPasswordCheck } from './user-existence.js';

export async function passwordSignIn(services: AuthServices, gate: ClientGate, parameters: Record<string, string>): Promise<SignInOutcome> {
  const timer = startFailureTimer('password', services.clock);
  const typed = requireParameter(parameters, 'USERNAME');
  const password = requireParameter(parameters, 'PASSWORD');
  const user = await findUserByName(services.store, gate.pool, typed);
  await checkSecretHash(services, gate, parameters.SECRET_HASH, [typed, user?.username, user?.sub]);
  if (!user) return failUnknownUser(services, gate, typed, timer, () => spendPasswordCheck(services, password));
  checkUserMaySignIn(user);
  const attempt = await beginAttempt(services, userAttempts(user), timer.begunAt);
  if (!(await checkedAttempt(services, attempt, () => passwordMatches(services, user, password)))) return failAttempt(services, attempt, timer);
  await upgradeHash(services, user, password);
  return afterFirstFactor(services, gate, user, typed, parameters.DEVICE_KEY);
}

async function passwordMatches(services: Pick<AuthServices, 'passwords'>, user: UserRecord, password: string): Promise<boolean> {
  if (user.passwordHash) return services.passwords.verify(user.passwordHash, password);
  await spendPasswordCheck(services, password);
  return false;
}

async function upgradeHash(services: Pick<AuthServices, 'store' | 'passwords'>, user: UserRecord, password: string): Promise<void> {
  if (!user.passwordHash || !services.passwords.needsRehash(user.passwordHash)) return;
  await services.store.users.update(user.poolId, user.usernameKey, { passwordHash: await services.passwords.hash(password) });
}
