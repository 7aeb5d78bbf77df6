/**
 * What follows a proven password, whichever flow proved it (ending its attempt reset the failure
 * count: lockout.ts): a user holding a temporary password must choose a new one
 * (NEW_PASSWORD_REQUIRED), a user the pool asks for a second factor gets its challenge
 * (second-factor.ts), anyone else signs in.
 */
import type { ClientGate } from './client-gate.js';
import { newPasswordChallenge } from './new-password.js';
import { afterPassword } from './second-factor.js';
import type { AuthServices, SignInOutcome } from './outcome.js';
import { checkTemporaryPassword } from './user-state.js';
import type { UserRecord } from '../../store/users.js';

export async function afterFirstFactor(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string, deviceKey: string | undefined): Promise<SignInOutcome> {
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    checkTemporaryPassword(gate.pool, user, services.clock.now());
    return newPasswordChallenge(services, gate, user, typed);
  }
  return afterPassword(services, gate, user, typed, deviceKey);
}
