/**
 * Issues a sign-in's tokens with Cognito's claim sets (../shared/spec/cognito-wire-digest.md §4):
 * RS256 ID and access tokens, signed with the pool's two keys, and an opaque refresh token stored
 * only as its hash. All tokens of one sign-in share origin_jti, which revocation acts on.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT, type JWTPayload } from 'jose';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import { issuerFor } from './issuer.js';
import type { ClientRecord } from '../../store/user-pool-clients.js';
import { clientPolicy } from '../clients/app-clients.js';

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

export interface TokenGroup {
  name: string;
  precedence: number | null;
  roleArn: string | null;
}

export interface TokenRequest {
  poolId: string;
  client: ClientRecord;
  user: UserRecord;
  groups: TokenGroup[];
  /** Epoch seconds of the original authentication; kept across refreshes. */
  authTime: number;
  /** Set when refreshing: the sign-in the new tokens belong to. */
  originJti?: string;
  deviceKey?: string;
  /** Whether to mint a new refresh token (sign-in, rotation) or not (plain refresh). */
  withRefreshToken: boolean;
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function issueTokens(services: Pick<Services, 'config' | 'keys' | 'store' | 'clock' | 'ids'>, request: TokenRequest): Promise<AuthenticationResultType> {
  const { config, keys, store, clock, ids } = services;
  const now = clock.now();
  const iat = Math.floor(now / 1000);
  const policy = clientPolicy(request.client.settings);
  const clientId = request.client.clientId;
  const originJti = request.originJti ?? ids.uuid();
  const common = { sub: request.user.sub, origin_jti: originJti, event_id: ids.uuid(), auth_time: request.authTime };
  const issuer = issuerFor(config, request.poolId);
  const groups = groupClaims(request.groups);

  const idClaims = { ...common, ...groups, ...attributeClaims(request.user, request.client.settings.ReadAttributes), 'cognito:username': request.user.username, aud: clientId, token_use: 'id' };
  // Access tokens carry the groups but not their IAM roles, which only the ID token lists (digest §4.3).
  const accessClaims = {
    ...common, ...(groups['cognito:groups'] ? { 'cognito:groups': groups['cognito:groups'] } : {}),
    client_id: clientId, token_use: 'access', scope: ADMIN_SCOPE, username: request.user.username, version: 2,
    ...(request.deviceKey ? { device_key: request.deviceKey } : {}),
  };
  const [IdToken, AccessToken] = await Promise.all([
    sign(keys, request.poolId, 'id', idClaims, issuer, iat, policy.idTokenSeconds, ids.uuid()),
    sign(keys, request.poolId, 'access', accessClaims, issuer, iat, policy.accessTokenSeconds, ids.uuid()),
  ]);

  let RefreshToken: string | undefined;
  if (request.withRefreshToken) {
    RefreshToken = randomBytes(96).toString('base64url');
    await store.refreshTokens.insert({
      id: hashRefreshToken(RefreshToken), poolId: request.poolId, clientId, usernameKey: request.user.usernameKey,
      originJti, authTime: request.authTime, deviceKey: request.deviceKey ?? null, createdAt: now, expiresAt: now + policy.refreshTokenSeconds * 1000,
    });
  }
  return { AccessToken, ExpiresIn: policy.accessTokenSeconds, TokenType: 'Bearer', IdToken, ...(RefreshToken ? { RefreshToken } : {}) };
}

async function sign(keys: Services['keys'], poolId: string, purpose: 'id' | 'access', claims: JWTPayload, issuer: string, iat: number, lifetime: number, jti: string): Promise<string> {
  const { kid, key } = await keys.signingKey(poolId, purpose);
  return new SignJWT({ ...claims, jti }).setProtectedHeader({ kid, alg: 'RS256' })
    .setIssuer(issuer).setIssuedAt(iat).setExpirationTime(iat + lifetime).sign(key);
}

/** cognito:groups in precedence order; roles, and the preferred role when one group ranks first alone. */
function groupClaims(groups: TokenGroup[]): Record<string, unknown> {
  if (groups.length === 0) return {};
  const ordered = [...groups].sort((a, b) => (a.precedence ?? Infinity) - (b.precedence ?? Infinity) || a.name.localeCompare(b.name));
  const withRoles = ordered.filter((group) => group.roleArn);
  const claims: Record<string, unknown> = { 'cognito:groups': ordered.map((group) => group.name) };
  if (withRoles.length) {
    claims['cognito:roles'] = withRoles.map((group) => group.roleArn);
    const best = withRoles[0]!;
    const tied = withRoles.filter((group) => (group.precedence ?? Infinity) === (best.precedence ?? Infinity));
    if (tied.length === 1 || tied.every((group) => group.roleArn === best.roleArn)) claims['cognito:preferred_role'] = best.roleArn;
  }
  return claims;
}

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/** The user's attributes as ID token claims: verified flags as booleans, updated_at as a number, the rest as strings. */
function attributeClaims(user: UserRecord, readable: string[] | undefined): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub' || (readable && readable.length > 0 && !readable.includes(name))) continue;
    if (BOOLEAN_ATTRIBUTES.has(name)) claims[name] = value === 'true';
    else if (name === 'updated_at') claims[name] = Number(value);
    else claims[name] = value;
  }
  return claims;
}
