/**
 * Measuring one suite on one target: start it fresh, set it up through the API, measure every
 * scenario under closed-loop load (again when other processes disturbed the window), stop it
 * (also on failure).
 */
import { call } from './api.js';
import { BUSY_MACHINE_CORES, cpuWindow, waitForQuietMachine } from './cpu-usage.js';
import { runLoad } from './load.js';
import type { Options } from './options.js';
import type { Measurement } from './measurement.js';
import { isDisturbed, skipped, summarise } from './report.js';
import { Signer } from './sign.js';
import type { RunContext, Scenario, Suite } from './suite.js';
import type { ServerProcess } from './targets/server-process.js';
import { CREDENTIALS, REGION, type Target } from './targets/target.js';

/** The server under test, for the signal handlers to stop. */
export let current: ServerProcess | undefined;

export async function measureTarget<Setup>(target: Target, suite: Suite<Setup>, scenarios: Scenario<Setup>[], options: Options): Promise<Measurement[]> {
  await settle(options);
  progress(`${target.name}: starting`);
  try {
    current = await target.start();
  } catch (error) {
    return scenarios.map((scenario) => skipped(scenario.name, target.name, `failed to start: ${message(error)}`));
  }
  const server = current;
  try {
    let setup: Setup;
    try {
      setup = await suite.setup(server.url, new Signer(server.url, CREDENTIALS, REGION));
    } catch (error) {
      return scenarios.map((scenario) => skipped(scenario.name, target.name, `setup failed: ${message(error)}`));
    }
    const results: Measurement[] = [];
    for (const scenario of scenarios) {
      results.push(await measureWithRetries(target, server, scenario, setup, options)
        .catch((error: unknown) => skipped(scenario.name, target.name, `failed: ${message(error)}`)));
    }
    return results;
  } finally {
    await server.stop();
    current = undefined;
  }
}

/** Measures again, up to --retries times, while other processes disturb the window; keeps the least disturbed. */
async function measureWithRetries<Setup>(target: Target, server: ServerProcess, scenario: Scenario<Setup>, setup: Setup, options: Options): Promise<Measurement> {
  let kept = await measureScenario(target, server, scenario, setup, 0, options);
  let attempts = 1;
  for (; attempts <= options.retries && isDisturbed(kept) && !kept.skipped; attempts++) {
    progress(`${target.name}: ${scenario.name} was disturbed by other processes; measuring again`);
    await settle(options);
    const again = await measureScenario(target, server, scenario, setup, attempts, options);
    if (again.skipped || (again.cpu?.other ?? 0) < (kept.cpu?.other ?? 0)) kept = again;
  }
  return attempts > 1 ? { ...kept, attempts } : kept;
}

async function measureScenario<Setup>(
  target: Target, server: ServerProcess, scenario: Scenario<Setup>, setup: Setup, attempt: number, options: Options,
): Promise<Measurement> {
  // Signed now, so every signature is fresh for the whole run (they are valid for 15 minutes).
  const run: RunContext<Setup> = { ...setup, url: server.url, signer: new Signer(server.url, CREDENTIALS, REGION), attempt };
  const refusal = await preflight(server.url, scenario, run);
  if (refusal) return skipped(scenario.name, target.name, refusal);
  const capacity = Math.ceil(Math.min(options.maxRate, scenario.maxRate ?? Infinity) * (options.warmupSeconds + options.durationSeconds));
  const next = scenario.supply(run, capacity);
  const concurrency = options.concurrency ?? scenario.concurrency ?? options.defaultConcurrency;
  progress(`${target.name}: ${scenario.name} for ${options.warmupSeconds}+${options.durationSeconds} s at concurrency ${concurrency}`);
  const cpu = cpuWindow(server.pid);
  const result = await runLoad({
    url: server.url, concurrency, warmupMs: options.warmupSeconds * 1000, durationMs: options.durationSeconds * 1000, next, window: cpu,
  });
  const m = summarise(scenario.name, target.name, result, cpu.shares(), concurrency);
  progress(`${target.name}: ${scenario.name} ${m.requestsPerSecond}/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.errorCount} errors, cores ${JSON.stringify(m.cpu)}`);
  return m;
}

/** Why the target cannot be loaded with this scenario, or undefined when its preflight succeeded. */
async function preflight<Setup>(url: string, scenario: Scenario<Setup>, run: RunContext<Setup>): Promise<string | undefined> {
  try {
    const { status, body, operation } = await call(url, scenario.preflight(run));
    if (status !== 200) return `preflight ${operation} answered ${status}: ${body.slice(0, 200)}`;
    if (scenario.expect && !(scenario.expect in (JSON.parse(body) as object))) return `preflight ${operation} answered no ${scenario.expect}: ${body.slice(0, 200)}`;
    return undefined;
  } catch (error) {
    return `preflight failed: ${message(error)}`;
  }
}

/** Waits up to --settle seconds for other processes to leave the CPUs alone. */
export async function settle(options: Options): Promise<void> {
  if (options.settleSeconds === 0) return;
  const other = await waitForQuietMachine(options.settleSeconds * 1000, BUSY_MACHINE_CORES);
  if (other > BUSY_MACHINE_CORES) progress(`other processes still use ${other} cores after ${options.settleSeconds} s; going ahead`);
}

export const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
