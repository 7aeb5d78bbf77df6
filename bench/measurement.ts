/** One scenario measured on one target: the row every report table is made of. */
import type { CpuShares } from './cpu-usage.js';
import type { ScenarioName } from './suite.js';

export interface Measurement {
  scenario: ScenarioName;
  target: string;
  /** Successes per second over the window: HTTP 200 answers, or completed multi-step exchanges. */
  requestsPerSecond: number;
  /** Requests (or exchanges) in flight. */
  concurrency?: number;
  /** Latency percentiles of the successful responses, in ms. */
  p50Ms: number;
  p99Ms: number;
  successes: number;
  errorCount: number;
  errors: { kind: string; count: number; sample: string }[];
  windowMs: number;
  /** Cores busy during the window: the server's processes, the benchmark, everything else. */
  cpu?: CpuShares;
  /** Why nothing was measured (the target failed to start, set up or pass the preflight). */
  skipped?: string;
  /** How many times the scenario was measured, when other processes made it rerun. */
  attempts?: number;
  /** Why the numbers deserve suspicion (the pre-signed supply ran out, the machine was busy). */
  warnings?: string[];
}
