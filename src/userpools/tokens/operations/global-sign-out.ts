/**
 * GlobalSignOut: the signed-in user ends all its sessions. Every refresh token of the user is
 * revoked, and with it (through origin_jti) every access token issued from them, on every
 * operation that takes one.
 */
import type { GlobalSignOutRequest, GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../access-tokens.js';

export const globalSignOut = operation<GlobalSignOutRequest, GlobalSignOutResponse>('GlobalSignOut', async function globalSignOut(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  await services.store.refreshTokens.revokeAllForUser(pool.id, user.usernameKey, services.clock.now());
  return {};
});
