/**
 * `npm run bench`: builds Gatehouse, then, for each suite asked for, starts each target in turn
 * fresh, sets it up, measures every scenario under closed-loop load and stops it (also on failure
 * or Ctrl-C); finally prints the suite's Markdown report and writes it to bench/results/.
 *
 *   npm run bench -- --suite admin|users|all --duration 5 --warmup 1 --only gatehouse,moto --scenario CreateGroup --settle 15 --retries 1
 *   npm run bench -- --suite users --node 22,24 --only gatehouse-2w   (Gatehouse on each Node, side by side)
 */
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { measureCostFloor } from './cost-floor.js';
import { machineFacts } from './machine.js';
import { current, measureTarget, progress, settle } from './measure.js';
import { parseOptions, USAGE, type Options } from './options.js';
import { ensurePeers } from './peers.js';
import { renderMarkdown, writeReport, type BenchReport } from './report.js';
import { ADMIN_SUITE } from './scenarios.js';
import type { Suite } from './suite.js';
import { cognitoLocal } from './targets/cognito-local.js';
import { gatehouse } from './targets/gatehouse.js';
import { moto } from './targets/moto.js';
import { prepareOtherNodes, type OtherNode } from './other-node.js';
import type { Target } from './targets/target.js';
import { USERS_SUITE } from './users-suite.js';

function allTargets(otherNodes: OtherNode[]): Target[] {
  const postgresUrl = process.env.GATEHOUSE_BENCH_PG_URL;
  return [
    ...[undefined, ...otherNodes].flatMap((node) => [
      gatehouse({ workers: 1, node }),
      gatehouse({ workers: 2, node }),
      ...(postgresUrl ? [gatehouse({ workers: 1, postgresUrl, node }), gatehouse({ workers: 2, postgresUrl, node })] : []),
    ]),
    moto(),
    cognitoLocal(),
  ];
}

/** `--only gatehouse` keeps every Gatehouse variant; `--only gatehouse-2w,moto` exactly those (on every Node asked for). */
const selected = (filter: string[], name: string) => filter.length === 0
  || filter.some((want) => name === want || name.startsWith(`${want}-`) || name.startsWith(`${want}@`));

async function runSuite<Setup>(suite: Suite<Setup>, targets: Target[], options: Options): Promise<void> {
  const scenarios = suite.scenarios.filter((scenario) => options.scenarios.length === 0 || options.scenarios.includes(scenario.name));
  if (scenarios.length === 0) {
    progress(`${suite.name} suite: no scenario selected by --scenario; skipped`);
    return;
  }
  const units = Object.fromEntries(scenarios.filter((scenario) => scenario.unit).map((scenario) => [scenario.name, scenario.unit]));
  const report: BenchReport = {
    suite: suite.name,
    title: suite.title,
    method: suite.method,
    startedAt: new Date().toISOString(),
    settings: { concurrency: options.concurrency ?? options.defaultConcurrency, warmupSeconds: options.warmupSeconds, durationSeconds: options.durationSeconds },
    ...(Object.keys(units).length ? { units } : {}),
    machine: machineFacts(),
    targets: targets.map(({ name, kind, node, describe, notes }) => ({ name, kind, ...(node ? { node } : {}), describe: [describe, ...(notes?.[suite.name] ?? [])].join('; ') })),
    measurements: [],
  };
  if (suite.name === 'users' && options.floorSeconds > 0) {
    await settle(options);
    progress(`measuring the cost floor (argon2id, RS256, SRP verifier; ${options.floorSeconds} s each)`);
    report.floor = await measureCostFloor(options.floorSeconds);
    progress(`cost floor: ${JSON.stringify(report.floor)}`);
  }
  for (const target of targets) report.measurements.push(...await measureTarget(target, suite, scenarios, options));
  // Group rows by scenario so the table reads as side-by-side comparisons.
  report.measurements.sort((a, b) => scenarios.findIndex((s) => s.name === a.scenario) - scenarios.findIndex((s) => s.name === b.scenario));
  process.stdout.write(`${renderMarkdown(report)}\n`);
  for (const path of writeReport(report)) progress(`wrote ${path}`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const known = [...ADMIN_SUITE.scenarios, ...USERS_SUITE.scenarios].map((scenario) => scenario.name as string);
  const unknown = options.scenarios.filter((name) => !known.includes(name));
  if (unknown.length) throw new Error(`unknown --scenario ${unknown.join(', ')}; known: ${known.join(', ')}`);
  if (allTargets([]).some((target) => target.name === 'cognito-local' && selected(options.only, target.name))) ensurePeers(progress);
  if (options.build && allTargets([]).some((target) => target.kind === 'gatehouse' && selected(options.only, target.name))) build();
  // After the build: each copy takes dist/ as it is now.
  const otherNodes = options.nodes.length ? prepareOtherNodes(options.nodes) : [];
  const targets = allTargets(otherNodes).filter((target) => selected(options.only, target.name));
  if (targets.length === 0) throw new Error('nothing selected: check --only');
  for (const suite of options.suites) {
    if (suite === 'admin') await runSuite(ADMIN_SUITE, targets, options);
    else await runSuite(USERS_SUITE, targets, options);
  }
}

/** The benchmark runs dist/, like users do; `--no-build` skips this when dist/ is current. */
function build(): void {
  progress('building Gatehouse (npm run build)');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: resolve(import.meta.dirname, '..'), stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

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
