/** The table of Gatehouse on several Node releases, side by side. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Measurement } from '../../bench/measurement.js';
import { nodeTable } from '../../bench/report-node.js';
import type { ScenarioName } from '../../bench/suite.js';

/** A one-second window, the server using `serverCores` of CPU during it. */
const measured = (scenario: ScenarioName, target: string, requestsPerSecond: number, p50Ms: number, concurrency = 8, serverCores = 1): Measurement => ({
  scenario, target, requestsPerSecond, concurrency, p50Ms, p99Ms: 2 * p50Ms, successes: requestsPerSecond, errorCount: 0, errors: [], windowMs: 1000,
  cpu: { server: serverCores, bench: 0.1, other: 0 },
});

const targets = [
  { name: 'gatehouse-2w', kind: 'gatehouse' as const, node: 'v20.20.2' },
  { name: 'gatehouse-2w@v22.23.5', kind: 'gatehouse' as const, node: 'v22.23.5' },
  { name: 'gatehouse-2w@v24.22.3', kind: 'gatehouse' as const, node: 'v24.22.3' },
  { name: 'moto', kind: 'peer' as const },
];

it('puts one column per Node release, relative to the first', () => {
  const table = nodeTable(targets, [
    measured('USER_SRP_AUTH', 'gatehouse-2w', 400, 20), measured('USER_SRP_AUTH', 'gatehouse-2w@v22.23.5', 300, 25),
    measured('USER_SRP_AUTH', 'gatehouse-2w@v24.22.3', 500, 16, 8, 1.5), measured('USER_SRP_AUTH', 'moto', 999, 1),
    measured('AdminSetUserPassword', 'gatehouse-2w', 40, 24, 1), { ...measured('AdminSetUserPassword', 'gatehouse-2w@v22.23.5', 0, 0, 1), skipped: 'failed to start' },
  ])!;
  const lines = table.split('\n');
  assert.equal(lines[2], '| Scenario | Gatehouse | in flight | node v20.20.2 | node v22.23.5 | node v24.22.3 |');
  assert.ok(lines.includes('| USER_SRP_AUTH | gatehouse-2w | 8 | 400/s · 20 ms · 2.5 ms CPU | 300/s · 25 ms · 3.3 ms CPU (0.75×, CPU 1.32×) | 500/s · 16 ms · 3 ms CPU (1.25×, CPU 1.20×) |'), table);
  assert.ok(lines.includes('| AdminSetUserPassword | gatehouse-2w | 1 | 40/s · 24 ms · 25 ms CPU | n/a | – |'), table);
  assert.doesNotMatch(table, /moto/);
});

it('is left out when every Gatehouse variant ran on one release', () => {
  assert.equal(nodeTable(targets.slice(0, 1), [measured('USER_SRP_AUTH', 'gatehouse-2w', 400, 20)]), undefined);
});
