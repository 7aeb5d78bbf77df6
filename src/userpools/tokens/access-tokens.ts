/**
 * Authenticates the AccessToken that token-authenticated operations (GetUser, ChangePassword,
 * GlobalSignOut...) carry: a signature by the pool's key, not expired, an access token with the
 * admin scope, a sign-in that has not been revoked, and a user who still exists and is enabled.
 */
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { NotAuthorized, UserNotFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { issuerFor } from './issuer.js';
import { ADMIN_SCOPE } from './tokens.js';

export interface AccessTokenClaims extends JWTPayload {
  client_id: string;
  username: string;
  origin_jti: string;
  scope: string;
  token_use: 'access';
  device_key?: string;
}

export interface AuthenticatedCaller {
  pool: PoolRecord;
  user: UserRecord;
  claims: AccessTokenClaims;
}

export async function authenticateAccessToken(services: Pick<Services, 'config' | 'keys' | 'store' | 'clock'>, token: string): Promise<AuthenticatedCaller> {
  const { poolId, kid } = locate(token);
  const key = await services.keys.verificationKey(poolId, kid);
  if (!key) throw NotAuthorized('Invalid Access Token');
  let claims: AccessTokenClaims;
  try {
    ({ payload: claims } = await jwtVerify<AccessTokenClaims>(token, key, {
      issuer: issuerFor(services.config, poolId), algorithms: ['RS256'], currentDate: new Date(services.clock.now()),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw NotAuthorized('Access Token has expired');
    throw NotAuthorized('Invalid Access Token');
  }
  if (claims.token_use !== 'access' || typeof claims.username !== 'string' || typeof claims.origin_jti !== 'string') throw NotAuthorized('Invalid Access Token');
  if (!String(claims.scope ?? '').split(' ').includes(ADMIN_SCOPE)) throw NotAuthorized('Access Token does not have required scopes');
  const [pool, revoked] = await Promise.all([
    services.store.pools.find(poolId),
    services.store.refreshTokens.isOriginRevoked(poolId, claims.origin_jti),
  ]);
  if (revoked) throw NotAuthorized('Access Token has been revoked');
  const user = pool && (await services.store.users.findBySub(poolId, claims.sub!));
  if (!pool || !user) throw UserNotFound('User does not exist.');
  if (!user.enabled) throw NotAuthorized('User is disabled.');
  return { pool, user, claims };
}

/** The pool (from the issuer's last path segment) and key id, read before the signature is checked. */
function locate(token: string): { poolId: string; kid: string } {
  try {
    const { kid } = decodeProtectedHeader(token);
    const { iss } = decodeJwt(token);
    const poolId = typeof iss === 'string' ? iss.slice(iss.lastIndexOf('/') + 1) : '';
    if (typeof kid === 'string' && /^[\w-]+_[0-9a-zA-Z]+$/.test(poolId)) return { poolId, kid };
  } catch {
    // malformed
  }
  throw NotAuthorized('Invalid Access Token');
}
