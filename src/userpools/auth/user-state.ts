/** Which users may sign in, refused in Cognito's words (digest §8.2). */
import { NotAuthorized, PasswordResetRequired, UserNotConfirmed } from '../../errors.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { wrongPassword } from './lockout.js';

const DAY_MS = 86_400_000;

/**
 * Refuses users who cannot sign in whatever password they give. Cognito reports an unconfirmed
 * user even before checking the password (aws/aws-sdk-js#4608), so this runs first.
 */
export function checkUserMaySignIn(user: UserRecord): void {
  if (!user.enabled) throw NotAuthorized('User is disabled.');
  switch (user.status) {
    case 'CONFIRMED':
    case 'FORCE_CHANGE_PASSWORD':
      return;
    case 'UNCONFIRMED':
      throw UserNotConfirmed('User is not confirmed.');
    case 'RESET_REQUIRED':
      throw PasswordResetRequired('Password reset required for the user');
    default:
      // Federated (EXTERNAL_PROVIDER) and other states have no password to sign in with.
      throw wrongPassword();
  }
}

/** An administrator's temporary password lasts TemporaryPasswordValidityDays (seven by default). */
export function checkTemporaryPassword(pool: PoolRecord, user: UserRecord, now: number): void {
  const days = pool.settings.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays || 7;
  if (user.passwordSetAt !== null && user.passwordSetAt + days * DAY_MS < now) {
    throw NotAuthorized('Temporary password has expired and must be reset by an administrator.');
  }
}
