/**
 * `npm run bench`: builds Gatehouse, then for each target in turn starts it fresh, creates a user
 * pool, measures every scenario under closed-loop load and stops it (also on failure or Ctrl-C);
 * finally prints the Markdown report and writes it to bench/results/.
 *
 *   npm run bench -- --duration 5 --warmup 1 --concurrency 32 --only gatehouse,moto --scenario CreateGroup --settle 15 --retries 1
 */
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { cpuWindow, waitForQuietMachine } from './cpu-usage.js';
import { runLoad } from './load.js';
import { machineFacts } from './machine.js';
import { parseOptions, type Options } from './options.js';
import { BUSY_MACHINE_CORES, isDisturbed, renderMarkdown, skipped, summarise, writeReport, type BenchReport, type Measurement } from './report.js';
import { call, createPool, SCENARIOS, type RunContext, type Scenario } from './scenarios.js';
import { Signer } from './sign.js';
import { cognitoLocal } from './targets/cognito-local.js';
import { gatehouse } from './targets/gatehouse.js';
import { moto } from './targets/moto.js';
import type { ServerProcess } from './targets/server-process.js';
import { CREDENTIALS, REGION, type Target } from './targets/target.js';

function allTargets(): Target[] {
  const postgresUrl = process.env.GATEHOUSE_BENCH_PG_URL;
  return [
    gatehouse({ workers: 1 }),
    gatehouse({ workers: 2 }),
    ...(postgresUrl ? [gatehouse({ workers: 1, postgresUrl }), gatehouse({ workers: 2, postgresUrl })] : []),
    moto(),
    cognitoLocal(),
  ];
}

/** `--only gatehouse` keeps every Gatehouse variant; `--only gatehouse-2w,moto` exactly those. */
const selected = (filter: string[], name: string) => filter.length === 0 || filter.some((want) => name === want || name.startsWith(`${want}-`));

let current: ServerProcess | undefined;

async function measureTarget(target: Target, scenarios: Scenario[], options: Options): Promise<Measurement[]> {
  await settle(options);
  progress(`${target.name}: starting`);
  try {
    current = await target.start();
  } catch (error) {
    return scenarios.map((scenario) => skipped(scenario.name, target.name, `failed to start: ${message(error)}`));
  }
  const server = current;
  try {
    let poolId: string;
    try {
      poolId = await createPool(server.url, new Signer(server.url, CREDENTIALS, REGION));
    } catch (error) {
      return scenarios.map((scenario) => skipped(scenario.name, target.name, `setup failed: ${message(error)}`));
    }
    const results: Measurement[] = [];
    for (const scenario of scenarios) {
      results.push(await measureWithRetries(target, server, scenario, poolId, options)
        .catch((error: unknown) => skipped(scenario.name, target.name, `failed: ${message(error)}`)));
    }
    return results;
  } finally {
    await server.stop();
    current = undefined;
  }
}

/** Measures again, up to --retries times, while other processes disturb the window; keeps the least disturbed. */
async function measureWithRetries(target: Target, server: ServerProcess, scenario: Scenario, poolId: string, options: Options): Promise<Measurement> {
  let kept = await measureScenario(target, server, scenario, { poolId, attempt: 0 }, options);
  let attempts = 1;
  for (; attempts <= options.retries && isDisturbed(kept) && !kept.skipped; attempts++) {
    progress(`${target.name}: ${scenario.name} was disturbed by other processes; measuring again`);
    await settle(options);
    const again = await measureScenario(target, server, scenario, { poolId, attempt: attempts }, options);
    if (again.skipped || (again.cpu?.other ?? 0) < (kept.cpu?.other ?? 0)) kept = again;
  }
  return attempts > 1 ? { ...kept, attempts } : kept;
}

async function measureScenario(
  target: Target, server: ServerProcess, scenario: Scenario, { poolId, attempt }: Omit<RunContext, 'signer'>, options: Options,
): Promise<Measurement> {
  // Signed now, so every signature is fresh for the whole run (they are valid for 15 minutes).
  const run: RunContext = { signer: new Signer(server.url, CREDENTIALS, REGION), poolId, attempt };
  const preflight = await call(server.url, scenario.preflight(run));
  if (preflight.status !== 200) return skipped(scenario.name, target.name, `preflight answered ${preflight.status}: ${preflight.body.slice(0, 200)}`);
  const capacity = Math.ceil(options.maxRate * (options.warmupSeconds + options.durationSeconds));
  const next = scenario.supply(run, capacity);
  progress(`${target.name}: ${scenario.name} for ${options.warmupSeconds}+${options.durationSeconds} s at concurrency ${options.concurrency}`);
  const cpu = cpuWindow(server.pid);
  const result = await runLoad({
    url: server.url, concurrency: options.concurrency, warmupMs: options.warmupSeconds * 1000, durationMs: options.durationSeconds * 1000, next, window: cpu,
  });
  const m = summarise(scenario.name, target.name, result, cpu.shares());
  progress(`${target.name}: ${scenario.name} ${m.requestsPerSecond} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.errorCount} errors, cores ${JSON.stringify(m.cpu)}`);
  return m;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const targets = allTargets().filter((target) => selected(options.only, target.name));
  const scenarios = SCENARIOS.filter((scenario) => options.scenarios.length === 0 || options.scenarios.includes(scenario.name));
  if (targets.length === 0 || scenarios.length === 0) throw new Error('nothing selected: check --only and --scenario');
  if (options.build && targets.some((target) => target.kind === 'gatehouse')) build();
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    settings: { concurrency: options.concurrency, warmupSeconds: options.warmupSeconds, durationSeconds: options.durationSeconds },
    machine: machineFacts(),
    targets: targets.map(({ name, kind, describe }) => ({ name, kind, describe })),
    measurements: [],
  };
  for (const target of targets) report.measurements.push(...await measureTarget(target, scenarios, options));
  // Group rows by scenario so the table reads as side-by-side comparisons.
  report.measurements.sort((a, b) => scenarios.findIndex((s) => s.name === a.scenario) - scenarios.findIndex((s) => s.name === b.scenario));
  process.stdout.write(`${renderMarkdown(report)}\n`);
  for (const path of writeReport(report)) progress(`wrote ${path}`);
}

/** Waits up to --settle seconds for other processes to leave the CPUs alone. */
async function settle(options: Options): Promise<void> {
  if (options.settleSeconds === 0) return;
  const other = await waitForQuietMachine(options.settleSeconds * 1000, BUSY_MACHINE_CORES);
  if (other > BUSY_MACHINE_CORES) progress(`other processes still use ${other} cores after ${options.settleSeconds} s; going ahead`);
}

/** The benchmark runs dist/, like users do; `--no-build` skips this when dist/ is current. */
function build(): void {
  progress('building Gatehouse (npm run build)');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: resolve(import.meta.dirname, '..'), stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    progress(`${signal}: stopping the server under test`);
    await current?.stop();
    process.exit(128 + constants.signals[signal]);
  });
}

main().catch(async (error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  await current?.stop();
  process.exitCode = 1;
});
