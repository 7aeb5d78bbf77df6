/**
 * GetUserAttributeVerificationCode: a code to the signed-in user's email address or phone number,
 * or to the new value waiting for verification when there is one.
 */
import type { GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { contactDestination, deliverCode } from '../../messages/code-delivery.js';
import { verifiableAttribute } from '../../messages/message-destinations.js';
import { issueCode } from '../../messages/one-time-codes.js';

export const getUserAttributeVerificationCode = operation<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse>(
  'GetUserAttributeVerificationCode',
  async function getUserAttributeVerificationCode(services, input) {
    const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
    const attribute = verifiableAttribute(input.AttributeName!);
    const address = (await services.store.pendingAttributes.find(pool.id, user.usernameKey, attribute)) ?? user.attributes[attribute];
    if (address === undefined) throw InvalidParameter(`User has no attribute ${attribute} to verify.`);
    const code = await issueCode(services, user, `verify:${attribute}`, address);
    return { CodeDeliveryDetails: await deliverCode(services, pool, user, contactDestination(attribute, address), 'verification', code) };
  },
);
