/** User pool rows: the pool's identity and its settings document. */
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { bytewise } from './bytewise.js';
import type { Db } from './database.js';

/** What CreateUserPool/UpdateUserPool set; the rest of UserPoolType is derived when described. */
export type PoolSettings = Omit<UserPoolType, 'Id' | 'Name' | 'Arn' | 'CreationDate' | 'LastModifiedDate' | 'EstimatedNumberOfUsers'> & {
  /** Which second factors the pool offers (SetUserPoolMfaConfig); GetUserPoolMfaConfig reports them, DescribeUserPool does not. */
  MfaFactors?: MfaFactorSettings;
};

export interface MfaFactorSettings {
  sms?: boolean;
  softwareToken?: boolean;
  email?: { Message?: string; Subject?: string };
  webAuthn?: { RelyingPartyId?: string; UserVerification?: string };
}

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

    /** The pool; its settings document is read and parsed only when its version is not cached. */
    async find(id: string): Promise<PoolRecord | undefined> {
      const head = await db.selectFrom('user_pools').select(['id', 'name', 'created_at', 'updated_at', 'version']).where('id', '=', id).executeTakeFirst();
      if (!head) return undefined;
      const cached = parsedSettings.get(id);
      if (cached?.version === Number(head.version)) return record(head, cached.settings);
      const row = await db.selectFrom('user_pools').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    /** Pools in id order after the given id, one more than asked so callers know whether more remain. */
    async listAfter(after: string | undefined, limit: number): Promise<PoolRecord[]> {
      const id = bytewise(db, 'id');
      let query = db.selectFrom('user_pools').selectAll().orderBy(id).limit(limit);
      if (after !== undefined) query = query.where(id, '>', after);
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
      parsedSettings.delete(id);
      const result = await db.deleteFrom('user_pools').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

type PoolRow = { id: string; name: string; settings: string; created_at: number; updated_at: number; version: number };

/**
 * Parsed settings by pool id and version. Every request reads its pool, and parsing the settings
 * document costs more than the query; a version bump (any write) makes a stale entry miss. The
 * cached documents are frozen, since every request shares them.
 */
const parsedSettings = new Map<string, { version: number; settings: PoolSettings }>();

function toRecord(row: PoolRow): PoolRecord {
  const version = Number(row.version);
  let cached = parsedSettings.get(row.id);
  if (!cached || cached.version !== version) {
    cached = { version, settings: deepFreeze(JSON.parse(row.settings) as PoolSettings) };
    parsedSettings.set(row.id, cached);
  }
  return record(row, cached.settings);
}

function record(row: Omit<PoolRow, 'settings'>, settings: PoolSettings): PoolRecord {
  return { id: row.id, name: row.name, settings, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at), version: Number(row.version) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

export type UserPoolsRepository = ReturnType<typeof userPoolsRepository>;
