/**
 * ChangePassword: the signed-in user replaces its password, proving the old one. Wrong old
 * passwords count toward the same lockout as failed sign-ins, so a stolen access token cannot be
 * used to guess the password.
 */
import type { ChangePasswordRequest, ChangePasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { beginAttempt, checkedAttempt, failAttempt, userAttempts } from '../../auth/lockout.js';
import { replacePassword } from '../password-change.js';
import { checkPasswordPolicy } from '../password-policy.js';

export const changePassword = operation<ChangePasswordRequest, ChangePasswordResponse>('ChangePassword', async function changePassword(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  checkPasswordPolicy(pool, input.ProposedPassword!);
  // PreviousPassword may be left out only by users who have no password (passwordless sign-in).
  if (user.passwordHash !== null) {
    const { passwordHash } = user;
    const attempt = await beginAttempt(services, userAttempts(user));
    const proven = await checkedAttempt(services, attempt, async () => input.PreviousPassword !== undefined && services.passwords.verify(passwordHash, input.PreviousPassword));
    if (!proven) await failAttempt(services, attempt);
  }
  await replacePassword(services, user, input.ProposedPassword!);
  return {};
});
