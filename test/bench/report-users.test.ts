/** The users report's floor arithmetic and its met / not met verdicts. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { combined, type CostFloor } from '../../bench/cost-floor.js';
import type { Measurement } from '../../bench/measurement.js';
import { floorTable, goalsTable } from '../../bench/report-users.js';
import type { ScenarioName } from '../../bench/suite.js';

const floor: CostFloor = {
  threads: 2, inFlightPerThread: 4, seconds: 2,
  perSecond: { argon2id: 300, rs256: 6000, 'srp-verifier': 3000 },
  otherCores: { argon2id: 0, rs256: 0, 'srp-verifier': 0 },
  signInsPerSecond: combined([[300, 1], [6000, 2]]),
  signUpsPerSecond: combined([[300, 1], [3000, 1]]),
};

const measured = (scenario: ScenarioName, target: string, requestsPerSecond: number): Measurement => ({
  scenario, target, requestsPerSecond, p50Ms: 1, p99Ms: 2, successes: requestsPerSecond, errorCount: 0, errors: [], windowMs: 1000,
});

it('combines operation rates into the rate of a unit made of them', () => {
  // 1 / (1/300 + 2/6000) = 1 / (3.33 ms + 0.33 ms)
  assert.equal(floor.signInsPerSecond, 273);
  assert.equal(floor.signUpsPerSecond, 273);
  assert.equal(combined([[100, 1]]), 100);
});

it('marks each target met or not met from the 2-worker numbers', () => {
  const table = goalsTable([
    measured('AdminGetUser', 'gatehouse-2w', 15000), measured('AdminGetUser', 'cognito-local', 4800), measured('AdminGetUser', 'moto', 400),
    measured('AdminGetUser', 'gatehouse-1w', 99999),
    measured('REFRESH_TOKEN_AUTH', 'gatehouse-2w', 1500), measured('REFRESH_TOKEN_AUTH', 'cognito-local', 320),
    measured('USER_PASSWORD_AUTH', 'gatehouse-2w', 219),
    measured('SignUp', 'gatehouse-2w', 218),
  ], floor);
  const row = (start: string) => table.split('\n').find((line) => line.startsWith(`| ${start}`));
  assert.equal(row('AdminGetUser ≥ 3× cognito-local'), '| AdminGetUser ≥ 3× cognito-local | 3.13× (15000 vs 4800/s) | met |');
  assert.equal(row('AdminGetUser ≥ 30× moto'), '| AdminGetUser ≥ 30× moto | 37.50× (15000 vs 400/s) | met |');
  assert.equal(row('REFRESH_TOKEN_AUTH'), '| REFRESH_TOKEN_AUTH ≥ 5× cognito-local | 4.69× (1500 vs 320/s) | **not met** |');
  assert.equal(row('USER_PASSWORD_AUTH'), '| USER_PASSWORD_AUTH ≥ 80% of the floor | 80.2% (219 of 273/s) | met |');
  assert.equal(row('SignUp'), '| SignUp ≥ 80% of the floor | 79.9% (218 of 273/s) | **not met** |');
});

it('says "not measured" rather than guessing when a side is missing', () => {
  const skipped = { ...measured('AdminGetUser', 'cognito-local', 0), skipped: 'failed to start' };
  const table = goalsTable([measured('AdminGetUser', 'gatehouse-2w', 15000), skipped], undefined);
  assert.match(table, /\| AdminGetUser ≥ 3× cognito-local \| not measured \| – \|/);
  assert.match(table, /\| USER_PASSWORD_AUTH ≥ 80% of the floor \| not measured \| – \|/);
});

it('shows each Gatehouse variant against the floor', () => {
  const table = floorTable(floor, [measured('USER_PASSWORD_AUTH', 'gatehouse-1w', 150), measured('SignUp', 'gatehouse-2w', 250), measured('SignUp', 'moto', 400)]);
  assert.match(table, /\| USER_PASSWORD_AUTH \| gatehouse-1w \| 150 \| 273 \| 55% \|/);
  assert.match(table, /\| SignUp \| gatehouse-2w \| 250 \| 273 \| 92% \|/);
  assert.doesNotMatch(table, /moto/);
});
