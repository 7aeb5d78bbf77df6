/** Per-pool signing keys; private halves arrive and leave encrypted. */
import type { Db } from './database.js';

export interface SigningKeyRecord {
  poolId: string;
  kid: string;
  purpose: 'id' | 'access';
  privateJwk: string;
  publicJwk: string;
  createdAt: number;
}

export function signingKeysRepository(db: Db) {
  return {
    async insert(key: SigningKeyRecord): Promise<void> {
      await db.insertInto('signing_keys').values({
        pool_id: key.poolId, kid: key.kid, purpose: key.purpose, private_jwk: key.privateJwk, public_jwk: key.publicJwk, created_at: key.createdAt,
      }).execute();
    },

    /** The pool's keys, newest first. */
    async forPool(poolId: string): Promise<SigningKeyRecord[]> {
      const rows = await db.selectFrom('signing_keys').selectAll().where('pool_id', '=', poolId).orderBy('created_at', 'desc').execute();
      return rows.map((row) => ({
        poolId: row.pool_id, kid: row.kid, purpose: row.purpose as 'id' | 'access',
        privateJwk: row.private_jwk, publicJwk: row.public_jwk, createdAt: Number(row.created_at),
      }));
    },
  };
}

export type SigningKeysRepository = ReturnType<typeof signingKeysRepository>;
