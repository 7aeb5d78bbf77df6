/**
 * PreventUserExistenceErrors ENABLED: an unknown user's wrong-password answer takes as long as a
 * real user's. Timing-sensitive (`.timing.test.ts`): scripts/test.sh runs these files on their own,
 * after every other file, so that no other test's load skews the medians.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { createUserWithPassword, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const TRIES = 25;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describeEngines('the time an unknown user takes', (engine) => {
  const { client } = useGatehouse(engine);
  let poolId: string;
  let hiding: AppClient;
  before(async () => {
    ({ poolId, app: hiding } = await createPoolWithClient(client, 'existence-timing', { UsernameAttributes: ['email'] }, { PreventUserExistenceErrors: 'ENABLED' }));
    // One wrong password per user and per unknown name, so that no lockout shortens a measurement.
    for (let i = 0; i < TRIES; i++) await createUserWithPassword(client, poolId, `timed-${i}@example.com`);
  });

  const elapsed = async (USERNAME: string) => {
    const started = process.hrtime.bigint();
    await assert.rejects(client.send(new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: hiding.clientId, AuthParameters: { USERNAME, PASSWORD: 'Wrong-Horse-9' },
    })), incorrect);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };

  it('has the median of a wrong password', async (t) => {
    // A few rounds first, so that the server has measured wrong passwords before it pads to them.
    for (let i = 0; i < 3; i++) {
      await elapsed(`timed-${i}@example.com`);
      await elapsed(`warm-up-${i}@example.com`);
    }
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      known.push(await elapsed(`timed-${i}@example.com`));
      unknown.push(await elapsed(`absent-${i}@example.com`));
    }
    const [a, b] = [median(known), median(unknown)];
    t.diagnostic(`median wrong password ${a.toFixed(1)} ms, unknown user ${b.toFixed(1)} ms (${TRIES} each)`);
    // Within a tenth of a wrong password's time, with 2 ms for loopback noise on fast machines.
    assert.ok(Math.abs(a - b) <= 0.1 * a + 2, `wrong password ${a.toFixed(1)} ms, unknown user ${b.toFixed(1)} ms`);
  });
});
