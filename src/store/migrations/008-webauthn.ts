/**
 * Passkeys: users' WebAuthn credentials (public key, signature counter, transports) and the one
 * pending registration challenge per user between StartWebAuthnRegistration and
 * CompleteWebAuthnRegistration.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bytewise = db.getExecutor().adapter instanceof PostgresAdapter ? sql`collate "C"` : sql``;
  await db.schema.createTable('webauthn_credentials')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('credential_id', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'bigint', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('attachment', 'text')
    .addColumn('friendly_name', 'text')
    .addColumn('rp_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webauthn_credentials_pk', ['pool_id', 'credential_id'])
    .addForeignKeyConstraint('webauthn_credentials_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('webauthn_credentials_by_user').on('webauthn_credentials').columns(['pool_id', 'username_key', 'credential_id']).execute();
  await db.schema.createTable('webauthn_registrations')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('webauthn_registrations_pk', ['pool_id', 'username_key'])
    .addForeignKeyConstraint('webauthn_registrations_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
}
