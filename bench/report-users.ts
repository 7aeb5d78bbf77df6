/**
 * The users suite's extra tables: the cost floor measured in the same run and how close Gatehouse
 * comes to it, and the targets with "met" or "not met" next to what was measured.
 */
import type { CostFloor } from './cost-floor.js';
import { BUSY_MACHINE_CORES } from './cpu-usage.js';
import { DEFAULT_ARGON2 } from '../src/crypto/passwords.js';
import type { Measurement } from './measurement.js';
import type { ScenarioName } from './suite.js';

/** The Gatehouse variant the targets are about. */
export const GOAL_TARGET = 'gatehouse-2w';

type FloorKey = 'signInsPerSecond' | 'signUpsPerSecond';

type Goal =
  | { scenario: ScenarioName; peer: string; times: number }
  | { scenario: ScenarioName; floor: FloorKey; share: number };

/** Issue 3's targets: AdminGetUser against both peers, refresh against cognito-local, hashing-bound flows against the floor. */
const GOALS: Goal[] = [
  { scenario: 'AdminGetUser', peer: 'cognito-local', times: 3 },
  { scenario: 'AdminGetUser', peer: 'moto', times: 30 },
  { scenario: 'REFRESH_TOKEN_AUTH', peer: 'cognito-local', times: 5 },
  { scenario: 'USER_PASSWORD_AUTH', floor: 'signInsPerSecond', share: 0.8 },
  { scenario: 'SignUp', floor: 'signUpsPerSecond', share: 0.8 },
];

const FLOOR_OF: Partial<Record<ScenarioName, FloorKey>> = { USER_PASSWORD_AUTH: 'signInsPerSecond', SignUp: 'signUpsPerSecond' };

export function floorTable(floor: CostFloor, measurements: Measurement[]): string {
  const { perSecond, otherCores } = floor;
  const argon2 = `m=${DEFAULT_ARGON2.memoryCost},t=${DEFAULT_ARGON2.timeCost},p=${DEFAULT_ARGON2.parallelism}`;
  const ours = measurements.filter((m) => m.target.startsWith('gatehouse') && !m.skipped && FLOOR_OF[m.scenario]);
  const busiest = Math.max(...Object.values(otherCores));
  return [
    `Cost floor on this machine, measured in this run (${floor.threads} threads × ${floor.inFlightPerThread} in flight, ${floor.seconds} s each):`,
    '',
    '| Operation | per s | other cores |',
    '|---|--:|--:|',
    `| argon2id hash (${argon2}, Gatehouse's default, @node-rs/argon2) | ${perSecond.argon2id} | ${otherCores.argon2id} |`,
    `| RS256 signature (jose SignJWT, 2048-bit key) | ${perSecond.rs256} | ${otherCores.rs256} |`,
    `| SRP verifier (g^x mod N, 3072-bit) | ${perSecond['srp-verifier']} | ${otherCores['srp-verifier']} |`,
    `| **password sign-in floor** = 1 / (1/argon2id + 2/RS256) | ${floor.signInsPerSecond} | |`,
    `| **SignUp floor** = 1 / (1/argon2id + 1/SRP verifier) | ${floor.signUpsPerSecond} | |`,
    '',
    ...(busiest > BUSY_MACHINE_CORES
      ? [`Warning: other processes used up to ${busiest} cores while the floor was measured, so it reads low and the shares below read high.`, '']
      : []),
    '| Scenario | Target | per s | floor per s | % of floor |',
    '|---|---|--:|--:|--:|',
    ...ours.map((m) => {
      const limit = floor[FLOOR_OF[m.scenario]!];
      return `| ${m.scenario} | ${m.target} | ${m.requestsPerSecond} | ${limit} | ${percent(m.requestsPerSecond / limit)} |`;
    }),
  ].join('\n');
}

export function goalsTable(measurements: Measurement[], floor: CostFloor | undefined): string {
  const rate = (scenario: ScenarioName, target: string) => {
    const m = measurements.find((candidate) => candidate.scenario === scenario && candidate.target === target);
    return m && !m.skipped && m.successes > 0 ? m.requestsPerSecond : undefined;
  };
  const rows = GOALS.map((goal) => {
    const ours = rate(goal.scenario, GOAL_TARGET);
    if ('peer' in goal) {
      const theirs = rate(goal.scenario, goal.peer);
      const text = `${goal.scenario} ≥ ${goal.times}× ${goal.peer}`;
      if (ours === undefined || theirs === undefined) return `| ${text} | not measured | – |`;
      return `| ${text} | ${(ours / theirs).toFixed(2)}× (${ours} vs ${theirs}/s) | ${verdict(ours >= goal.times * theirs)} |`;
    }
    const text = `${goal.scenario} ≥ ${percent(goal.share)} of the floor`;
    if (ours === undefined || !floor) return `| ${text} | not measured | – |`;
    const limit = floor[goal.floor];
    return `| ${text} | ${(100 * ours / limit).toFixed(1)}% (${ours} of ${limit}/s) | ${verdict(ours >= goal.share * limit)} |`;
  });
  return [`Issue 3's targets, for ${GOAL_TARGET}:`, '', '| Target | Measured | Result |', '|---|---|---|', ...rows].join('\n');
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const verdict = (met: boolean) => (met ? 'met' : '**not met**');
