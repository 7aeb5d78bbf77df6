/**
 * PreventUserExistenceErrors ENABLED: an unknown user's wrong-password answer takes as long as a
 * real user's. Timing-sensitive (`.timing.test.ts`): scripts/test.sh runs these files on their own,
 * after every other file, so that no other test file's load skews the medians.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { createUserWithPassword, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const NAMES = 50;
/** Wrong passwords per name: fewer than the five that lock, so that no lockout shortens an answer. */
const ROUNDS = 4;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

describeEngines('the time an unknown user takes', (engine) => {
  // A cheap hash: both answers run the same argon2id check, whose spread on a busy machine (tens
  // of milliseconds) would drown what this is about, the time each path takes besides.
  const { client } = useGatehouse(engine, { env: { GATEHOUSE_ARGON2: 'm=1024,t=1,p=1' } });
  let poolId: string;
  let hiding: AppClient;
  before(async () => {
    ({ poolId, app: hiding } = await createPoolWithClient(client, 'existence-timing', { UsernameAttributes: ['email'] }, { PreventUserExistenceErrors: 'ENABLED' }));
    for (let i = 0; i < NAMES; i++) await createUserWithPassword(client, poolId, `timed-${i}@example.com`);
  });

  const elapsed = async (USERNAME: string) => {
    const started = process.hrtime.bigint();
    await assert.rejects(client.send(new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: hiding.clientId, AuthParameters: { USERNAME, PASSWORD: 'Wrong-Horse-9' },
    })), incorrect);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };

  it('has the median of a wrong password', async (t) => {
    const known: number[] = [];
    const unknown: number[] = [];
    // In turns, each first half the time, so that neither is always the one after the other; the
    // first round only warms up (the server has measured no wrong password yet).
    for (let round = 0; round <= ROUNDS - 1; round++) {
      for (let i = 0; i < NAMES; i++) {
        const pair = i % 2
          ? [await elapsed(`absent-${i}@example.com`), await elapsed(`timed-${i}@example.com`)].reverse()
          : [await elapsed(`timed-${i}@example.com`), await elapsed(`absent-${i}@example.com`)];
        if (round === 0) continue;
        known.push(pair[0]!);
        unknown.push(pair[1]!);
      }
    }
    const [a, b] = [median(known), median(unknown)];
    const paired = median(unknown.map((value, i) => value - known[i]!));
    t.diagnostic(`median wrong password ${a.toFixed(2)} ms, unknown user ${b.toFixed(2)} ms, median of paired differences ${paired.toFixed(2)} ms (${known.length} each)`);
    // The pairs ran back to back, under the same load, so their differences are what the two paths
    // differ by: within a tenth of a wrong password's time (and 1 ms of loopback noise). The medians
    // of the two sets also follow the machine's load, so they get a little more room.
    assert.ok(Math.abs(paired) <= 0.1 * a + 1, `unknown users slower by ${paired.toFixed(2)} ms in the median pair (wrong password ${a.toFixed(2)} ms)`);
    assert.ok(Math.abs(a - b) <= 0.2 * a + 2, `wrong password ${a.toFixed(2)} ms, unknown user ${b.toFixed(2)} ms`);
  });
});
