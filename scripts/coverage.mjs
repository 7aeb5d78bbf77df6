#!/usr/bin/env node
/**
 * `npm run coverage [-- [--raise] [test files...]]`: the test command (scripts/test.sh) with V8
 * coverage, reported by c8 as line and branch coverage of src/.
 *
 * Every test process writes coverage, and so do the servers the end-to-end tests start from dist/
 * (test/support/gatehouse.ts passes NODE_V8_COVERAGE on); dist/ is mapped back to src/ through
 * the source maps that tsconfig.build.json emits, and the in-process tier runs src/ itself under
 * tsx. Files of src/ that no test loads count as uncovered (--all).
 *
 * Over the whole suite the totals are checked against coverage-floor.json and the command fails
 * when either falls below its floor. `--raise` writes the new totals there when they are higher
 * (less a small margin for the branches that only timing decides: races, retries, drains), so the
 * floor only ever rises. With test files given, the totals are only reported: a subset says
 * nothing about the floor. `--report-only` reports the last run's coverage again without running
 * the tests (with the same test files given, when it was a subset).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import c8 from 'c8';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FLOOR_FILE = join(ROOT, 'coverage-floor.json');
const REPORTS = join(ROOT, 'coverage');
const RAW = join(ROOT, '.tmp', 'coverage-v8');
/** Percentage points below the measured total that `--raise` sets the floor, for timing-dependent branches. */
const MARGIN = 0.2;
const METRICS = ['lines', 'branches'];

const args = process.argv.slice(2);
const raise = args.includes('--raise');
const reportOnly = args.includes('--report-only');
const files = args.filter((arg) => arg !== '--raise' && arg !== '--report-only');
const whole = files.length === 0;
if (raise && (!whole || reportOnly)) fail('--raise needs a run of the whole suite: a subset of test files says nothing about the floor');

const started = Date.now();
if (!reportOnly) {
  rmSync(RAW, { recursive: true, force: true });
  mkdirSync(RAW, { recursive: true });
}
const tests = reportOnly ? { status: 0 } : spawnSync('bash', [join(ROOT, 'scripts', 'test.sh'), ...files], {
  cwd: ROOT, stdio: 'inherit', env: { ...process.env, GATEHOUSE_COVERAGE_DIR: RAW },
});
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

rmSync(REPORTS, { recursive: true, force: true });
const report = c8.Report({
  tempDirectory: RAW, reportsDirectory: REPORTS, reporter: ['text', 'json-summary', 'html'],
  // Before remapping a server's script is dist/x.js; after it, src/x.ts: both kinds are let in, and
  // only src/ is left once the source maps are applied.
  all: true, src: [join(ROOT, 'dist')], include: ['dist/**', 'src/**'], excludeAfterRemap: true,
  exclude: typeOnlyModules(), extension: ['.js', '.ts'],
});
const collect = report.getCoverageMapFromAllCoverageFiles.bind(report);
report.getCoverageMapFromAllCoverageFiles = async () => mergeTwins(await collect());
await report.run();

const total = JSON.parse(readFileSync(join(REPORTS, 'coverage-summary.json'), 'utf8')).total;
const measured = Object.fromEntries(METRICS.map((metric) => [metric, total[metric].pct]));
console.log(`\ncoverage of src/: lines ${measured.lines}%, branches ${measured.branches}% (tests ${tests.status === 0 ? 'passed' : 'FAILED'}, ${minutes} min; report in coverage/index.html)`);
if (tests.status !== 0) process.exit(tests.status ?? 1);
if (!whole) {
  console.log('a subset of test files: the floor (coverage-floor.json) is not checked');
  process.exit(0);
}

const floor = existsSync(FLOOR_FILE) ? JSON.parse(readFileSync(FLOOR_FILE, 'utf8')) : { lines: 0, branches: 0 };
const below = METRICS.filter((metric) => measured[metric] < floor[metric]);
if (below.length > 0) {
  fail(below.map((metric) => `${metric} coverage ${measured[metric]}% is below its floor of ${floor[metric]}%`).join('\n'));
}
if (raise) {
  const raised = Object.fromEntries(METRICS.map((metric) => [metric, Math.max(floor[metric], Math.floor((measured[metric] - MARGIN) * 10) / 10)]));
  writeFileSync(FLOOR_FILE, `${JSON.stringify(raised, null, 2)}\n`);
  console.log(`floor: lines ${floor.lines}% → ${raised.lines}%, branches ${floor.branches}% → ${raised.branches}%`);
} else {
  console.log(`at or above the floor (lines ${floor.lines}%, branches ${floor.branches}%)`);
}

/**
 * The src/ modules that hold only types: they compile to an empty module that nothing runs, and
 * --all would count every line of them as untested.
 */
function typeOnlyModules() {
  const dist = join(ROOT, 'dist');
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .filter((file) => readFileSync(join(dist, file), 'utf8').replace(/^\/\/.*$/gm, '').replace(/\s/g, '') === 'export{};')
    .map((file) => relative(ROOT, join(ROOT, 'src', file.replace(/\.js$/, '.ts'))));
}

/**
 * A module run both under tsx (unit and in-process tests) and from dist/ (the servers) arrives as two
 * coverages of one src/ file. Lines merge exactly, but the two compilers' code maps each block back
 * a column or two apart, so istanbul keeps both copies of a branch and one of them is usually
 * untaken. Branches with the same lines whose ends lie within two columns are one branch.
 */
function mergeTwins(map) {
  const near = (a, b) => a.line === b.line && Math.abs(a.column - b.column) <= 2;
  for (const file of map.files()) {
    const data = map.fileCoverageFor(file).data;
    const kept = [];
    for (const [id, branch] of Object.entries(data.branchMap)) {
      const twin = kept.find(({ branch: other }) => near(other.loc.start, branch.loc.start) && near(other.loc.end, branch.loc.end));
      if (twin) twin.counts = twin.counts.map((count, i) => count + (data.b[id][i] ?? 0));
      else kept.push({ branch, counts: [...data.b[id]] });
    }
    data.branchMap = Object.fromEntries(kept.map(({ branch }, i) => [i, branch]));
    data.b = Object.fromEntries(kept.map(({ counts }, i) => [i, counts]));
  }
  return map;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
