/**
 * StrykerJS over the security-critical modules, one group at a time (scripts/mutate.mjs chooses it
 * through GATEHOUSE_MUTATE_GROUP). The tap runner runs each test file as `node --import tsx` and
 * records which mutants each file reaches, so a mutant only runs the fast files that cover it: the
 * unit tests and the in-process tier, on SQLite, never the end-to-end tier.
 */
export const groups = {
  crypto: {
    mutate: ['src/crypto/**/*.ts'],
    tests: ['test/crypto/**/*.test.ts'],
  },
  sigv4: {
    mutate: ['src/protocol/sigv4*.ts'],
    tests: ['test/protocol/sigv4*.test.ts'],
  },
  'one-time-codes': {
    mutate: ['src/store/one-time-codes.ts', 'src/userpools/messages/one-time-codes.ts'],
    tests: ['test/store/one-time-codes.test.ts', 'test/userpools/messages/*.test.ts'],
  },
  'client-secrets': {
    // The secrets themselves, and the two checks sign-in makes with them (SECRET_HASH, raw ClientSecret).
    mutate: ['src/userpools/clients/client-secrets.ts', 'src/userpools/clients/app-clients.ts:38-40', 'src/userpools/auth/client-gate.ts:55-77'],
    tests: ['test/userpools/clients/*.test.ts'],
  },
  auth: {
    mutate: ['src/userpools/auth/**/*.ts'],
    tests: ['test/userpools/auth/*.test.ts', 'test/userpools/clients/second-secret.test.ts', 'test/userpools/tokens/*.test.ts'],
  },
};

const name = process.env.GATEHOUSE_MUTATE_GROUP ?? 'crypto';
const group = groups[name];
if (!group) throw new Error(`no mutation group ${name}: one of ${Object.keys(groups).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: { testFiles: group.tests, nodeArgs: ['--test-reporter=tap', '-r', '{{hookFile}}', '--import', 'tsx', '{{testFile}}'], forceBail: true },
  coverageAnalysis: 'perTest',
  mutate: group.mutate,
  // The sandbox needs the sources and the tests, not the build, the reports or the bench results.
  ignorePatterns: ['.stryker-tmp', 'dist', 'coverage', 'reports', '.tmp', 'bench/results', 'data'],
  // Stryker rewrites the tsconfig it is given through TypeScript's JS API, which TypeScript 7 (the
  // native compiler) does not have; tsx needs no tsconfig rewriting, so none is named.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
  concurrency: 1,
  timeoutFactor: 3,
  timeoutMS: 30_000,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: `.stryker-tmp/${name}`,
  cleanTempDir: 'always',
};
