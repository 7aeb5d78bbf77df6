/**
 * Turns load results into the report: one row per (scenario, target), Gatehouse/peer ratios,
 * every error kind with a sample message, and the machine it ran on; printed as Markdown and
 * written to bench/results/ as JSON and Markdown.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUSY_MACHINE_CORES, type CpuShares } from './cpu-usage.js';
import type { LoadResult } from './load.js';
import type { CostFloor } from './cost-floor.js';
import type { MachineFacts } from './machine.js';
import type { Measurement } from './measurement.js';
import { nodeTable } from './report-node.js';
import { floorTable, goalsTable } from './report-users.js';
import type { ScenarioName, SuiteName } from './suite.js';

export interface BenchReport {
  suite: SuiteName;
  title: string;
  /** What the requests are, for the method line. */
  method: string;
  startedAt: string;
  settings: { concurrency: number; warmupSeconds: number; durationSeconds: number };
  /** Scenarios whose success is not one request, with what it is. */
  units?: Partial<Record<ScenarioName, string>>;
  /** The users suite's cost floor, measured before the targets. */
  floor?: CostFloor;
  machine: MachineFacts;
  targets: { name: string; kind: 'gatehouse' | 'peer'; node?: string; describe: string }[];
  measurements: Measurement[];
}

export function summarise(scenario: ScenarioName, target: string, result: LoadResult, cpu: CpuShares | undefined, concurrency: number): Measurement {
  const errors = [...result.errors].map(([kind, { count, sample }]) => ({ kind, count, sample }));
  return {
    scenario,
    target,
    concurrency,
    requestsPerSecond: round(result.successes / (result.windowMs / 1000)),
    p50Ms: round(percentile(result.latenciesMs, 0.5), 2),
    p99Ms: round(percentile(result.latenciesMs, 0.99), 2),
    successes: result.successes,
    errorCount: errors.reduce((sum, error) => sum + error.count, 0),
    errors,
    windowMs: Math.round(result.windowMs),
    ...(cpu ? { cpu } : {}),
    ...warningsFor(result, cpu),
  };
}


/** True when other processes took enough CPU during the window to distort it. */
export const isDisturbed = (m: Measurement) => (m.cpu?.other ?? 0) > BUSY_MACHINE_CORES;

function warningsFor(result: LoadResult, cpu: CpuShares | undefined): Pick<Measurement, 'warnings'> {
  const warnings: string[] = [];
  if (result.exhausted) warnings.push('ran out of pre-signed requests before the window ended; raise --max-rate');
  if (cpu && cpu.other > BUSY_MACHINE_CORES) warnings.push(`other processes used ${cpu.other} cores during the window; rerun on a quieter machine`);
  return warnings.length ? { warnings } : {};
}

export function skipped(scenario: ScenarioName, target: string, reason: string): Measurement {
  return {
    scenario, target, requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, successes: 0, errorCount: 0, errors: [],
    windowMs: 0, skipped: reason,
  };
}

export function renderMarkdown(report: BenchReport): string {
  const { settings, machine } = report;
  const perScenario = report.measurements.some((m) => m.concurrency !== undefined && m.concurrency !== settings.concurrency);
  const byNode = nodeTable(report.targets, report.measurements);
  return [
    `# ${report.title}, ${report.startedAt}`,
    '',
    `Closed loop, ${perScenario ? 'the "in flight" column\'s number of' : settings.concurrency} requests in flight, `
      + `${settings.warmupSeconds} s warm-up then ${settings.durationSeconds} s measured, `
      + `on loopback; ${report.method}; only HTTP 200 counts as a success.`,
    ...Object.entries(report.units ?? {}).map(([scenario, unit]) => `For ${scenario}, one success (and one latency sample) is one ${unit}, answered 200 at every step.`),
    `Machine: ${machine.nproc} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}, load average at start ${machine.loadAverage.join(' ')}.`,
    `Software: node ${machine.node}, ${machine.python}, moto ${machine.moto}, cognito-local ${machine.cognitoLocal}, gatehouse ${machine.gatehouseCommit}.`,
    '',
    resultsTable(report.measurements, perScenario, report.units ? 'per s' : 'req/s'),
    '',
    ...(byNode ? [byNode, ''] : []),
    ratiosTable(report),
    '',
    ...(report.floor ? [floorTable(report.floor, report.measurements), ''] : []),
    ...(report.suite === 'users' ? [goalsTable(report.measurements, report.floor), ''] : []),
    notes(report),
  ].join('\n');
}

