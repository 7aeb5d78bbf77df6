/**
 * ForgotPassword: a recovery code to the user's verified contact, chosen by the pool's
 * AccountRecoverySetting (passwords/account-recovery.ts). The password keeps working
 * until ConfirmForgotPassword replaces it. With PreventUserExistenceErrors, a user who is unknown,
 * disabled or without a verified contact is answered with a made-up delivery (message-destinations.ts).
 */
import type { ForgotPasswordRequest, ForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { hidesUserExistence } from '../../auth/user-existence.js';
import { openClientRequest, unknownUserForClient } from '../../clients/client-request.js';
import { deliverCode } from '../../messages/code-delivery.js';
import { recoveryChannels, recoveryDestination } from '../account-recovery.js';
import { simulatedDelivery } from '../../messages/message-destinations.js';
import { issueCode } from '../../messages/one-time-codes.js';

export const forgotPassword = operation<ForgotPasswordRequest, ForgotPasswordResponse>('ForgotPassword', async function forgotPassword(services, input) {
  const request = await openClientRequest(services, input);
  const { pool, user } = request;
  const hidden = hidesUserExistence(request);
  if (!user || (hidden && !user.enabled)) {
    if (hidden) return { CodeDeliveryDetails: await simulatedDelivery(services.store, pool, recoveryChannels(pool), input.Username!) };
    throw unknownUserForClient();
  }
  if (!user.enabled) throw NotAuthorized('User is disabled.');
  // The temporary password must be answered by the user first, through NEW_PASSWORD_REQUIRED.
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw NotAuthorized('User password cannot be reset in the current state.');
  const to = recoveryDestination(pool, user);
  if (!to && hidden) return { CodeDeliveryDetails: await simulatedDelivery(services.store, pool, recoveryChannels(pool), input.Username!) };
  if (!to) throw InvalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  const code = await issueCode(services, user, 'forgot-password');
  return { CodeDeliveryDetails: await deliverCode(services, pool, user, to, 'verification', code) };
});
