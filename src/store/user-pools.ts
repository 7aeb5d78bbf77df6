/** User pool rows: the pool's identity and its settings document. */
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Db } from './database.js';

/** What CreateUserPool/UpdateUserPool set; the rest of UserPoolType is derived when described. */
export type PoolSettings = Omit<UserPoolType, 'Id' | 'Name' | 'Arn' | 'CreationDate' | 'LastModifiedDate' | 'EstimatedNumberOfUsers'>;

export interface PoolRecord {
  id: string;
  name: string;
  settings: PoolSettings;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export function userPoolsRepository(db: Db) {
  return {
    async insert(pool: Omit<PoolRecord, 'version'>): Promise<void> {
      await db.insertInto('user_pools').values({
        id: pool.id, name: pool.name, settings: JSON.stringify(pool.settings), created_at: pool.createdAt, updated_at: pool.updatedAt,
      }).execute();
    },

    async find(id: string): Promise<PoolRecord | undefined> {
      const row = await db.selectFrom('user_pools').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    /** Pools in id order after the given id, one more than asked so callers know whether more remain. */
    async listAfter(after: string | undefined, limit: number): Promise<PoolRecord[]> {
      let query = db.selectFrom('user_pools').selectAll().orderBy('id').limit(limit);
      if (after !== undefined) query = query.where('id', '>', after);
      return (await query.execute()).map(toRecord);
    },

    /** Writes new settings if nobody else wrote since `version` was read; false when someone did. */
    async update(id: string, version: number, changes: { name?: string; settings: PoolSettings; updatedAt: number }): Promise<boolean> {
      const result = await db.updateTable('user_pools')
        .set({ settings: JSON.stringify(changes.settings), updated_at: changes.updatedAt, version: version + 1, ...(changes.name ? { name: changes.name } : {}) })
        .where('id', '=', id).where('version', '=', version)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async remove(id: string): Promise<boolean> {
      const result = await db.deleteFrom('user_pools').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toRecord(row: { id: string; name: string; settings: string; created_at: number; updated_at: number; version: number }): PoolRecord {
  return {
    id: row.id, name: row.name, settings: JSON.parse(row.settings) as PoolSettings,
    createdAt: Number(row.created_at), updatedAt: Number(row.updated_at), version: Number(row.version),
  };
}

export type UserPoolsRepository = ReturnType<typeof userPoolsRepository>;
