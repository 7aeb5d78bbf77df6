/**
 * Starts serving: the primary migrates the schema and settles the admin credentials, then either
 * serves itself (one worker) or forks workers that share the port (node:cluster). SIGTERM (or
 * SIGINT) drains in-flight requests and exits cleanly.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import pino from 'pino';
import type { Config } from '../config.js';
import { ping } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { adminCredentials } from './admin-credentials.js';
import { buildApp } from './app.js';
import { createServices } from './services.js';
import { databaseFailure, dataFolderFailure, listenFailure } from './start-up-errors.js';

const DRAIN_DEADLINE_MS = 10_000;
/** How long the first query may wait for the database before the start gives up. */
const DATABASE_DEADLINE_MS = 15_000;

/** What a worker that failed to start tells its primary, which reports it once and stops. */
interface StartFailed {
  gatehouse: 'start-failed';
  message: string;
}

export async function start(config: Config): Promise<void> {
  const log = pino({ level: config.logLevel, redact: ['req.headers.authorization'] });
  if (cluster.isPrimary) {
    const services = await openServices(config, log);
    await migrateToLatest(services.store.db).catch((error: unknown) => {
      throw databaseFailure(config, error);
    });
    const credentials = await adminCredentials(services);
    if (credentials.generated) {
      // Printed once, on the start that generated them; afterwards they live sealed in the database.
      process.stdout.write(`Generated admin credentials (shown once):\n  AWS_ACCESS_KEY_ID=${credentials.accessKeyId}\n  AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey}\n`);
    }
    if (config.workers > 1) {
      await services.store.db.destroy();
      return superviseWorkers(config, log);
    }
    return serve(config, services);
  }
  try {
    await serve(config, await openServices(config, log));
  } catch (error) {
    const failed: StartFailed = { gatehouse: 'start-failed', message: error instanceof Error ? error.message : String(error) };
    process.send!(failed, () => process.exit(1));
  }
}

/** The services, with the data folder usable and the database answering; otherwise an error naming the setting. */
async function openServices(config: Config, log: pino.Logger): Promise<ReturnType<typeof createServices>> {
  let services: ReturnType<typeof createServices>;
  try {
    services = createServices(config, log);
  } catch (error) {
    throw dataFolderFailure(config, error);
  }
  try {
    await ping(services.store.db, DATABASE_DEADLINE_MS);
  } catch (error) {
    void services.store.db.destroy().catch(() => undefined);
    throw databaseFailure(config, error);
  }
  return services;
}

async function serve(config: Config, services: ReturnType<typeof createServices>): Promise<void> {
  const credentials = await adminCredentials(services);
  const app = buildApp(services, (id) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await services.store.db.destroy().catch(() => undefined);
    throw listenFailure(config, error);
  }
  if (cluster.isPrimary) process.stdout.write(`Gatehouse listening on ${config.publicUrl} (${services.store.engine})\n`);
  onStopSignal(async function drain() {
    // close() stops accepting and lets in-flight requests finish; a request that never ends must
    // not keep the process alive forever.
    setTimeout(() => {
      services.log.error('requests still in flight after the drain deadline; exiting');
      process.exit(1);
    }, DRAIN_DEADLINE_MS).unref();
    await app.close();
    await services.store.db.destroy();
    process.exit(0);
  });
}

/**
 * Password hashing runs on libuv's thread pool (4 threads per process by default). With several
 * workers that multiplies into more argon2 threads than cores, and 7 MiB hashes then evict each
 * other from the caches: on the 2-core reference machine, 2 workers x 4 threads reached 69% of
 * the hashing floor where 1 x 4 reached 90%. So the workers share about two threads per core,
 * unless UV_THREADPOOL_SIZE is set.
 */
function workerEnvironment(workers: number): NodeJS.ProcessEnv {
  if (process.env.UV_THREADPOOL_SIZE) return {};
  return { UV_THREADPOOL_SIZE: String(Math.max(2, Math.ceil((2 * availableParallelism()) / workers))) };
}

function superviseWorkers(config: Config, log: pino.Logger): Promise<void> {
  let stopping = false;
  let listening = 0;
  const fork = () => cluster.fork(workerEnvironment(config.workers));
  cluster.on('listening', () => {
    if (++listening === config.workers) process.stdout.write(`Gatehouse listening on ${config.publicUrl} (${config.workers} workers)\n`);
  });
  cluster.on('message', (_worker, message: Partial<StartFailed>) => {
    if (message?.gatehouse !== 'start-failed' || stopping) return;
    // The workers all start alike: one that cannot start means none can; report it once and stop.
    stopping = true;
    process.stderr.write(`gatehouse: ${message.message}\n`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exitCode = 1;
  });
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    log.error({ pid: worker.process.pid, code }, 'worker exited; starting another');
    fork();
  });
  for (let i = 0; i < config.workers; i++) fork();
  onStopSignal(function stopWorkers() {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
  return Promise.resolve();
}

/**
 * Runs the handler on the first SIGTERM or SIGINT and ignores any repeat: Ctrl-C signals the whole
 * process group, so a worker hears both the terminal and its primary, and must not die half-drained.
 */
function onStopSignal(handler: () => unknown): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void handler();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
