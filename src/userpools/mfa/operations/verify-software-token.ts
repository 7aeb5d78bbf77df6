/**
 * VerifySoftwareToken: the first code of the secret AssociateSoftwareToken gave, which makes it
 * the user's authenticator; with an AccessToken, or with an MFA_SETUP Session (answered with the
 * Session that completes the challenge).
 */
import type { VerifySoftwareTokenRequest, VerifySoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { verifyDuringSetup } from '../../auth/mfa-setup.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { verifySoftwareToken as verify } from '../software-tokens.js';

export const verifySoftwareToken = operation<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse>('VerifySoftwareToken', async function verifySoftwareToken(services, input) {
  if (input.AccessToken) {
    const { user } = await authenticateAccessToken(services, input.AccessToken);
    await verify(services, user, input.UserCode!, input.FriendlyDeviceName);
    return { Status: 'SUCCESS' };
  }
  if (input.Session) return verifyDuringSetup(services, input.Session, input.UserCode!, input.FriendlyDeviceName);
  throw InvalidParameter('Either AccessToken or Session is required.');
});
