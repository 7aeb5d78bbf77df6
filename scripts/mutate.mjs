#!/usr/bin/env node
/**
 * `npm run mutate [-- group...]`: StrykerJS over the security-critical modules (stryker.config.mjs
 * names the groups: crypto, sigv4, one-time-codes, client-secrets, auth), one group after another
 * with the fast tests that cover it. Prints the mutation score of each module and of each group,
 * and fails when a group scores below 80%. Results are kept per group in reports/mutation/ and
 * reused (Stryker's incremental mode): a second run only tries the mutants whose code or tests
 * changed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groups } from '../stryker.config.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FLOOR = 80;
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const force = process.argv.includes('--force');
const chosen = asked.length > 0 ? asked : Object.keys(groups);
const unknown = chosen.filter((name) => !(name in groups));
if (unknown.length > 0) fail(`no mutation group ${unknown.join(', ')}: one of ${Object.keys(groups).join(', ')}`);

const lines = [];
let failed = false;
for (const name of chosen) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', 'stryker.config.mjs', ...(force ? ['--force'] : [])], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, GATEHOUSE_MUTATE_GROUP: name, GATEHOUSE_TEST_PG_URL: '' },
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (run.status !== 0) {
    lines.push(`${name}: stryker failed (${run.status ?? run.signal}) after ${minutes} min`);
    failed = true;
    continue;
  }
  const report = JSON.parse(readFileSync(join(ROOT, 'reports', 'mutation', `${name}.json`), 'utf8'));
  let detected = 0;
  let undetected = 0;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const count = (statuses) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
    const [d, u] = [count(DETECTED), count(UNDETECTED)];
    detected += d;
    undetected += u;
    lines.push(`  ${file}: ${score(d, u)} (${d + u} mutants, ${u} undetected)`);
  }
  const groupScore = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
  if (groupScore < FLOOR) failed = true;
  lines.push(`${name}: ${score(detected, undetected)} of ${detected + undetected} mutants in ${minutes} min${groupScore < FLOOR ? ` — below ${FLOOR}%` : ''}`);
}
console.log(`\nmutation scores\n${lines.join('\n')}`);
process.exit(failed ? 1 : 0);

function score(detected, undetected) {
  return detected + undetected === 0 ? 'no mutants' : `${((100 * detected) / (detected + undetected)).toFixed(1)}%`;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
