/**
 * Property-based fuzzing of every cognito-idp operation, generated from the service model the
 * server validates with (test/support/fuzz-inputs.ts): a bounded number of cases per operation on
 * every run, on both engines, with a fresh seed each run (printed, and fixed by
 * GATEHOUSE_FUZZ_SEED). The long run is `npm run fuzz -- --cases N` (scripts/fuzz.ts).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { model } from '../../../src/protocol/generated/cognito-idp.js';
import { describeEngines } from '../../support/engines.js';
import { createFuzzFixture, fuzzOperations, summaryTable } from '../../support/fuzz-run.js';
import type { FuzzFixture } from '../../support/fuzz-inputs.js';
import { startGatehouse, type Gatehouse } from '../../support/gatehouse.js';

const CASES_PER_OPERATION = Number(process.env.GATEHOUSE_FUZZ_CASES ?? 4);
const SEED = Number(process.env.GATEHOUSE_FUZZ_SEED ?? Date.now() % 2 ** 31);

describeEngines('fuzz from the service model', (engine) => {
  let server: Gatehouse;
  let fixture: FuzzFixture;
  before(async () => {
    server = await startGatehouse({ engine });
    fixture = await createFuzzFixture(server);
  });
  after(async () => { await server.stop(); });

  it(`answers generated requests for every operation with no 5xx, AWS errors and no state change from refusals (seed ${SEED})`, async () => {
    const report = await fuzzOperations(server, { model, fixture, casesPerOperation: CASES_PER_OPERATION, seed: SEED, batch: CASES_PER_OPERATION, width: 6, slowMs: 20_000 });
    assert.equal(report.stats.length, Object.keys(model.operations).length);
    assert.deepEqual(report.failures, [], `seed ${SEED}\n${summaryTable(report)}`);
    const cases = report.stats.reduce((sum, s) => sum + s.cases, 0);
    assert.ok(cases >= CASES_PER_OPERATION * report.stats.length, `${cases} cases`);
    assert.ok(report.stateChecks.compared > report.stats.length / 4, `only ${report.stateChecks.compared} state comparisons, ${report.stateChecks.skipped} skipped`);
    // Still serving, and nothing was logged as an unexpected error.
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
    assert.ok(!server.output().includes('unexpected error'), server.output().slice(-2000));
  });
});
