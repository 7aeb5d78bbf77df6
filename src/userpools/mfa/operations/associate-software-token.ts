/**
 * AssociateSoftwareToken: a new TOTP secret for the signed-in user (AccessToken), or for the user
 * an MFA_SETUP challenge is setting up (Session, answered with a new Session).
 */
import type { AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { associateDuringSetup } from '../../auth/mfa-setup.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { associateSoftwareToken as associate } from '../software-tokens.js';

export const associateSoftwareToken = operation<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse>('AssociateSoftwareToken', async function associateSoftwareToken(services, input) {
  if (input.AccessToken) {
    const { user } = await authenticateAccessToken(services, input.AccessToken);
    return { SecretCode: await associate(services, user) };
  }
  if (input.Session) return associateDuringSetup(services, input.Session);
  throw InvalidParameter('Either AccessToken or Session is required.');
});
