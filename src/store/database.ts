/**
 * Opens the database: better-sqlite3 in WAL mode under the data folder by default, or PostgreSQL
 * when a connection string is given. Both sit behind one Kysely instance.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  engine: Engine;
}

// int8 (bigint) columns hold epoch milliseconds and counters, all well inside 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function openDatabase(options: { dataDir: string; databaseUrl: string | undefined }): OpenedDatabase {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(join(options.dataDir, 'gatehouse.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Several worker processes share the file; wait for the writer rather than fail.
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), engine: 'sqlite' };
}

/** Resolves once the database answers a query; rejects with the driver's error, or after `timeoutMs` without an answer. */
export async function ping(db: Db, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), silence]);
  } finally {
    clearTimeout(timer);
  }
}

/** Statements the SQLite connection keeps prepared; the hot paths use a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs more than running a point lookup; the
 * queries are the same few shapes with different parameters, so their statements are reused.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
