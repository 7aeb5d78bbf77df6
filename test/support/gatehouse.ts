/**
 * Starts a real `bin/gatehouse serve` process for a test, on a free port, with its own data folder
 * and (on PostgreSQL) its own freshly created database, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ADMIN = { accessKeyId: 'AKIAGATEHOUSETEST001', secretAccessKey: 'gatehouse/test/secret/access/key/0000000' };
export const REGION = 'us-east-1';

export interface StartOptions {
  engine: Engine;
  workers?: number;
  env?: Record<string, string>;
  /** Reuse a data folder and database, to prove data survives a restart. */
  reuse?: Pick<Gatehouse, 'dataDir' | 'databaseUrl'>;
  /** Interface to bind, and to call the server on (default 127.0.0.1). */
  host?: string;
  /** Give port, host, data folder, database and workers as CLI flags (default) or as environment variables. */
  settingsVia?: 'flags' | 'env';
  /** More CLI flags after `serve`. */
  args?: string[];
}

export interface Gatehouse {
  url: string;
  port: number;
  /** The server process (the cluster primary when there are several workers). */
  pid: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Settles with the exit code when the process exits (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code; SIGKILL after ten seconds. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** A new empty database in the throwaway cluster that scripts/test.sh started. */
export async function createTestDatabase(): Promise<string> {
  const admin = process.env.GATEHOUSE_TEST_PG_URL;
  if (!admin) throw new Error('GATEHOUSE_TEST_PG_URL is not set: run the suite through `npm test`');
  const name = `gh_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The server runs from dist/: a source file newer than its build output would test yesterday's
 * code, so that fails loudly (scripts/test.sh builds first; a hand-run `node --test` may not have).
 */
export function assertBuildIsCurrent(src = join(ROOT, 'src'), dist = join(ROOT, 'dist')): void {
  const stale: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = join(dist, relative(src, path)).replace(/\.ts$/, '.js');
        let builtAt = -1;
        try { builtAt = statSync(built).mtimeMs; } catch { /* not built */ }
        if (builtAt < statSync(path).mtimeMs) stale.push(relative(ROOT, path));
      }
    }
  };
  walk(src);
  if (stale.length) throw new Error(`dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', ...' : ''}): run \`npm run build\` (npm test does) before the end-to-end tests`);
}

let buildChecked = false;

/**
 * Under `npm run coverage` the test processes write V8 coverage to NODE_V8_COVERAGE: the server
 * processes (and their cluster workers) must too, or everything they run is reported as untested.
 */
export function coverageEnv(): Record<string, string> {
  return process.env.NODE_V8_COVERAGE ? { NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE } : {};
}

export async function startGatehouse(options: StartOptions): Promise<Gatehouse> {
  if (!buildChecked) {
    assertBuildIsCurrent();
    buildChecked = true;
  }
  // GATEHOUSE_TEST_SERVER_LOG names a file that gets one line per server started, to count them.
  if (process.env.GATEHOUSE_TEST_SERVER_LOG) appendFileSync(process.env.GATEHOUSE_TEST_SERVER_LOG, `${relative(ROOT, process.argv[1] ?? '?')}\n`);
  const port = await freePort();
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
  const databaseUrl = options.reuse ? options.reuse.databaseUrl : options.engine === 'postgres' ? await createTestDatabase() : undefined;
  const settings: [flag: string, variable: string, value: string | undefined][] = [
    ['--port', 'GATEHOUSE_PORT', String(port)], ['--host', 'GATEHOUSE_HOST', options.host], ['--data', 'GATEHOUSE_DATA', dataDir],
    ['--database-url', 'DATABASE_URL', databaseUrl], ['--workers', 'GATEHOUSE_WORKERS', String(options.workers ?? 1)],
  ];
  const given = settings.filter(([, , value]) => value !== undefined) as [string, string, string][];
  const viaEnv = options.settingsVia === 'env';
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'gatehouse'), 'serve', ...(viaEnv ? [] : given.flatMap(([flag, , value]) => [flag, value])), ...(options.args ?? [])], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GATEHOUSE_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
      GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
      GATEHOUSE_LOG_LEVEL: 'warn',
      ...coverageEnv(),
      ...(viaEnv ? Object.fromEntries(given.map(([, variable, value]) => [variable, value])) : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const url = `http://${host}:${port}`;
  await waitForHealth(url, child, () => output);
  return { url, port, pid: child.pid!, dataDir, databaseUrl, output: () => output, exited, stop: () => stop(child, exited) };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gatehouse exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`gatehouse did not become healthy:\n${output()}`);
}

function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  child.kill('SIGTERM');
  return exited.finally(() => clearTimeout(timer));
}
