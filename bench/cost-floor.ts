/**
 * The cost floor of sign-in and sign-up on this machine, measured in the same run as the load:
 * how many argon2id hashes (Gatehouse's default parameters, through @node-rs/argon2), RS256
 * signatures (jose, 2048-bit key) and SRP verifiers both cores complete per second, one thread
 * per core. A password sign-in costs at least one argon2id verification (as costly as a hash) and
 * two signatures (ID and access tokens); a SignUp one argon2id hash and one SRP verifier. No
 * server can beat those rates on this machine with these parameters.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cpuWindow, type CpuShares } from './cpu-usage.js';
import type { FloorCount, FloorJob, FloorOperation } from './cost-floor-worker.js';

export interface CostFloor {
  threads: number;
  inFlightPerThread: number;
  seconds: number;
  /** Completed operations per second, all threads together. */
  perSecond: Record<FloorOperation, number>;
  /** The most password sign-ins (1 argon2id + 2 RS256) and SignUps (1 argon2id + 1 SRP verifier) per second. */
  signInsPerSecond: number;
  signUpsPerSecond: number;
  /** Cores used by others while the floor was measured: a disturbed floor reads too low. */
  otherCores: Record<FloorOperation, number>;
}

const OPERATIONS: FloorOperation[] = ['argon2id', 'rs256', 'srp-verifier'];
/**
 * Kept in flight per thread. On the 2-core box, with two threads, argon2id went 240 hashes/s with
 * one in flight per thread and ~300/s with two or four, RS256 4,100, 4,800 and 5,500 signatures/s:
 * the hop to libuv's pool and back leaves a core idle. More than four gained nothing.
 */
const IN_FLIGHT_PER_THREAD = 4;
/** Worker start-up (module loading, key generation) happens before the counted window. */
const START_DELAY_MS = 1500;

export async function measureCostFloor(seconds: number, threads = availableParallelism(), inFlight = IN_FLIGHT_PER_THREAD): Promise<CostFloor> {
  const perSecond = {} as Record<FloorOperation, number>;
  const otherCores = {} as Record<FloorOperation, number>;
  for (const operation of OPERATIONS) {
    const { rate, cpu } = await measureOperation({ operation, inFlight, startAt: 0, endAt: seconds * 1000 }, threads);
    perSecond[operation] = Math.round(rate);
    otherCores[operation] = cpu?.other ?? 0;
  }
  return {
    threads, inFlightPerThread: inFlight, seconds, perSecond, otherCores,
    signInsPerSecond: combined([[perSecond.argon2id, 1], [perSecond.rs256, 2]]),
    signUpsPerSecond: combined([[perSecond.argon2id, 1], [perSecond['srp-verifier'], 1]]),
  };
}

/** Rate of a unit made of `times` of each operation: one over the sum of their times. */
export function combined(parts: [perSecond: number, times: number][]): number {
  const seconds = parts.reduce((sum, [perSecond, times]) => sum + times / perSecond, 0);
  return Math.round(1 / seconds);
}

/** Runs the job (its times relative to now) on `threads` threads at once; the rate is their sum. */
async function measureOperation(relative: FloorJob, threads: number): Promise<{ rate: number; cpu: CpuShares | undefined }> {
  const startAt = Date.now() + START_DELAY_MS;
  const job: FloorJob = { ...relative, startAt, endAt: startAt + relative.endAt };
  const window = cpuWindow(undefined);
  const opener = setTimeout(() => window.open(), START_DELAY_MS);
  const counts = await Promise.all(Array.from({ length: threads }, () => runWorker(job)));
  clearTimeout(opener);
  window.close();
  const rate = counts.reduce((sum, { count, elapsedMs }) => sum + count / (elapsedMs / 1000), 0);
  return { rate, cpu: window.shares() };
}

/**
 * Node 20 does not apply `--import tsx` to a worker's own entry file, so the worker starts as a
 * line of JavaScript that loads the TypeScript one through tsx's API.
 */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})`
  + `.then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.resolve('./cost-floor-worker.ts'))}, ${JSON.stringify(import.meta.url)}))`;

function runWorker(job: FloorJob): Promise<FloorCount> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: job });
    worker.once('message', (count: FloorCount) => resolve(count));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`cost-floor worker exited with ${code}`))));
  });
}
