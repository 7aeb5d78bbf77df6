/**
 * Users, their attributes (one row each, indexed for ListUsers filters), aliases, group
 * memberships, one-time codes, sign-in sessions and refresh tokens.
 */
import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Prefix filters (`^=`) are range scans; PostgreSQL must compare bytes, as SQLite does, for them to be exact.
  const bytewise = db.getExecutor().adapter instanceof PostgresAdapter ? sql`collate "C"` : sql``;

  await db.schema.createTable('users')
    .addColumn('pool_id', 'text', (c) => c.notNull().references('user_pools.id').onDelete('cascade'))
    .addColumn('username', 'text', (c) => c.notNull())
    /** The username as compared: lower-cased in case-insensitive pools. */
    .addColumn('username_key', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('sub', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('srp_salt', 'text')
    .addColumn('srp_verifier', 'text')
    .addColumn('password_set_at', 'bigint')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('mfa_settings', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pk', ['pool_id', 'username_key'])
    .execute();
  await db.schema.createIndex('users_sub').on('users').columns(['pool_id', 'sub']).unique().execute();
  await db.schema.createIndex('users_status').on('users').columns(['pool_id', 'status', 'username_key']).execute();

  await db.schema.createTable('user_attributes')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addPrimaryKeyConstraint('user_attributes_pk', ['pool_id', 'username_key', 'name'])
    .addForeignKeyConstraint('user_attributes_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('user_attributes_search').on('user_attributes').columns(['pool_id', 'name', 'value']).execute();

  // Sign-in names other than the username: email/phone as username, or verified aliases.
  await db.schema.createTable('user_aliases')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_aliases_pk', ['pool_id', 'alias_key'])
    .addForeignKeyConstraint('user_aliases_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('user_aliases_user').on('user_aliases').columns(['pool_id', 'username_key']).execute();

  await db.schema.createTable('user_groups')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_groups_pk', ['pool_id', 'group_name', 'username_key'])
    .addForeignKeyConstraint('user_groups_group_fk', ['pool_id', 'group_name'], 'groups', ['pool_id', 'group_name'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('user_groups_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('user_groups_user').on('user_groups').columns(['pool_id', 'username_key']).execute();

  // One-time codes (sign-up confirmation, password recovery, attribute verification), hashed.
  await db.schema.createTable('one_time_codes')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('one_time_codes_pk', ['pool_id', 'username_key', 'purpose'])
    .addForeignKeyConstraint('one_time_codes_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();

  // Sign-in sessions between challenges: stored by the hash of the opaque Session string, used once.
  await db.schema.createTable('auth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text')
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_sessions_expiry').on('auth_sessions').column('expires_at').execute();

  // Refresh tokens, stored only as hashes; origin_jti ties a sign-in's tokens together for revocation.
  await db.schema.createTable('refresh_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('origin_jti', 'text', (c) => c.notNull())
    .addColumn('auth_time', 'bigint', (c) => c.notNull())
    .addColumn('device_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    /** Set when rotation replaced this token; a replaced token may not be used again. */
    .addColumn('replaced_at', 'bigint')
    .addForeignKeyConstraint('refresh_tokens_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('refresh_tokens_origin').on('refresh_tokens').columns(['pool_id', 'origin_jti']).execute();
  await db.schema.createIndex('refresh_tokens_user').on('refresh_tokens').columns(['pool_id', 'username_key']).execute();
}
