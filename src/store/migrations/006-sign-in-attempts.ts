/**
 * Sign-in attempts in flight, beside the failures already counted on each user, so that parallel
 * attempts are limited without being counted as failures (store/sign-in-attempts.ts); and the
 * same counters for names that are no user, kept under an HMAC of the pool and the name typed
 * (never the name itself), so that an unknown name is locked out as a user is.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('sign_ins_in_flight', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('in_flight_until', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('last_failed_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.createTable('unknown_sign_ins')
    .addColumn('pool_id', 'text', (c) => c.notNull().references('user_pools.id').onDelete('cascade'))
    .addColumn('name_hash', 'text', (c) => c.notNull())
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('sign_ins_in_flight', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_flight_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failed_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('unknown_sign_ins_pk', ['pool_id', 'name_hash'])
    .execute();
  // No index on the times: an unknown name's failure then costs the same writes as a user's (on
  // PostgreSQL a heap-only update), and the purge that scans them runs once a minute.
}
