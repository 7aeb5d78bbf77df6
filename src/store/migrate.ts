/** Brings the schema up to date; run once by the primary process before workers start. */
import { Migrator, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Every migration's name, in the order they apply. */
export const migrationNames = Object.keys(migrations).sort();

export async function migrateToLatest(db: Db): Promise<void> {
  report(await new Migrator({ db, provider }).migrateToLatest());
}

/** Applies the migrations up to and including `name`, and no later one (tests of upgrades from an older schema). */
export async function migrateTo(db: Db, name: string): Promise<void> {
  if (!migrationNames.includes(name)) throw new Error(`no migration named ${name}`);
  report(await new Migrator({ db, provider }).migrateTo(name));
}

function report({ error, results }: Awaited<ReturnType<Migrator['migrateToLatest']>>): void {
  const failed = results?.find((r) => r.status === 'Error');
  if (!error && !failed) return;
  const cause = error instanceof Error ? error.message : String(error);
  throw new Error(failed ? `migration ${failed.migrationName} failed: ${cause}` : `migrating the schema failed: ${cause}`);
}
