/**
 * RevokeToken: ends one sign-in. The refresh token and every access token issued from the same
 * authentication (same origin_jti) stop working; the user's other sign-ins are untouched. As at
 * the revocation endpoint (RFC 7009 §2.2), a token that is unknown or already expired is simply
 * gone, which is success; only refresh tokens can be revoked.
 */
import type { RevokeTokenRequest, RevokeTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { UnauthorizedClient, UnsupportedOperation, UnsupportedTokenType } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { checkClientSecret, publicGate } from '../../auth/client-gate.js';
import { hashRefreshToken } from '../tokens.js';

export const revokeToken = operation<RevokeTokenRequest, RevokeTokenResponse>('RevokeToken', async function revokeToken(services, input) {
  const gate = await publicGate(services, input.ClientId!);
  await checkClientSecret(services, gate, input.ClientSecret, UnauthorizedClient);
  if (!gate.policy.tokenRevocation) throw UnsupportedOperation('Token revocation is not enabled for this app client.');
  // ID and access tokens are JWS (three dot-separated parts); refresh tokens here are opaque.
  if (input.Token!.split('.').length === 3) throw UnsupportedTokenType('Only refresh tokens can be revoked.');
  const record = await services.store.refreshTokens.find(hashRefreshToken(input.Token!));
  if (!record) return {};
  if (record.poolId !== gate.pool.id || record.clientId !== gate.client.clientId) throw UnauthorizedClient('The token was not issued to this client.');
  await services.store.refreshTokens.revokeOrigin(record.poolId, record.originJti, services.clock.now());
  return {};
});
