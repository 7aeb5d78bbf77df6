/**
 * `npm run fuzz -- --cases N`: the fuzz test's properties (test/support/fuzz-run.ts) over every
 * cognito-idp operation, N cases in all, against a server of its own (SQLite, or PostgreSQL with
 * --pg). Prints a table per operation (cases, 4xx, 2xx, 501, 5xx or no answer) and every failure,
 * with the seed that reproduces it. Flags: --seed, --width (operations at once), --batch (cases between
 * state snapshots), --only Op1,Op2, --slow-ms (an answer slower than this fails), --pg.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { model } from '../../src/protocol/generated/cognito-idp.js';
import { createFuzzFixture, fuzzOperations, summaryTable, type OperationStats } from '../support/fuzz-run.js';
import { startGatehouse } from '../support/gatehouse.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '12200' },
    seed: { type: 'string' },
    width: { type: 'string', default: '8' },
    batch: { type: 'string', default: '25' },
    only: { type: 'string' },
    pg: { type: 'boolean', default: false },
    'slow-ms': { type: 'string', default: '10000' },
  },
});

const only = values.only?.split(',');
const operations = only ?? Object.keys(model.operations);
const casesPerOperation = Math.max(1, Math.ceil(Number(values.cases) / operations.length));
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const engine = values.pg ? 'postgres' : 'sqlite';

const server = await startGatehouse({ engine });
let finished = 0;
const live: OperationStats[] = [];
const started = Date.now();
// A run cut short (Ctrl-C, kill) still reports what it did.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(summaryTable({ stats: live, failures: [], stateChecks: { compared: 0, skipped: 0 }, seconds: 0 }));
    console.log(timing());
    console.log(`\nINTERRUPTED after ${((Date.now() - started) / 1000).toFixed(0)} s: ${live.reduce((n, s) => n + s.cases, 0)} cases, ${finished} of ${operations.length} operations done`);
    void server.stop().finally(() => process.exit(130));
  });
}
// Whether a slow answer was the server's or this process's own: its event-loop lag, and a /health probe every second.
const lag = monitorEventLoopDelay({ resolution: 20 });
lag.enable();
let slowestHealth = 0;
const probe = setInterval(() => {
  const start = performance.now();
  void fetch(`${server.url}/health`).then(() => { slowestHealth = Math.max(slowestHealth, performance.now() - start); }, () => undefined);
}, 1000);
const timing = () => `slowest /health ${Math.round(slowestHealth)} ms; this process's worst event-loop lag ${Math.round(lag.max / 1e6)} ms`;
try {
  const fixture = await createFuzzFixture(server);
  console.log(`fuzz: ${operations.length} operations × ${casesPerOperation} cases on ${engine}, seed ${seed}`);
  const report = await fuzzOperations(server, {
    model, fixture, casesPerOperation, seed, only, live, onFailure: (failure) => console.error(`FAIL ${failure}`),
    onStart: () => { lag.reset(); slowestHealth = 0; },
    width: Number(values.width), batch: Number(values.batch), slowMs: Number(values['slow-ms']),
    onOperationDone: (stats) => console.error(`  [${++finished}/${operations.length}] ${stats.operation}: ${stats.cases} cases`),
  });
  const health = await fetch(`${server.url}/health`).then((r) => r.status, () => 0);
  const unexpected = server.output().split('\n').filter((line) => line.includes('unexpected error'));
  console.log(summaryTable(report));
  console.log(`\n${report.stats.reduce((n, s) => n + s.cases, 0)} cases in ${report.seconds.toFixed(0)} s on ${engine} (seed ${seed}); `
    + `state compared after ${report.stateChecks.compared} batches (${report.stateChecks.skipped} skipped: a request was accepted); health ${health}; `
    + `${unexpected.length} unexpected errors logged`);
  console.log(timing());
  for (const failure of report.failures) console.log(`FAIL ${failure}`);
  for (const line of unexpected.slice(0, 10)) console.log(`LOG ${line.slice(0, 500)}`);
  process.exitCode = report.failures.length || unexpected.length || health !== 200 ? 1 : 0;
} finally {
  clearInterval(probe);
  await server.stop();
}
