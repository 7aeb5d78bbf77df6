/**
 * Users' TOTP authenticators. Secrets arrive sealed (the store never sees them in the clear).
 * `useStep` is the race-safe single use of a code: of two callers presenting codes for the same
 * step, exactly one moves `last_step` forward.
 */
import type { Db } from './database.js';

export interface SoftwareTokenRecord {
  secret: string | null;
  pendingSecret: string | null;
  friendlyName: string | null;
  lastStep: number;
}

export function softwareTokensRepository(db: Db) {
  const key = (poolId: string, usernameKey: string) => ({ pool_id: poolId, username_key: usernameKey });
  return {
    async find(poolId: string, usernameKey: string): Promise<SoftwareTokenRecord | undefined> {
      const row = await db.selectFrom('software_tokens').selectAll().where('pool_id', '=', poolId).where('username_key', '=', usernameKey).executeTakeFirst();
      return row && { secret: row.secret, pendingSecret: row.pending_secret, friendlyName: row.friendly_name, lastStep: Number(row.last_step) };
    },

    /** Stores a newly associated secret beside the verified one (which stays in force until the new one is verified). */
    async putPending(poolId: string, usernameKey: string, sealed: string, now: number): Promise<void> {
      await db.insertInto('software_tokens').values({ ...key(poolId, usernameKey), pending_secret: sealed, secret: null, friendly_name: null, updated_at: now })
        .onConflict((oc) => oc.columns(['pool_id', 'username_key']).doUpdateSet({ pending_secret: sealed, updated_at: now }))
        .execute();
    },

    /**
     * Promotes the pending secret (still `pendingSealed`, so a concurrent association is not
     * overwritten) and records the step its first code was accepted for. False when it changed.
     */
    async confirmPending(poolId: string, usernameKey: string, pendingSealed: string, step: number, friendlyName: string | null, now: number): Promise<boolean> {
      const result = await db.updateTable('software_tokens')
        .set({ secret: pendingSealed, pending_secret: null, last_step: step, friendly_name: friendlyName, updated_at: now })
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('pending_secret', '=', pendingSealed)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Accepts a code for `step` unless one for this step or a later one was accepted already. */
    async useStep(poolId: string, usernameKey: string, step: number): Promise<boolean> {
      const result = await db.updateTable('software_tokens').set({ last_step: step })
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('last_step', '<', step)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async remove(poolId: string, usernameKey: string): Promise<void> {
      await db.deleteFrom('software_tokens').where('pool_id', '=', poolId).where('username_key', '=', usernameKey).execute();
    },
  };
}

export type SoftwareTokensRepository = ReturnType<typeof softwareTokensRepository>;
