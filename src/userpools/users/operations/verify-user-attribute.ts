/**
 * VerifyUserAttribute: the code from UpdateUserAttributes or GetUserAttributeVerificationCode
 * marks the contact verified, puts a pending new value in place, and registers the alias.
 */
import type { VerifyUserAttributeRequest, VerifyUserAttributeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { applyVerification, verification } from '../attribute-verification.js';
import { verifiableAttribute } from '../../messages/message-destinations.js';
import { redeemCode } from '../../messages/one-time-codes.js';

export const verifyUserAttribute = operation<VerifyUserAttributeRequest, VerifyUserAttributeResponse>('VerifyUserAttribute', async function verifyUserAttribute(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  const attribute = verifiableAttribute(input.AttributeName!);
  const pending = await services.store.pendingAttributes.find(pool.id, user.usernameKey, attribute);
  // The code only verifies the address it was sent to: the pending new value, else the current one.
  await redeemCode(services, user, `verify:${attribute}`, input.Code!, pending ?? user.attributes[attribute] ?? '');
  const value = await services.store.pendingAttributes.take(pool.id, user.usernameKey, attribute);
  await applyVerification(services, pool, user, verification(pool, user, attribute, value));
  return {};
});
