/**
 * Indexes for the ListUsers filters that 002 did not serve: `username` (case-sensitive, the stored
 * spelling, which differs from username_key in case-insensitive pools) and `status`
 * (Enabled/Disabled). On PostgreSQL the searched text columns compare bytewise, as SQLite's do,
 * so that prefix filters (`^=`), which are range scans, match exactly whatever the database's
 * default collation.
 */
import { sql, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const column of ['username', 'sub', 'status']) {
      await sql`alter table users alter column ${sql.ref(column)} type text collate "C"`.execute(db);
    }
  }
  await db.schema.createIndex('users_username').on('users').columns(['pool_id', 'username']).execute();
  await db.schema.createIndex('users_enabled').on('users').columns(['pool_id', 'enabled', 'username_key']).execute();
}
