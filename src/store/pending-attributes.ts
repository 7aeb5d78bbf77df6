/**
 * Attribute values waiting for verification before they replace the current value (pools with
 * UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate). One per user and
 * attribute: a newer update replaces the older one, as the newer code replaces the older code.
 */
import type { Db } from './database.js';

export function pendingAttributesRepository(db: Db) {
  return {
    async put(poolId: string, usernameKey: string, name: string, value: string, now: number): Promise<void> {
      await db.insertInto('pending_attributes').values({ pool_id: poolId, username_key: usernameKey, name, value, created_at: now })
        .onConflict((oc) => oc.columns(['pool_id', 'username_key', 'name']).doUpdateSet({ value, created_at: now }))
        .execute();
    },

    async find(poolId: string, usernameKey: string, name: string): Promise<string | undefined> {
      const row = await db.selectFrom('pending_attributes').select('value')
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('name', '=', name).executeTakeFirst();
      return row?.value;
    },

    /** Removes and returns the pending value, so only one verification applies it. */
    async take(poolId: string, usernameKey: string, name: string): Promise<string | undefined> {
      const row = await db.deleteFrom('pending_attributes')
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('name', '=', name)
        .returning('value').executeTakeFirst();
      return row?.value;
    },

    async discard(poolId: string, usernameKey: string, names: string[]): Promise<void> {
      if (names.length === 0) return;
      await db.deleteFrom('pending_attributes')
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('name', 'in', names).execute();
    },
  };
}

export type PendingAttributesRepository = ReturnType<typeof pendingAttributesRepository>;
