/**
 * New email addresses and phone numbers waiting for verification, in pools whose
 * UserAttributeUpdateSettings keep the old value until the user verifies the new one.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('pending_attributes')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('pending_attributes_pk', ['pool_id', 'username_key', 'name'])
    .addForeignKeyConstraint('pending_attributes_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
}
