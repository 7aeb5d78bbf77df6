/**
 * TOTP authenticators (AssociateSoftwareToken / VerifySoftwareToken): one per user, the secret
 * sealed under the master key, a pending secret while a new one awaits verification, and the
 * last time step a code was accepted for, so that each code is accepted once.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('software_tokens')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('pending_secret', 'text')
    .addColumn('friendly_name', 'text')
    .addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(-1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('software_tokens_pk', ['pool_id', 'username_key'])
    .addForeignKeyConstraint('software_tokens_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
}
