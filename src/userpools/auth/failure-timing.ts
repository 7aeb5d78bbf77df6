/**
 * Keeps an unknown user's failure from answering faster than a wrong password. Both run the same
 * password check and count the failure (see user-existence.ts), but the two paths still differ a
 * little (a user's row against a name's). So each node measures how long its wrong-password
 * failures take, per step, and holds an unknown user's answer back until it has taken the median
 * of the recent ones: a median, since a mean is pulled up by every stall (a checkpoint, a GC
 * pause) and the padded answers would then be the slower ones. Holding to the median makes the
 * unknown user's median that of a wrong password whenever its own work is no slower. Wall time,
 * not the injected clock: this is about what an observer can measure.
 */
import { performance } from 'node:perf_hooks';

export type FailureStep = 'password' | 'srp-verifier';

export interface FailureTimer {
  step: FailureStep;
  started: number;
}

/** How many recent wrong-password durations the median is taken over. */
const SAMPLES = 31;

/** The most recent durations of one step, oldest overwritten first. */
interface Durations {
  values: number[];
  next: number;
}

// Per store, so that servers sharing a process (tests) keep their own measurements.
const recent = new WeakMap<object, Map<FailureStep, Durations>>();

export const startFailureTimer = (step: FailureStep): FailureTimer => ({ step, started: performance.now() });

/** Records a wrong-password failure's duration. */
export function noteWrongPassword(scope: object, timer: FailureTimer): void {
  const elapsed = performance.now() - timer.started;
  let steps = recent.get(scope);
  if (!steps) recent.set(scope, (steps = new Map()));
  let durations = steps.get(timer.step);
  if (!durations) steps.set(timer.step, (durations = { values: [], next: 0 }));
  durations.values[durations.next] = elapsed;
  durations.next = (durations.next + 1) % SAMPLES;
}

/** The median of the recent wrong-password durations of a step (0 before the first). */
export function typicalWrongPassword(scope: object, step: FailureStep): number {
  const values = recent.get(scope)?.get(step)?.values;
  if (!values?.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Waits until the unknown user's attempt has lasted as long as a typical wrong password. */
export async function holdLikeWrongPassword(scope: object, timer: FailureTimer): Promise<void> {
  const wait = typicalWrongPassword(scope, timer.step) - (performance.now() - timer.started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
