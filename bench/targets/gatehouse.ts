/**
 * Gatehouse as users run it: `bin/gatehouse serve` from dist/, on SQLite in a fresh data folder,
 * or on a fresh database in the PostgreSQL cluster named by GATEHOUSE_BENCH_PG_URL.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import type { ServerProcess } from './server-process.js';
import { startServer } from './server-process.js';
import { CREDENTIALS, REGION, type Target } from './target.js';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'gatehouse');

export interface GatehouseOptions {
  workers: number;
  /** A PostgreSQL server URL; a database is created for the run and dropped after. */
  postgresUrl?: string;
}

export function gatehouse({ workers, postgresUrl }: GatehouseOptions): Target {
  const engine = postgresUrl ? 'postgres' : 'sqlite';
  return {
    name: `gatehouse-${workers}w${postgresUrl ? '-pg' : ''}`,
    kind: 'gatehouse',
    describe: `bin/gatehouse serve --workers ${workers} (${engine}, fresh ${postgresUrl ? 'database' : 'data folder'}, GATEHOUSE_LOG_LEVEL=warn)`
      // PostgreSQL's backends are not Gatehouse's children, so their CPU lands in "other".
      + (postgresUrl ? '; PostgreSQL\'s own CPU counts as "other"' : ''),
    notes: {
      users: [
        'an argon2id hash (m=7168,t=5,p=1 by default) and an SRP verifier are computed for every password set, and every '
          + 'sign-in stores its refresh token, hashed (an SRP sign-in also its session), in the database',
      ],
    },
    start: () => (postgresUrl ? startOnPostgres(workers, postgresUrl) : startGatehouse(workers, undefined)),
  };
}

function startGatehouse(workers: number, databaseUrl: string | undefined): Promise<ServerProcess> {
  return startServer({
    label: 'gatehouse',
    command: process.execPath,
    args: (port, dir) => [BIN, 'serve', '--port', String(port), '--data', dir, '--workers', String(workers)],
    env: () => ({
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      GATEHOUSE_REGION: REGION,
      GATEHOUSE_LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
    // The primary prints this once every worker listens; /health alone could answer from the first.
    isReady: async (url, log) => log.includes('Gatehouse listening') && (await fetch(`${url}/health`)).status === 200,
  });
}

async function startOnPostgres(workers: number, serverUrl: string): Promise<ServerProcess> {
  const name = `gh_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const server = await startGatehouse(workers, url.toString());
    return { ...server, stop: () => server.stop().finally(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`)) };
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
    throw error;
  }
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
