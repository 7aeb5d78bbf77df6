/**
 * Gatehouse as users run it: `bin/gatehouse serve` from dist/, on SQLite in a fresh data folder,
 * or on a fresh database in the PostgreSQL cluster named by GATEHOUSE_BENCH_PG_URL; on the Node that
 * runs the benchmark, or on another release from a project copy (`--node`, named `gatehouse-2w@v22.23.5`).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import type { OtherNode } from '../other-node.js';
import type { ServerProcess } from './server-process.js';
import { startServer } from './server-process.js';
import { CREDENTIALS, REGION, type Target } from './target.js';

const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'gatehouse');

export interface GatehouseOptions {
  workers: number;
  /** A PostgreSQL server URL; a database is created for the run and dropped after. */
  postgresUrl?: string;
  /** Another Node release to run the server on; the benchmark's own when absent. */
  node?: OtherNode;
}

export function gatehouse({ workers, postgresUrl, node }: GatehouseOptions): Target {
  const engine = postgresUrl ? 'postgres' : 'sqlite';
  const runtime: Runtime = node ? { command: node.binary, bin: resolve(node.root, 'bin', 'gatehouse') } : { command: process.execPath, bin: BIN };
  return {
    name: `gatehouse-${workers}w${postgresUrl ? '-pg' : ''}${node ? `@${node.version}` : ''}`,
    kind: 'gatehouse',
    node: node?.version ?? process.version,
    describe: `bin/gatehouse serve --workers ${workers} (${engine}, fresh ${postgresUrl ? 'database' : 'data folder'}, GATEHOUSE_LOG_LEVEL=warn, `
      + `node ${node ? `${node.version} from ${node.binary}` : process.version})`
      // PostgreSQL's backends are not Gatehouse's children, so their CPU lands in "other".
      + (postgresUrl ? '; PostgreSQL\'s own CPU counts as "other"' : ''),
    notes: {
      users: [
        'an argon2id hash (m=7168,t=5,p=1 by default) and an SRP verifier are computed for every password set, and every '
          + 'sign-in stores its refresh token, hashed (an SRP sign-in also its session), in the database',
      ],
    },
    start: () => (postgresUrl ? startOnPostgres(runtime, workers, postgresUrl) : startGatehouse(runtime, workers, undefined)),
  };
}

/** The node binary and the bin/gatehouse it runs (a copy's, whose native addons match that node). */
interface Runtime {
  command: string;
  bin: string;
}

function startGatehouse(runtime: Runtime, workers: number, databaseUrl: string | undefined): Promise<ServerProcess> {
  return startServer({
    label: 'gatehouse',
    command: runtime.command,
    args: (port, dir) => [runtime.bin, 'serve', '--port', String(port), '--data', dir, '--workers', String(workers)],
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

async function startOnPostgres(runtime: Runtime, workers: number, serverUrl: string): Promise<ServerProcess> {
  const name = `gh_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const server = await startGatehouse(runtime, workers, url.toString());
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
