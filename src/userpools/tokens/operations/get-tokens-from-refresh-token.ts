/**
 * GetTokensFromRefreshToken: new ID and access tokens, and with refresh-token rotation a new
 * refresh token too. Confidential clients send their raw ClientSecret, not a SECRET_HASH.
 */
import type { GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { checkClientSecret, publicGate, requireFlow } from '../../auth/client-gate.js';
import { refreshSignIn } from '../../auth/refresh.js';

export const getTokensFromRefreshToken = operation<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse>('GetTokensFromRefreshToken', async function getTokensFromRefreshToken(services, input) {
  const gate = await publicGate(services, input.ClientId!);
  await checkClientSecret(services, gate, input.ClientSecret, NotAuthorized);
  requireFlow(gate, 'ALLOW_REFRESH_TOKEN_AUTH');
  const AuthenticationResult = await refreshSignIn(services, gate, input.RefreshToken!, { rotate: gate.policy.refreshTokenRotation.enabled });
  return { AuthenticationResult };
});
