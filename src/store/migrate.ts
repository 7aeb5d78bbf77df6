/** Brings the schema up to date; run once by the primary process before workers start. */
import { Migrator, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (!error && !failed) return;
  const cause = error instanceof Error ? error.message : String(error);
  throw new Error(failed ? `migration ${failed.migrationName} failed: ${cause}` : `migrating the schema failed: ${cause}`);
}
