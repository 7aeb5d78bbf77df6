/**
 * The module runtime: each file runs in worker threads of its own, a small pool per file that is
 * kept and reused between invocations, as Lambda keeps warm execution environments. A worker
 * handles one event at a time; one that overruns its time is terminated (a hung handler cannot
 * be interrupted any other way). When the file's modification time changes, the pool is
 * replaced, so an edited handler takes effect on its next invocation.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { functionError, invalidReply, invocationFailed } from './function-errors.js';
import type { InvocationMessage, WorkerReply, WorkerSetup } from './module-worker.js';

export interface ModuleCall {
  path: string;
  exportName: string;
  functionName: string;
  arn: string;
  event: unknown;
  timeoutMs: number;
}

const MAX_WORKERS_PER_FILE = 4;
/** The worker's own file: .ts under tsx (tests, development), .js once built. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./module-worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);

/**
 * Under tsx the worker's own .ts file needs tsx's loader, which Node 20 does not carry into
 * worker threads; a two-line bootstrap registers it first.
 */
function startWorker(options: ConstructorParameters<typeof Worker>[1]): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

class FilePool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private retired = false;

  constructor(readonly setup: WorkerSetup, readonly version: number) {}

  async call(call: ModuleCall): Promise<string> {
    const slot = await this.acquire();
    try {
      await slot.ready;
      return await this.dispatch(slot, call);
    } finally {
      slot.busy = false;
      if (this.retired) void slot.worker.terminate();
      this.waiting.shift()?.();
    }
  }

  retire(): void {
    this.retired = true;
    for (const slot of this.slots) if (!slot.busy) void slot.worker.terminate();
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const idle = this.slots.find((slot) => !slot.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (this.slots.length < MAX_WORKERS_PER_FILE) {
        const slot = this.spawn();
        slot.busy = true;
        return slot;
      }
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private spawn(): Slot {
    const worker = startWorker({ workerData: this.setup, env: functionEnvironment(), resourceLimits: { maxOldGenerationSizeMb: 256 } });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if ('type' in reply) {
          worker.off('message', onMessage);
          if (reply.type === 'ready') resolve();
          else reject(invocationFailed(`cannot load ${this.setup.path}: ${reply.message}`));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => reject(invocationFailed(`cannot load ${this.setup.path}: ${error.message}`)));
    });
    ready.catch(() => undefined);
    const slot: Slot = { worker, ready, busy: false };
    this.slots.push(slot);
    worker.once('exit', () => this.discard(slot));
    return slot;
  }

  /** A worker that will not be reused (terminated, or exited): later calls must not pick it. */
  private discard(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  private dispatch(slot: Slot, call: ModuleCall): Promise<string> {
    const id = this.nextId++;
    const { worker } = slot;
    return new Promise<string>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply) => {
        if ('type' in reply || reply.id !== id) return;
        cleanup();
        if ('json' in reply) resolve(reply.json);
        else reject(functionError(reply.error.errorMessage, reply.error.errorType));
      };
      // An error thrown outside the handler's promise (in a timer, say) kills the worker.
      const onError = (error: Error) => {
        cleanup();
        reject(functionError(error.message, error.name));
      };
      const onExit = () => {
        cleanup();
        reject(invocationFailed(`${call.functionName} exited before answering`));
      };
      const timer = setTimeout(() => {
        cleanup();
        this.discard(slot);
        void worker.terminate();
        reject(invocationFailed(`${call.functionName} timed out after ${call.timeoutMs / 1000} seconds`));
      }, call.timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      const message: InvocationMessage = {
        id, event: call.event, functionName: call.functionName, invokedFunctionArn: call.arn,
        awsRequestId: randomUUID(), deadline: Date.now() + call.timeoutMs,
      };
      worker.postMessage(message);
    });
  }
}

export interface ModuleRuntime {
  invoke(call: ModuleCall): Promise<unknown>;
  close(): Promise<void>;
}

export function moduleRuntime(): ModuleRuntime {
  const pools = new Map<string, FilePool>();
  return {
    async invoke(call) {
      let version: number;
      try {
        version = (await stat(call.path)).mtimeMs;
      } catch {
        throw invocationFailed(`function file not found: ${call.path}`);
      }
      const key = `${call.path}\0${call.exportName}`;
      let pool = pools.get(key);
      if (!pool || pool.version !== version) {
        pool?.retire();
        pool = new FilePool({ path: call.path, exportName: call.exportName }, version);
        pools.set(key, pool);
      }
      const json = await pool.call(call);
      try {
        return JSON.parse(json) as unknown;
      } catch {
        throw invalidReply(`${call.functionName} returned something that is not JSON`);
      }
    },
    async close() {
      for (const pool of pools.values()) pool.retire();
      pools.clear();
    },
  };
}

/**
 * The environment a function sees: the server's, less its own settings and secrets (admin keys,
 * the master key, database credentials), which a Lambda function would never see either.
 * (The one read of process.env outside config.ts: it is the functions' environment, not ours.)
 */
function functionEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || name.startsWith('GATEHOUSE_') || name === 'DATABASE_URL') continue;
    env[name] = value;
  }
  return env;
}
