/** CompleteWebAuthnRegistration: the authenticator's answer to StartWebAuthnRegistration, stored as the user's passkey. */
import type { CompleteWebAuthnRegistrationRequest, CompleteWebAuthnRegistrationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { completeRegistration } from '../registration.js';

export const completeWebAuthnRegistration = operation<CompleteWebAuthnRegistrationRequest, CompleteWebAuthnRegistrationResponse>('CompleteWebAuthnRegistration', async function completeWebAuthnRegistration(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  await completeRegistration(services, pool, user, input.Credential);
  return {};
});
