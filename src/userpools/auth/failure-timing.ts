/**
 * Keeps an unknown user's failure from answering faster than a wrong password. Both run the same
 * password check (see user-existence.ts), but a wrong password also commits the failure count,
 * and a database commit (a WAL flush on PostgreSQL) is long enough to tell the two apart. So each
 * node measures how long its wrong-password failures take, per step, and holds an unknown user's
 * answer back until it has taken as long. Wall time, not the injected clock: this is about what
 * an observer can measure.
 */
import { performance } from 'node:perf_hooks';

export type FailureStep = 'password' | 'srp-verifier';

export interface FailureTimer {
  step: FailureStep;
  started: number;
}

// Per store, so that servers sharing a process (tests) keep their own measurements.
const typical = new WeakMap<object, Map<FailureStep, number>>();

export const startFailureTimer = (step: FailureStep): FailureTimer => ({ step, started: performance.now() });

/** Folds a wrong-password failure's duration into the running average. */
export function noteWrongPassword(scope: object, timer: FailureTimer): void {
  const elapsed = performance.now() - timer.started;
  let steps = typical.get(scope);
  if (!steps) typical.set(scope, (steps = new Map()));
  const previous = steps.get(timer.step);
  steps.set(timer.step, previous === undefined ? elapsed : previous * 0.8 + elapsed * 0.2);
}

/** Waits until the unknown user's attempt has lasted as long as a typical wrong password. */
export async function holdLikeWrongPassword(scope: object, timer: FailureTimer): Promise<void> {
  const wait = (typical.get(scope)?.get(timer.step) ?? 0) - (performance.now() - timer.started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
