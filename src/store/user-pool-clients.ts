/**
 * App clients and their secrets. Secrets arrive and leave sealed (crypto/secret-box.ts); this
 * repository never sees one in clear. Writes that must count secrets first take the client's row
 * lock by touching the row, so two concurrent AddUserPoolClientSecret calls cannot both pass the
 * two-secret limit on PostgreSQL, and SQLite takes its write lock before the count.
 */
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import type { Db } from './database.js';

/** What Create/UpdateUserPoolClient set, in the shape DescribeUserPoolClient echoes. */
export type ClientSettings = Omit<UserPoolClientType, 'UserPoolId' | 'ClientId' | 'ClientName' | 'ClientSecret' | 'CreationDate' | 'LastModifiedDate'>;

export interface ClientRecord {
  poolId: string;
  clientId: string;
  clientName: string;
  settings: ClientSettings;
  createdAt: number;
  updatedAt: number;
}

export interface ClientSecretRecord {
  secretId: string;
  /** Sealed under the master key. */
  sealed: string;
  createdAt: number;
}

/** A secret to add: its id is made from its creation time, which the repository settles. */
export interface NewClientSecret {
  sealed: string;
  now: number;
  idFor: (createdAt: number) => string;
}

export type AddSecretOutcome = { added: ClientSecretRecord } | { refused: 'no-client' | 'limit' };
export type RemoveSecretOutcome = 'removed' | 'no-client' | 'no-secret' | 'last';

export function userPoolClientsRepository(db: Db) {
  return {
    /** Inserts a client and, for confidential clients, its first secret, atomically. */
    async insert(client: ClientRecord, secret: ClientSecretRecord | undefined): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('user_pool_clients').values({
          pool_id: client.poolId, client_id: client.clientId, client_name: client.clientName,
          settings: JSON.stringify(client.settings), created_at: client.createdAt, updated_at: client.updatedAt,
        }).execute();
        if (secret) await insertSecret(trx, client.poolId, client.clientId, secret);
      });
    },

    async find(poolId: string, clientId: string): Promise<ClientRecord | undefined> {
      const row = await db.selectFrom('user_pool_clients').selectAll().where('pool_id', '=', poolId).where('client_id', '=', clientId).executeTakeFirst();
      return row && toRecord(row);
    },

    /** By client id alone, for public operations that name only the client (ids are unique across pools). */
    async findByClientId(clientId: string): Promise<ClientRecord | undefined> {
      const row = await db.selectFrom('user_pool_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
      return row && toRecord(row);
    },

    /** The pool's clients in id order after the given id, as many as asked. */
    async listAfter(poolId: string, after: string | undefined, limit: number): Promise<ClientRecord[]> {
      let query = db.selectFrom('user_pool_clients').selectAll().where('pool_id', '=', poolId).orderBy('client_id').limit(limit);
      if (after !== undefined) query = query.where('client_id', '>', after);
      return (await query.execute()).map(toRecord);
    },

    async update(poolId: string, clientId: string, changes: { clientName: string; settings: ClientSettings; updatedAt: number }): Promise<boolean> {
      const result = await db.updateTable('user_pool_clients')
        .set({ client_name: changes.clientName, settings: JSON.stringify(changes.settings), updated_at: changes.updatedAt })
        .where('pool_id', '=', poolId).where('client_id', '=', clientId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Removes the client; its secrets go with it (foreign key cascade). */
    async remove(poolId: string, clientId: string): Promise<boolean> {
      const result = await db.deleteFrom('user_pool_clients').where('pool_id', '=', poolId).where('client_id', '=', clientId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** The client's current secrets, oldest first. */
    async secrets(poolId: string, clientId: string): Promise<ClientSecretRecord[]> {
      const rows = await db.selectFrom('client_secrets').select(['secret_id', 'secret', 'created_at'])
        .where('pool_id', '=', poolId).where('client_id', '=', clientId)
        .orderBy('created_at').orderBy('secret_id').execute();
      return rows.map((row) => ({ secretId: row.secret_id, sealed: row.secret, createdAt: Number(row.created_at) }));
    },

    /** Adds a secret unless the client already holds `limit`; ids stay unique by moving time forward past the newest. */
    async addSecret(poolId: string, clientId: string, secret: NewClientSecret, limit: number): Promise<AddSecretOutcome> {
      return db.transaction().execute(async (trx): Promise<AddSecretOutcome> => {
        if (!(await lockClient(trx, poolId, clientId))) return { refused: 'no-client' };
        const existing = await trx.selectFrom('client_secrets').select('created_at')
          .where('pool_id', '=', poolId).where('client_id', '=', clientId).execute();
        if (existing.length >= limit) return { refused: 'limit' };
        const newest = Math.max(0, ...existing.map((row) => Number(row.created_at)));
        const createdAt = Math.max(secret.now, newest + 1);
        const record = { secretId: secret.idFor(createdAt), sealed: secret.sealed, createdAt };
        await insertSecret(trx, poolId, clientId, record);
        return { added: record };
      });
    },

    /** Removes one secret, refusing to remove the client's last one. */
    async removeSecret(poolId: string, clientId: string, secretId: string): Promise<RemoveSecretOutcome> {
      return db.transaction().execute(async (trx): Promise<RemoveSecretOutcome> => {
        if (!(await lockClient(trx, poolId, clientId))) return 'no-client';
        const ids = (await trx.selectFrom('client_secrets').select('secret_id')
          .where('pool_id', '=', poolId).where('client_id', '=', clientId).execute()).map((row) => row.secret_id);
        if (!ids.includes(secretId)) return 'no-secret';
        if (ids.length === 1) return 'last';
        await trx.deleteFrom('client_secrets')
          .where('pool_id', '=', poolId).where('client_id', '=', clientId).where('secret_id', '=', secretId).execute();
        return 'removed';
      });
    },
  };
}

/** Takes the client row's write lock with a no-op update; false when the client does not exist. */
async function lockClient(trx: Db, poolId: string, clientId: string): Promise<boolean> {
  const result = await trx.updateTable('user_pool_clients').set((eb) => ({ client_id: eb.ref('client_id') }))
    .where('pool_id', '=', poolId).where('client_id', '=', clientId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

async function insertSecret(trx: Db, poolId: string, clientId: string, secret: ClientSecretRecord): Promise<void> {
  await trx.insertInto('client_secrets').values({
    pool_id: poolId, client_id: clientId, secret_id: secret.secretId, secret: secret.sealed, created_at: secret.createdAt,
  }).execute();
}

function toRecord(row: { pool_id: string; client_id: string; client_name: string; settings: string; created_at: number; updated_at: number }): ClientRecord {
  return {
    poolId: row.pool_id, clientId: row.client_id, clientName: row.client_name, settings: JSON.parse(row.settings) as ClientSettings,
    createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
  };
}

export type UserPoolClientsRepository = ReturnType<typeof userPoolClientsRepository>;
