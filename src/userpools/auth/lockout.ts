/**
 * Failed-password lockout, as the Cognito developer guide describes it: after five consecutive
 * failed sign-ins the user is locked out for one second, and each further failure doubles the
 * lockout, up to about fifteen minutes; about fifteen minutes without a failure forget the count.
 * A locked user's attempts are refused without checking the password (so they cannot be used to
 * guess); a success resets the count.
 *
 * Parallel attempts: a password is checked only once its attempt is admitted, and no more are
 * admitted at once than failures could still be allowed (store/sign-in-attempts.ts), so a burst
 * of wrong guesses gets no more checks than the free attempts, while a burst of right passwords
 * waits its turn and succeeds. An attempt is a failure only once its password was found wrong;
 * an attempt kept waiting is refused once the free attempts are spent by failures, and past them
 * an attempt is checked only if it began after the last failure (so one at a time).
 * Names that are no user go through the same lockout (user-existence.ts), so it tells nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { NotAuthorized, TooManyRequests } from '../../errors.js';
import type { Services } from '../../services.js';
import type { AttemptOutcome, AttemptRules, AttemptSubject } from '../../store/sign-in-attempts.js';
import type { UserRecord } from '../../store/users.js';
import { noteWrongPassword, type FailureTimer } from './failure-timing.js';

const FREE_FAILURES = 5;
const FIRST_LOCKOUT_MS = 1000;
const LONGEST_LOCKOUT_MS = 15 * 60 * 1000;
/** How long an attempt may stay in flight before its slot is given back anyway (a crash, a stall). */
const IN_FLIGHT_MS = 10_000;
/** How long an attempt waits for a slot before it is turned away as too many requests. */
const LONGEST_WAIT_MS = 2 * IN_FLIGHT_MS;
const PURGE_EVERY_MS = 60_000;

export const wrongPassword = () => NotAuthorized('Incorrect username or password.');
const attemptsExceeded = () => NotAuthorized('Password attempts exceeded');

/** The lockout after `failures` consecutive failures, in milliseconds (0 while under the limit). */
export function lockoutMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCKOUT_MS * 2 ** (failures - FREE_FAILURES), LONGEST_LOCKOUT_MS);
}

function lockoutSteps(): number[] {
  const steps: number[] = [];
  for (let failures = FREE_FAILURES; steps.at(-1) !== LONGEST_LOCKOUT_MS; failures++) steps.push(lockoutMs(failures));
  return steps;
}

const RULES: AttemptRules = { freeAttempts: FREE_FAILURES, lockoutsMs: lockoutSteps(), idleResetMs: LONGEST_LOCKOUT_MS, inFlightMs: IN_FLIGHT_MS };

export const userAttempts = (user: UserRecord): AttemptSubject => ({ kind: 'user', poolId: user.poolId, usernameKey: user.usernameKey });

type AttemptServices = Pick<Services, 'store' | 'clock'>;

const lastPurge = new WeakMap<object, number>();

/**
 * Waits until the subject may have a password checked, or refuses while it is locked out. Wall
 * time for the wait (it is about this process's requests), the clock for the rules. `begunAt` is
 * when the request began (its queries before this one may have queued behind a burst's).
 */
export async function beginAttempt(services: AttemptServices, subject: AttemptSubject, begunAt = services.clock.now()): Promise<AttemptSubject> {
  if (subject.kind === 'unknown') await purgeNowAndThen(services);
  const started = performance.now();
  for (let pause = 2; ; pause = Math.min(pause * 2, 40)) {
    const admission = await services.store.signInAttempts.admit(subject, services.clock.now(), begunAt, RULES);
    if (admission === 'admitted') return subject;
    if (admission === 'locked') throw attemptsExceeded();
    if (performance.now() - started > LONGEST_WAIT_MS) throw TooManyRequests('Too many requests');
    await sleep(pause * (0.5 + Math.random()));
  }
}

/** An admitted attempt ends; a success clears the count, a failure counts (see failAttempt). */
export async function endAttempt(services: AttemptServices, subject: AttemptSubject, outcome: AttemptOutcome): Promise<void> {
  await services.store.signInAttempts.finish(subject, services.clock.now(), outcome, RULES);
}

/**
 * An admitted attempt's password was wrong: counts the failure (locking when due) and refuses. A
 * sign-in step against a real user passes its timer, so that unknown users can be made to take as long.
 */
export async function failAttempt(services: AttemptServices, subject: AttemptSubject, timer?: FailureTimer): Promise<never> {
  await endAttempt(services, subject, 'failed');
  if (timer) noteWrongPassword(services.store, timer);
  throw wrongPassword();
}

/** Checks a password within an admitted attempt, which ends however the check does. */
export async function checkedAttempt(services: AttemptServices, subject: AttemptSubject, check: () => Promise<boolean>): Promise<boolean> {
  let matched: boolean;
  try {
    matched = await check();
  } catch (error) {
    await endAttempt(services, subject, 'abandoned');
    throw error;
  }
  if (matched) await endAttempt(services, subject, 'succeeded');
  return matched;
}

async function purgeNowAndThen(services: AttemptServices): Promise<void> {
  const now = services.clock.now();
  if (now - (lastPurge.get(services.store) ?? -Infinity) < PURGE_EVERY_MS) return;
  lastPurge.set(services.store, now);
  await services.store.signInAttempts.purgeUnknown(now, RULES);
}
