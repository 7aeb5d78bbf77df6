/**
 * Users' passkeys. `advanceCounter` is the race-safe signature-counter check: an assertion is
 * accepted only if it moves the stored counter forward (or both are zero, for authenticators that
 * keep no counter). The pending registration challenge is one per user, taken once.
 */
import type { Db } from './database.js';
import type { WebAuthnCredentialTable } from './schema.js';

export interface WebAuthnCredentialRecord {
  poolId: string;
  credentialId: string;
  usernameKey: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  attachment: string | null;
  friendlyName: string | null;
  rpId: string;
  createdAt: number;
}

const toRecord = (row: WebAuthnCredentialTable): WebAuthnCredentialRecord => ({
  poolId: row.pool_id, credentialId: row.credential_id, usernameKey: row.username_key, publicKey: row.public_key, counter: Number(row.counter),
  transports: JSON.parse(row.transports) as string[], attachment: row.attachment, friendlyName: row.friendly_name, rpId: row.rp_id, createdAt: Number(row.created_at),
});

export function webAuthnCredentialsRepository(db: Db) {
  return {
    /** Adds a credential; false when its id is registered in the pool already. */
    async add(credential: WebAuthnCredentialRecord): Promise<boolean> {
      const result = await db.insertInto('webauthn_credentials').values({
        pool_id: credential.poolId, credential_id: credential.credentialId, username_key: credential.usernameKey, public_key: credential.publicKey,
        counter: credential.counter, transports: JSON.stringify(credential.transports), attachment: credential.attachment,
        friendly_name: credential.friendlyName, rp_id: credential.rpId, created_at: credential.createdAt,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async find(poolId: string, usernameKey: string, credentialId: string): Promise<WebAuthnCredentialRecord | undefined> {
      const row = await db.selectFrom('webauthn_credentials').selectAll()
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('credential_id', '=', credentialId).executeTakeFirst();
      return row && toRecord(row);
    },

    async listAfter(poolId: string, usernameKey: string, after: string | undefined, limit: number): Promise<WebAuthnCredentialRecord[]> {
      let query = db.selectFrom('webauthn_credentials').selectAll()
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).orderBy('credential_id').limit(limit);
      if (after !== undefined) query = query.where('credential_id', '>', after);
      return (await query.execute()).map(toRecord);
    },

    async advanceCounter(poolId: string, credentialId: string, seen: number, next: number): Promise<boolean> {
      let query = db.updateTable('webauthn_credentials').set({ counter: next }).where('pool_id', '=', poolId).where('credential_id', '=', credentialId);
      query = next === 0 ? query.where('counter', '=', 0) : query.where('counter', '=', seen).where('counter', '<', next);
      return (await query.executeTakeFirst()).numUpdatedRows > 0n;
    },

    async remove(poolId: string, usernameKey: string, credentialId: string): Promise<boolean> {
      const result = await db.deleteFrom('webauthn_credentials')
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('credential_id', '=', credentialId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async putRegistration(poolId: string, usernameKey: string, challenge: string, expiresAt: number): Promise<void> {
      await db.insertInto('webauthn_registrations').values({ pool_id: poolId, username_key: usernameKey, challenge, expires_at: expiresAt })
        .onConflict((oc) => oc.columns(['pool_id', 'username_key']).doUpdateSet({ challenge, expires_at: expiresAt }))
        .execute();
    },

    /** The pending registration challenge, removed as it is read; undefined when none or expired. */
    async takeRegistration(poolId: string, usernameKey: string, now: number): Promise<string | undefined> {
      const row = await db.deleteFrom('webauthn_registrations').where('pool_id', '=', poolId).where('username_key', '=', usernameKey)
        .returning(['challenge', 'expires_at']).executeTakeFirst();
      return row && Number(row.expires_at) > now ? row.challenge : undefined;
    },
  };
}
