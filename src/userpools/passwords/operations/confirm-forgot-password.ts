/**
 * ConfirmForgotPassword: the recovery code and a new password. The user ends CONFIRMED whatever
 * brought it here (a reset required by an administrator, or a sign-up never confirmed: the code
 * reached a verified contact, which is what confirmation proves). With PreventUserExistenceErrors,
 * an unknown or disabled user's code is a mismatch, after the same password policy check.
 */
import type { ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CodeMismatch, NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { hidesUserExistence } from '../../auth/user-existence.js';
import { openClientRequest, unknownUserForClient } from '../../clients/client-request.js';
import { redeemCode } from '../../messages/one-time-codes.js';
import { replacePassword } from '../password-change.js';
import { checkPasswordPolicy } from '../password-policy.js';

export const confirmForgotPassword = operation<ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse>('ConfirmForgotPassword', async function confirmForgotPassword(services, input) {
  const request = await openClientRequest(services, input);
  const { pool, user } = request;
  const hidden = hidesUserExistence(request);
  if (!user || (hidden && !user.enabled)) {
    if (!hidden) throw unknownUserForClient();
    // As for a user with a wrong code: the password policy first, then the code.
    checkPasswordPolicy(pool, input.Password!);
    throw CodeMismatch('Invalid verification code provided, please try again.');
  }
  if (!user.enabled) throw NotAuthorized('User is disabled.');
  // Checked first, so that a refused password does not spend the code.
  checkPasswordPolicy(pool, input.Password!);
  await redeemCode(services, user, 'forgot-password', input.ConfirmationCode!);
  await replacePassword(services, user, input.Password!, 'CONFIRMED');
  return {};
});
