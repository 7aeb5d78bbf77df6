/**
 * PreventUserExistenceErrors ENABLED: an unknown user is indistinguishable from a wrong password,
 * in the error and in the SRP challenge (its timing: user-existence.timing.test.ts; its lockout:
 * test/userpools/auth/unknown-name-lockout.test.ts).
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, createUserWithPassword, type AppClient } from '../../../support/sign-in.js';
import { srpClient } from '../../../support/srp-client.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeEngines('hiding whether a user exists', (engine) => {
  const { client } = useGatehouse(engine);
  let poolId: string;
  let hiding: AppClient;
  before(async () => {
    ({ poolId, app: hiding } = await createPoolWithClient(client, 'existence', { UsernameAttributes: ['email'] }, { PreventUserExistenceErrors: 'ENABLED' }));
  });

  const signIn = (USERNAME: string, password: string) =>
    client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: hiding.clientId, AuthParameters: { USERNAME, PASSWORD: password } }));

  async function srpChallenge(USERNAME: string) {
    const srp = await srpClient(poolId);
    const challenge = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: hiding.clientId, AuthParameters: { USERNAME, SRP_A: srp.A } }));
    return { srp, challenge };
  }

  it('answers an unknown user with the wrong-password error', async () => {
    await createUserWithPassword(client, poolId, 'known@example.com');
    await assert.rejects(signIn('known@example.com', 'Wrong-Horse-9'), incorrect);
    await assert.rejects(signIn('unknown@example.com', PASSWORD), incorrect);
  });

  it('gives an unknown user a stable simulated SRP challenge that fails at the verifier', async () => {
    const first = await srpChallenge('ghost@example.com');
    const second = await srpChallenge('Ghost@Example.com');
    const known = await srpChallenge('known@example.com');
    assert.equal(first.challenge.ChallengeName, 'PASSWORD_VERIFIER');
    assert.deepEqual(Object.keys(first.challenge.ChallengeParameters!).sort(), Object.keys(known.challenge.ChallengeParameters!).sort());
    assert.match(first.challenge.ChallengeParameters!.USER_ID_FOR_SRP!, UUID);
    assert.equal(second.challenge.ChallengeParameters!.USER_ID_FOR_SRP, first.challenge.ChallengeParameters!.USER_ID_FOR_SRP);
    assert.equal(second.challenge.ChallengeParameters!.SALT, first.challenge.ChallengeParameters!.SALT);
    assert.notEqual(second.challenge.ChallengeParameters!.SRP_B, first.challenge.ChallengeParameters!.SRP_B);
    assert.notEqual((await srpChallenge('other-ghost@example.com')).challenge.ChallengeParameters!.SALT, first.challenge.ChallengeParameters!.SALT);
    const ChallengeResponses = await first.srp.answer(first.challenge.ChallengeParameters!, PASSWORD);
    await assert.rejects(client.send(new RespondToAuthChallengeCommand({
      ClientId: hiding.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: first.challenge.Session, ChallengeResponses,
    })), incorrect);
  });
});
