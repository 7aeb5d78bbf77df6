/**
 * Password attempts against one sign-in name, counted so that a burst of parallel attempts cannot
 * all be checked and parallel right passwords are not refused. Two counts: failures (consecutive,
 * forgotten after `idleResetMs` without one) and attempts in flight (forgotten `inFlightMs` after
 * the last was admitted, so that a crashed process cannot leave them stuck). An attempt is
 * admitted only while failures + attempts in flight stay under the free attempts (past them, one
 * at a time and each begun after the last failure), so the attempts checked never outnumber the
 * failures the rules allow. Each step is one statement, atomic on either engine and across processes.
 *
 * A subject is a user (the counters are columns of its row) or a name that is no user (rows of
 * `unknown_sign_ins`, keyed by a hash the caller makes). The rules are the caller's.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.js';

export type AttemptSubject =
  | { kind: 'user'; poolId: string; usernameKey: string }
  | { kind: 'unknown'; poolId: string; nameHash: string };

export interface AttemptRules {
  freeAttempts: number;
  /** The lockout after freeAttempts failures, freeAttempts + 1, ...; the last one repeats. */
  lockoutsMs: number[];
  idleResetMs: number;
  inFlightMs: number;
}

/**
 * admitted: check the password, then finish. locked: refuse (locked out, or past the free
 * attempts and not after the last failure: past them, attempts go one after another, each begun
 * after the last failure ended, so that a burst's waiting guesses are refused once the free
 * attempts have failed, even when the lockout ends before they are looked at). busy: the free
 * attempts left are all in flight; ask again.
 */
export type Admission = 'admitted' | 'locked' | 'busy';

export type AttemptOutcome = 'failed' | 'succeeded' | 'abandoned';

const bigint = (value: number) => sql<number>`cast(${value} as bigint)`;

export function signInAttemptsRepository(db: Db) {
  const tableOf = (subject: AttemptSubject) => (subject.kind === 'user' ? 'users' : 'unknown_sign_ins');
  const matches = (subject: AttemptSubject) => subject.kind === 'user'
    ? sql`users.pool_id = ${subject.poolId} and users.username_key = ${subject.usernameKey}`
    : sql`unknown_sign_ins.pool_id = ${subject.poolId} and unknown_sign_ins.name_hash = ${subject.nameHash}`;

  /** The counters' current values as SQL over the subject's row. */
  function counters(subject: AttemptSubject, now: number, rules: AttemptRules, begunAt = now) {
    const column = (name: string) => sql.ref(`${tableOf(subject)}.${name}`);
    const failures = sql<number>`(case when ${column('last_failed_at')} <= ${bigint(now - rules.idleResetMs)} then 0 else ${column('failed_sign_ins')} end)`;
    const inFlight = sql<number>`(case when ${column('in_flight_until')} <= ${bigint(now)} then 0 else ${column('sign_ins_in_flight')} end)`;
    const budget = sql<number>`(case when ${failures} >= ${rules.freeAttempts} then 1 else ${rules.freeAttempts} - ${failures} end)`;
    const released = sql<number>`(case when ${inFlight} > 0 then ${inFlight} - 1 else 0 end)`;
    const admissible = sql`${column('locked_until')} <= ${bigint(now)} and ${inFlight} < ${budget}
      and (${failures} < ${rules.freeAttempts} or ${column('last_failed_at')} < ${bigint(begunAt)})`;
    return { column, failures, inFlight, admissible, released };
  }

  /** The lockout that `failures` consecutive failures bring, as an absolute time. */
  function lockedUntil(failures: RawBuilder<number>, current: RawBuilder<unknown>, now: number, rules: AttemptRules): RawBuilder<number> {
    const steps = rules.lockoutsMs.slice(0, -1).map((ms, i) => sql`when ${failures} = ${rules.freeAttempts + i} then ${bigint(now + ms)}`);
    const longest = bigint(now + rules.lockoutsMs.at(-1)!);
    return sql<number>`(case when ${failures} < ${rules.freeAttempts} then ${current} ${sql.join(steps, sql` `)} else ${longest} end)`;
  }

  return {
    /** Admits one attempt, begun (first asked for) at `begunAt`, or says why not. */
    async admit(subject: AttemptSubject, now: number, begunAt: number, rules: AttemptRules): Promise<Admission> {
      const c = counters(subject, now, rules, begunAt);
      const set = sql`failed_sign_ins = ${c.failures}, sign_ins_in_flight = ${c.inFlight} + 1, in_flight_until = ${bigint(now + rules.inFlightMs)}`;
      const admitted = subject.kind === 'user'
        ? await sql`update users set ${set} where ${matches(subject)} and ${c.admissible} returning failed_sign_ins`.execute(db)
        : await sql`insert into unknown_sign_ins (pool_id, name_hash, sign_ins_in_flight, in_flight_until)
            values (${subject.poolId}, ${subject.nameHash}, 1, ${bigint(now + rules.inFlightMs)})
            on conflict (pool_id, name_hash) do update set ${set} where ${c.admissible} returning failed_sign_ins`.execute(db);
      if (admitted.rows.length > 0) return 'admitted';
      const { rows: [row] } = await sql<{ locked: number; failures: number }>`select
          (case when ${c.column('locked_until')} > ${bigint(now)} then 1 else 0 end) as locked, ${c.failures} as failures
        from ${sql.table(tableOf(subject))} where ${matches(subject)}`.execute(db);
      // A user deleted meanwhile: nothing left to protect, and the check will fail on its own.
      if (!row) return 'admitted';
      return Number(row.locked) === 1 || Number(row.failures) >= rules.freeAttempts ? 'locked' : 'busy';
    },

    /** Ends an admitted attempt: its slot is released, and a failure counted (and locks when due) or a success clears the count. */
    async finish(subject: AttemptSubject, now: number, outcome: AttemptOutcome, rules: AttemptRules): Promise<void> {
      const c = counters(subject, now, rules);
      const next = sql<number>`(${c.failures} + 1)`;
      const set = outcome === 'failed'
        ? sql`failed_sign_ins = ${next}, locked_until = ${lockedUntil(next, c.column('locked_until'), now, rules)}, last_failed_at = ${bigint(now)}, sign_ins_in_flight = ${c.released}`
        : outcome === 'succeeded'
          ? sql`failed_sign_ins = 0, locked_until = 0, sign_ins_in_flight = ${c.released}`
          : sql`sign_ins_in_flight = ${c.released}`;
      await sql`update ${sql.table(tableOf(subject))} set ${set} where ${matches(subject)}`.execute(db);
    },

    /** Drops the rows of unknown names that no longer hold anything (idle, unlocked, nothing in flight). */
    async purgeUnknown(now: number, rules: AttemptRules): Promise<void> {
      await db.deleteFrom('unknown_sign_ins')
        .where('last_failed_at', '<=', now - rules.idleResetMs).where('locked_until', '<=', now).where('in_flight_until', '<=', now).execute();
    },
  };
}

export type SignInAttemptsRepository = ReturnType<typeof signInAttemptsRepository>;
