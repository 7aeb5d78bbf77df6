/**
 * Sign-in sessions between challenges, stored under the hash of the opaque `Session` string the
 * client holds. `take` deletes as it reads, so a session serves exactly one answer.
 */
import type { Db } from './database.js';

export interface AuthSessionRecord {
  id: string;
  poolId: string;
  clientId: string;
  usernameKey: string | null;
  challenge: string;
  /** Challenge-specific state (SRP secrets, pending attributes...), as JSON. */
  state: string;
  expiresAt: number;
}

export function authSessionsRepository(db: Db) {
  return {
    async insert(session: AuthSessionRecord): Promise<void> {
      await db.insertInto('auth_sessions').values({
        id: session.id, pool_id: session.poolId, client_id: session.clientId, username_key: session.usernameKey,
        challenge: session.challenge, state: session.state, expires_at: session.expiresAt,
      }).execute();
    },

    /** Removes and returns the session; undefined when it does not exist or was already used. */
    async take(id: string): Promise<AuthSessionRecord | undefined> {
      const row = await db.deleteFrom('auth_sessions').where('id', '=', id).returningAll().executeTakeFirst();
      return row && {
        id: row.id, poolId: row.pool_id, clientId: row.client_id, usernameKey: row.username_key,
        challenge: row.challenge, state: row.state, expiresAt: Number(row.expires_at),
      };
    },

    async purgeExpired(now: number): Promise<void> {
      await db.deleteFrom('auth_sessions').where('expires_at', '<', now).execute();
    },
  };
}

export type AuthSessionsRepository = ReturnType<typeof authSessionsRepository>;
