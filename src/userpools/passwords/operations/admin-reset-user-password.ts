/**
 * AdminResetUserPassword: the user's password stops working (RESET_REQUIRED, so sign-in answers
 * PasswordResetRequiredException) and a recovery code goes to its verified contact, chosen by the
 * pool's AccountRecoverySetting, for ConfirmForgotPassword. A user with no verified contact could
 * never finish the reset, so Cognito refuses and leaves the user as it was.
 */
import type { AdminResetUserPasswordRequest } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { recoveryDestination } from '../account-recovery.js';
import { deliverCode } from '../../messages/code-delivery.js';
import { issueCode } from '../../messages/one-time-codes.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';

export const adminResetUserPassword = operation<AdminResetUserPasswordRequest, Record<string, never>>('AdminResetUserPassword', async function adminResetUserPassword(services, input) {
  const { store, clock } = services;
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  const to = recoveryDestination(pool, user);
  if (!to) throw InvalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  await store.users.update(pool.id, user.usernameKey, { status: 'RESET_REQUIRED', updatedAt: clock.now() });
  const code = await issueCode(services, user, 'forgot-password');
  await deliverCode(services, pool, user, to, 'verification', code);
  return {};
});