function resultsTable(measurements: Measurement[], perScenario: boolean, throughput: string): string {
  const inFlight = (m: Measurement) => (perScenario ? ` ${m.concurrency ?? '–'} |` : '');
  const rows = measurements.map((m) => (m.skipped
    ? `| ${m.scenario} | ${m.target} |${inFlight(m)} n/a | – | – | – | ${cell(m.skipped)} |`
    : `| ${m.scenario} | ${m.target} |${inFlight(m)} ${m.requestsPerSecond} | ${m.p50Ms} | ${m.p99Ms} | ${m.errorCount} | ${cpuCell(m.cpu)} |`));
  return [
    `| Scenario | Target |${perScenario ? ' in flight |' : ''} ${throughput} | p50 ms | p99 ms | errors | CPU server / bench / other |`,
    `|---|---|${perScenario ? '--:|' : ''}--:|--:|--:|--:|--:|`,
    ...rows,
  ].join('\n');
}

/** Gatehouse/peer: throughput ratio above 1 and latency ratios below 1 favour Gatehouse. */
function ratiosTable(report: BenchReport): string {
  const kind = new Map(report.targets.map((target) => [target.name, target.kind]));
  const usable = report.measurements.filter((m) => !m.skipped && m.successes > 0);
  const rows: string[] = [];
  for (const ours of usable.filter((m) => kind.get(m.target) === 'gatehouse')) {
    for (const peer of usable.filter((m) => m.scenario === ours.scenario && kind.get(m.target) === 'peer')) {
      rows.push(`| ${ours.scenario} | ${ours.target} / ${peer.target} | ${ratio(ours.requestsPerSecond, peer.requestsPerSecond)} `
        + `| ${ratio(ours.p50Ms, peer.p50Ms)} | ${ratio(ours.p99Ms, peer.p99Ms)} |`);
    }
  }
  if (rows.length === 0) return '_No Gatehouse/peer pair was measured, so there are no ratios._';
  return ['| Scenario | Gatehouse / peer | throughput ratio | p50 ratio | p99 ratio |', '|---|---|--:|--:|--:|', ...rows].join('\n');
}

function notes(report: BenchReport): string {
  const lines = ['Targets:', ...report.targets.map((target) => `- ${target.name}: ${target.describe}`)];
  for (const m of report.measurements) {
    for (const error of m.errors) lines.push(`- errors in ${m.scenario} on ${m.target}: ${error.count} × ${error.kind} (${cell(error.sample)})`);
    for (const warning of m.warnings ?? []) lines.push(`- warning for ${m.scenario} on ${m.target}: ${warning}`);
    if (m.attempts) lines.push(`- ${m.scenario} on ${m.target} was measured ${m.attempts} times; the least disturbed window is shown`);
  }
  return lines.join('\n');
}

/** Writes `<stamp>-<suite>.json`, `<stamp>-<suite>.md` and `latest-<suite>.md`; returns their paths. */
export function writeReport(report: BenchReport, folder = resolve(import.meta.dirname, 'results')): string[] {
  mkdirSync(folder, { recursive: true });
  const stamp = report.startedAt.replace(/:/g, '').replace(/\.\d{3}Z$/, 'Z');
  const markdown = `${renderMarkdown(report)}\n`;
  const files: [string, string][] = [
    [join(folder, `${stamp}-${report.suite}.json`), `${JSON.stringify(report, null, 2)}\n`],
    [join(folder, `${stamp}-${report.suite}.md`), markdown],
    [join(folder, `latest-${report.suite}.md`), markdown],
  ];
  for (const [path, text] of files) writeFileSync(path, text);
  return files.map(([path]) => path);
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const cpuCell = (cpu: CpuShares | undefined) => (cpu ? `${cpu.server} / ${cpu.bench} / ${cpu.other}` : '–');
export const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (a: number, b: number) => (b > 0 ? `${round(a / b, 2)}×` : '–');
export const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 160);
