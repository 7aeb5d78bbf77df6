/**
 * Refresh tokens, stored only as hashes. Tokens of one sign-in share an origin_jti, which is what
 * RevokeToken revokes (the refresh token and every access token issued from that sign-in).
 */
import type { Db } from './database.js';

export interface RefreshTokenRecord {
  id: string;
  poolId: string;
  clientId: string;
  usernameKey: string;
  originJti: string;
  authTime: number;
  deviceKey: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  replacedAt: number | null;
}

export function refreshTokensRepository(db: Db) {
  return {
    async insert(token: Omit<RefreshTokenRecord, 'revokedAt' | 'replacedAt'>): Promise<void> {
      await db.insertInto('refresh_tokens').values({
        id: token.id, pool_id: token.poolId, client_id: token.clientId, username_key: token.usernameKey, origin_jti: token.originJti,
        auth_time: token.authTime, device_key: token.deviceKey, created_at: token.createdAt, expires_at: token.expiresAt,
      }).execute();
    },

    async find(id: string): Promise<RefreshTokenRecord | undefined> {
      const row = await db.selectFrom('refresh_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row && {
        id: row.id, poolId: row.pool_id, clientId: row.client_id, usernameKey: row.username_key, originJti: row.origin_jti,
        authTime: Number(row.auth_time), deviceKey: row.device_key, createdAt: Number(row.created_at), expiresAt: Number(row.expires_at),
        revokedAt: row.revoked_at === null ? null : Number(row.revoked_at), replacedAt: row.replaced_at === null ? null : Number(row.replaced_at),
      };
    },

    /** Marks a token replaced by rotation; false when another request replaced it first. */
    async markReplaced(id: string, now: number): Promise<boolean> {
      const result = await db.updateTable('refresh_tokens').set({ replaced_at: now }).where('id', '=', id).where('replaced_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Revokes every refresh token of one sign-in. */
    async revokeOrigin(poolId: string, originJti: string, now: number): Promise<void> {
      await db.updateTable('refresh_tokens').set({ revoked_at: now }).where('pool_id', '=', poolId).where('origin_jti', '=', originJti).where('revoked_at', 'is', null).execute();
    },

    async isOriginRevoked(poolId: string, originJti: string): Promise<boolean> {
      const row = await db.selectFrom('refresh_tokens').select('id').where('pool_id', '=', poolId).where('origin_jti', '=', originJti)
        .where('revoked_at', 'is not', null).limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /** Revokes all of a user's refresh tokens (GlobalSignOut). */
    async revokeAllForUser(poolId: string, usernameKey: string, now: number): Promise<void> {
      await db.updateTable('refresh_tokens').set({ revoked_at: now }).where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('revoked_at', 'is', null).execute();
    },
  };
}

export type RefreshTokensRepository = ReturnType<typeof refreshTokensRepository>;
