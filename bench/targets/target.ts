/** What the benchmark needs from each server it measures. */
import type { Credentials } from '../sign.js';
import type { SuiteName } from '../suite.js';
import type { ServerProcess } from './server-process.js';

export interface Target {
  /** Column label, e.g. `gatehouse-2w`. */
  name: string;
  /** Gatehouse variants are compared against every peer. */
  kind: 'gatehouse' | 'peer';
  /** One line on how it was started, for the report. */
  describe: string;
  /** The Node release a Gatehouse variant runs on (`node -v`). */
  node?: string;
  /** How it behaves in a suite's scenarios, where a reader should know (the report lists these). */
  notes?: Partial<Record<SuiteName, string[]>>;
  start(): Promise<ServerProcess>;
}

/** Gatehouse is started with these as its admin keys; moto and cognito-local accept any. */
export const CREDENTIALS: Credentials = {
  accessKeyId: 'AKIAGATEHOUSEBENCH01',
  secretAccessKey: 'gatehouse/bench/secret/access/key/000000',
};
export const REGION = 'us-east-1';
