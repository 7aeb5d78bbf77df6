/** StartWebAuthnRegistration: creation options for a new passkey of the signed-in user. */
import type { StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { startRegistration } from '../registration.js';

export const startWebAuthnRegistration = operation<StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse>('StartWebAuthnRegistration', async function startWebAuthnRegistration(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  return { CredentialCreationOptions: await startRegistration(services, pool, user) as StartWebAuthnRegistrationResponse['CredentialCreationOptions'] };
});
