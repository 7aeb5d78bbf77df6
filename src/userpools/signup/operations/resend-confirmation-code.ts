/** ResendConfirmationCode: a fresh sign-up code (the earlier one stops working) to the same contact. */
import type { ResendConfirmationCodeRequest, ResendConfirmationCodeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { hidesUserExistence } from '../../auth/user-existence.js';
import { openClientRequest, unknownUserForClient } from '../../clients/client-request.js';
import { deliverCode } from '../../messages/code-delivery.js';
import { confirmationDestination, confirmationPreference, simulatedDelivery } from '../../messages/message-destinations.js';
import { issueCode } from '../../messages/one-time-codes.js';

export const resendConfirmationCode = operation<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse>('ResendConfirmationCode', async function resendConfirmationCode(services, input) {
  const request = await openClientRequest(services, input);
  const { pool, user } = request;
  const hidden = hidesUserExistence(request);
  if (!user || (hidden && !user.enabled)) {
    if (hidden) return { CodeDeliveryDetails: await simulatedDelivery(services.store, pool, confirmationPreference(pool), input.Username!) };
    throw unknownUserForClient();
  }
  if (user.status !== 'UNCONFIRMED') throw InvalidParameter('User is already confirmed.');
  const to = confirmationDestination(pool, user);
  if (!to) throw InvalidParameter('Cannot resend codes. Auto verification not enabled');
  const code = await issueCode(services, user, 'confirm-sign-up');
  return { CodeDeliveryDetails: await deliverCode(services, pool, user, to, 'verification', code) };
});
