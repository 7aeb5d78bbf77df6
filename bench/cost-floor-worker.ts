/**
 * One thread of the cost-floor measurement: repeats one operation until the deadline, with a few
 * in flight (argon2id and jose's signing run on libuv's thread pool, so one at a time would leave
 * a core idle between them), and posts how many it completed. One such thread runs per core.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { parentPort, workerData } from 'node:worker_threads';
import { createVerifier } from '../src/crypto/srp.js';
import { DEFAULT_ARGON2, passwordHasher } from '../src/crypto/passwords.js';

export type FloorOperation = 'argon2id' | 'rs256' | 'srp-verifier';

export interface FloorJob {
  operation: FloorOperation;
  /** Operations kept in flight by this thread. */
  inFlight: number;
  /** Counts from this wall time (Date.now()) to `endAt`, so all threads measure the same window. */
  startAt: number;
  endAt: number;
}

export interface FloorCount {
  count: number;
  elapsedMs: number;
}

/** One operation as Gatehouse does it: its default argon2id, a 2048-bit RS256 token, an SRP verifier. */
async function operationOf(name: FloorOperation): Promise<() => Promise<unknown> | unknown> {
  const password = 'Correct-Horse-9';
  if (name === 'argon2id') {
    const hasher = passwordHasher(DEFAULT_ARGON2);
    return () => hasher.hash(password);
  }
  if (name === 'srp-verifier') return () => createVerifier('BenchPool1', 'bench-user-0', password);
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const claims = { sub: '5f0e7b1c-1f2a-4c3d-9e8f-0a1b2c3d4e5f', token_use: 'access', scope: 'aws.cognito.signin.user.admin', client_id: 'abcdefghijklmnopqrstuvwxyz', username: 'bench-user-0' };
  return () => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'bench' }).setIssuer('http://127.0.0.1/us-east-1_BenchPool1')
    .setIssuedAt().setExpirationTime('1h').setJti('8e3c1f9a-0b2d-4e5f-a6b7-c8d9e0f1a2b3').sign(privateKey);
}

async function measure({ operation, inFlight, startAt, endAt }: FloorJob): Promise<FloorCount> {
  const run = await operationOf(operation);
  await run(); // first call outside the count: lazy initialisation
  while (Date.now() < startAt) await new Promise((resolve) => setTimeout(resolve, 1));
  let count = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (Date.now() < endAt) {
      await run();
      count++;
    }
  }));
  return { count, elapsedMs: Date.now() - started };
}

parentPort?.postMessage(await measure(workerData as FloorJob));
