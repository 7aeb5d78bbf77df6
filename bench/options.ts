/** The benchmark's command-line flags, with their defaults. */
import { parseArgs } from 'node:util';

export interface Options {
  durationSeconds: number;
  warmupSeconds: number;
  concurrency: number;
  /** Upper bound on the rate any target could reach; sizes the pre-signed CreateGroup supply. */
  maxRate: number;
  /** Longest wait, before each target, for other processes to leave the CPUs alone. */
  settleSeconds: number;
  /** How many times a window disturbed by other processes is measured again. */
  retries: number;
  only: string[];
  scenarios: string[];
  build: boolean;
}

export function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '32' },
      'max-rate': { type: 'string', default: '15000' },
      settle: { type: 'string', default: '15' },
      retries: { type: 'string', default: '0' },
      only: { type: 'string', default: '' },
      scenario: { type: 'string', default: '' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);
  return {
    durationSeconds: positive('duration', values.duration),
    warmupSeconds: positive('warmup', values.warmup, true),
    concurrency: positive('concurrency', values.concurrency),
    maxRate: positive('max-rate', values['max-rate']),
    settleSeconds: positive('settle', values.settle, true),
    retries: Math.floor(positive('retries', values.retries, true)),
    only: list(values.only),
    scenarios: list(values.scenario),
    build: !values['no-build'],
  };
}

function positive(name: string, text: string, zeroAllowed = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) throw new Error(`--${name} must be a positive number, got ${text}`);
  return value;
}
