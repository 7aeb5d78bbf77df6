/**
 * What follows a proven password, whichever flow proved it (ending its attempt reset the failure
 * count: lockout.ts): a user holding a temporary password must choose a new one
 * (NEW_PASSWORD_REQUIRED), anyone else gets tokens.
 */
import type { ClientGate } from './client-gate.js';
import { newPasswordChallenge } from './new-password.js';
import { signedInOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { issueSignInTokens } from './sign-in-tokens.js';
import { checkTemporaryPassword } from './user-state.js';
import type { UserRecord } from '../../store/users.js';

export async function afterFirstFactor(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string): Promise<SignInOutcome> {
  const now = services.clock.now();
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    checkTemporaryPassword(gate.pool, user, now);
    return newPasswordChallenge(services, gate, user, typed);
  }
  return signedInOutcome(await issueSignInTokens(services, gate, user, { authTime: Math.floor(now / 1000), withRefreshToken: true }));
}
