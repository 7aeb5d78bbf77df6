/**
 * Refreshing a sign-in: REFRESH_TOKEN_AUTH (InitiateAuth, AdminInitiateAuth) and
 * GetTokensFromRefreshToken. New ID and access tokens keep the sign-in's origin_jti and
 * auth_time but carry the user's attributes and groups as they are now. With rotation
 * (RefreshTokenRotation ENABLED, GetTokensFromRefreshToken only) a new refresh token replaces
 * the old one, which still works for RetryGracePeriodSeconds so that a client can retry.
 */
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorized, RefreshTokenReuse } from '../../errors.js';
import type { RefreshTokenRecord } from '../../store/refresh-tokens.js';
import type { UserRecord } from '../../store/users.js';
import { hashRefreshToken } from '../tokens/tokens.js';
import type { ClientGate } from './client-gate.js';
import type { AuthServices } from './outcome.js';
import { issueSignInTokens } from './sign-in-tokens.js';

export interface RefreshOptions {
  rotate: boolean;
  /** The client's proof of its secret, where it depends on the user (SECRET_HASH). */
  checkSecret?: (user: UserRecord) => Promise<void>;
}

export const invalidRefreshToken = () => NotAuthorized('Invalid Refresh Token');

export async function refreshSignIn(services: AuthServices, gate: ClientGate, token: string, options: RefreshOptions): Promise<AuthenticationResultType> {
  const record = await findRefreshToken(services, gate, token);
  const user = await services.store.users.find(record.poolId, record.usernameKey);
  if (!user) throw invalidRefreshToken();
  await options.checkSecret?.(user);
  // Disabling revokes the tokens too; the user's state is the more useful answer.
  if (!user.enabled) throw NotAuthorized('User is disabled.');
  const now = services.clock.now();
  if (record.revokedAt !== null) throw NotAuthorized('Refresh Token has been revoked');
  if (record.expiresAt <= now) throw NotAuthorized('Refresh Token has expired');
  if (options.rotate) await rotate(services, gate, record, now);
  else if (record.replacedAt !== null) throw invalidRefreshToken();
  return issueSignInTokens(services, gate, user, { authTime: record.authTime, originJti: record.originJti, withRefreshToken: options.rotate });
}

/** The stored token, which must have been issued to this client: another client's token is just invalid. */
export async function findRefreshToken(services: Pick<AuthServices, 'store'>, gate: ClientGate, token: string): Promise<RefreshTokenRecord> {
  const record = await services.store.refreshTokens.find(hashRefreshToken(token));
  if (!record || record.poolId !== gate.pool.id || record.clientId !== gate.client.clientId) throw invalidRefreshToken();
  return record;
}

/**
 * Retires the presented token. A token already replaced may be presented again only within the
 * grace period; two requests racing on a fresh token both succeed unless there is no grace.
 */
async function rotate(services: Pick<AuthServices, 'store'>, gate: ClientGate, record: RefreshTokenRecord, now: number): Promise<void> {
  const graceMs = gate.policy.refreshTokenRotation.retryGracePeriodSeconds * 1000;
  const reused = () => RefreshTokenReuse('Refresh Token has been used already');
  if (record.replacedAt !== null) {
    if (now >= record.replacedAt + graceMs) throw reused();
    return;
  }
  if (!(await services.store.refreshTokens.markReplaced(record.id, now)) && graceMs === 0) throw reused();
}
