/** The benchmark's command-line flags, with their defaults. */
import { parseArgs } from 'node:util';
import { SUITE_NAMES, type SuiteName } from './suite.js';

export interface Options {
  /** `admin` (the default), `users`, or both for `--suite all`. */
  suites: SuiteName[];
  durationSeconds: number;
  warmupSeconds: number;
  /** Set by --concurrency: requests in flight for every scenario, overriding each scenario's own setting. */
  concurrency: number | undefined;
  /** For scenarios that choose no concurrency of their own. */
  defaultConcurrency: number;
  /** Upper bound on the rate any target could reach; sizes the supplies of unique requests. */
  maxRate: number;
  /** Longest wait, before each target, for other processes to leave the CPUs alone. */
  settleSeconds: number;
  /** How many times a window disturbed by other processes is measured again. */
  retries: number;
  /** Length of each cost-floor measurement in the users suite (0 skips the floor). */
  floorSeconds: number;
  only: string[];
  scenarios: string[];
  build: boolean;
  /** Set by --help: print USAGE and run nothing. */
  help: boolean;
  /** Other Node releases (versions or majors) to run Gatehouse on, beside the benchmark's own. */
  nodes: string[];
}

export const USAGE = `npm run bench -- [flags]
  --suite admin|users|all   which suite (default admin)
  --duration S, --warmup S  measured window and warm-up per scenario, in seconds (default 5, 1)
  --concurrency N           requests in flight for every scenario (default: each scenario's own)
  --max-rate R              the highest rate any target could reach, sizing the unique-request supplies (default 15000)
  --settle S                longest wait before each target for a quiet machine (default 15; 0 disables)
  --retries N               measure a disturbed window again up to N times (default 0)
  --floor-seconds S         each cost-floor measurement in the users suite (default 2; 0 skips it)
  --only a,b                targets: gatehouse, gatehouse-1w, gatehouse-2w, gatehouse-1w-pg, gatehouse-2w-pg, moto, cognito-local
  --scenario a,b            scenarios by name
  --no-build                run dist/ as it is
cognito-local is installed into bench/peers/ (npm ci --prefix bench/peers) the first time it is selected.
`;

export const DEFAULT_CONCURRENCY = 32;

export function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', default: 'admin' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      concurrency: { type: 'string' },
      'max-rate': { type: 'string', default: '15000' },
      settle: { type: 'string', default: '15' },
      retries: { type: 'string', default: '0' },
      'floor-seconds': { type: 'string', default: '2' },
      only: { type: 'string', default: '' },
      scenario: { type: 'string', default: '' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      node: { type: 'string', default: '' },
    },
  });
  const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);
  return {
    suites: suites(values.suite),
    durationSeconds: positive('duration', values.duration),
    warmupSeconds: positive('warmup', values.warmup, true),
    concurrency: values.concurrency === undefined ? undefined : Math.floor(positive('concurrency', values.concurrency)),
    defaultConcurrency: DEFAULT_CONCURRENCY,
    maxRate: positive('max-rate', values['max-rate']),
    settleSeconds: positive('settle', values.settle, true),
    retries: Math.floor(positive('retries', values.retries, true)),
    floorSeconds: positive('floor-seconds', values['floor-seconds'], true),
    only: list(values.only),
    scenarios: list(values.scenario),
    build: !values['no-build'],
    help: values.help,
    nodes: list(values.node),
  };
}

function suites(text: string): SuiteName[] {
  if (text === 'all') return SUITE_NAMES;
  const name = SUITE_NAMES.find((suite) => suite === text);
  if (!name) throw new Error(`--suite must be one of ${SUITE_NAMES.join(', ')} or all, got ${text}`);
  return [name];
}

function positive(name: string, text: string, zeroAllowed = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) throw new Error(`--${name} must be a positive number, got ${text}`);
  return value;
}
