/**
 * Keeps an unknown user's failure from answering at another speed than a wrong password. Both
 * run the same password check and count the failure (see user-existence.ts), but the two paths
 * still differ a little (a user's row against a name's, the lookups that find nothing). So each
 * node keeps, per step, the durations of its recent wrong-password failures and of its recent
 * unknown users' work, and holds each unknown user's answer back by the difference of their
 * medians. A median, since a mean is pulled up by every stall (a checkpoint, a GC pause); and a
 * shift by the difference, not a wait until the median itself, since waiting until a noisy
 * target makes the padded answers the slower ones (the later of two draws). Wall time, not the
 * injected clock: this is about what an observer can measure.
 */
import { performance } from 'node:perf_hooks';

export type FailureStep = 'password' | 'srp-verifier';

export interface FailureTimer {
  step: FailureStep;
  /** Wall time, for the measurements. */
  started: number;
  /** The service clock's time, for the lockout (an attempt begun before the last failure is a parallel one). */
  begunAt: number;
}

/**
 * How many recent durations each median is taken over: many, since the two medians' difference
 * is noise when the paths cost the same, and a wait for only its positive part would slow unknown
 * users by that noise.
 */
const SAMPLES = 255;
/**
 * Differences below a timer's resolution are left alone: a timer cannot wait less than about a
 * millisecond, so holding back answers for a noise-sized difference would make them the slower.
 */
const RESOLUTION_MS = 1;

/** The most recent durations of one kind, oldest overwritten first. */
class Durations {
  private readonly values: number[] = [];
  private next = 0;

  add(value: number): void {
    this.values[this.next] = value;
    this.next = (this.next + 1) % SAMPLES;
  }

  median(): number | undefined {
    if (this.values.length === 0) return undefined;
    const sorted = [...this.values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  }
}

interface StepDurations {
  wrongPassword: Durations;
  unknownUser: Durations;
}

// Per store, so that servers sharing a process (tests) keep their own measurements.
const recent = new WeakMap<object, Map<FailureStep, StepDurations>>();

function durations(scope: object, step: FailureStep): StepDurations {
  let steps = recent.get(scope);
  if (!steps) recent.set(scope, (steps = new Map()));
  let found = steps.get(step);
  if (!found) steps.set(step, (found = { wrongPassword: new Durations(), unknownUser: new Durations() }));
  return found;
}

export const startFailureTimer = (step: FailureStep, clock: { now(): number }): FailureTimer => ({ step, started: performance.now(), begunAt: clock.now() });

/** Records a wrong-password failure's duration. */
export function noteWrongPassword(scope: object, timer: FailureTimer): void {
  durations(scope, timer.step).wrongPassword.add(performance.now() - timer.started);
}

/**
 * Records how long the unknown user's own work took, and waits as much longer as a wrong password
 * typically takes beyond an unknown user's work.
 */
export async function holdLikeWrongPassword(scope: object, timer: FailureTimer): Promise<void> {
  const step = durations(scope, timer.step);
  step.unknownUser.add(performance.now() - timer.started);
  const wait = (step.wrongPassword.median() ?? 0) - step.unknownUser.median()!;
  if (wait >= RESOLUTION_MS) await new Promise((resolve) => setTimeout(resolve, wait));
}
