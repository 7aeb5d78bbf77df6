/**
 * One-time codes (sign-up confirmation, password recovery, attribute verification). Only a hash
 * is stored; `consume` is the race-safe single use: exactly one caller deletes the matching row.
 */
import type { Db } from './database.js';

export type CodeOutcome = 'ok' | 'missing' | 'expired' | 'mismatch' | 'exhausted';

export interface CodeKey {
  poolId: string;
  usernameKey: string;
  purpose: string;
}

export function oneTimeCodesRepository(db: Db) {
  const row = (key: CodeKey) => db.selectFrom('one_time_codes').selectAll()
    .where('pool_id', '=', key.poolId).where('username_key', '=', key.usernameKey).where('purpose', '=', key.purpose);

  return {
    /** Stores a new code for the purpose, replacing any earlier one and its failed attempts. */
    async put(key: CodeKey, codeHash: string, expiresAt: number, now: number): Promise<void> {
      await db.insertInto('one_time_codes')
        .values({ pool_id: key.poolId, username_key: key.usernameKey, purpose: key.purpose, code_hash: codeHash, attempts: 0, expires_at: expiresAt, created_at: now })
        .onConflict((oc) => oc.columns(['pool_id', 'username_key', 'purpose']).doUpdateSet({ code_hash: codeHash, attempts: 0, expires_at: expiresAt, created_at: now }))
        .execute();
    },

    /**
     * Uses the code if it matches and is live. Every guess is counted before it is compared, so a
     * burst of parallel guesses gets no more than `maxAttempts` comparisons; the guess that
     * reaches the limit burns the code. A matching code is deleted by exactly one caller.
     */
    async consume(key: CodeKey, codeHash: string, now: number, maxAttempts: number): Promise<CodeOutcome> {
      const reserved = await db.updateTable('one_time_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('pool_id', '=', key.poolId).where('username_key', '=', key.usernameKey).where('purpose', '=', key.purpose)
        .where('attempts', '<', maxAttempts)
        .returning(['code_hash', 'expires_at', 'attempts']).executeTakeFirst();
      if (!reserved) return (await row(key).executeTakeFirst()) ? 'exhausted' : 'missing';
      if (Number(reserved.expires_at) <= now) return 'expired';
      if (reserved.code_hash === codeHash) {
        const used = await db.deleteFrom('one_time_codes')
          .where('pool_id', '=', key.poolId).where('username_key', '=', key.usernameKey).where('purpose', '=', key.purpose)
          .where('code_hash', '=', codeHash).returning('purpose').executeTakeFirst();
        return used ? 'ok' : 'missing';
      }
      if (Number(reserved.attempts) >= maxAttempts) {
        await this.discard(key);
        return 'exhausted';
      }
      return 'mismatch';
    },

    async discard(key: CodeKey): Promise<void> {
      await db.deleteFrom('one_time_codes')
        .where('pool_id', '=', key.poolId).where('username_key', '=', key.usernameKey).where('purpose', '=', key.purpose).execute();
    },
  };
}

export type OneTimeCodesRepository = ReturnType<typeof oneTimeCodesRepository>;
