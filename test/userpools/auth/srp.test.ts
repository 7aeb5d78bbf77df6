/** USER_SRP_AUTH against amazon-cognito-identity-js's own SRP helper, in process. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { initiateAuth } from '../../../src/userpools/auth/operations/initiate-auth.js';
import { N } from '../../../src/crypto/srp.js';
import { respondToAuthChallenge } from '../../../src/userpools/auth/operations/respond-to-auth-challenge.js';
import { srpClient } from '../../support/srp-client.js';
import { describeEngines } from '../../support/engines.js';
import { authHarness, type Harness } from './harness.js';

const PASSWORD = 'Correct-Horse-9';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describeEngines('USER_SRP_AUTH', (engine) => {
  let h: Harness;
  before(async () => { h = await authHarness(engine); });
  after(() => h.close());

  async function exchange(poolId: string, ClientId: string, USERNAME: string, password: string) {
    const client = await srpClient(poolId);
    const challenge = await h.call(initiateAuth, { AuthFlow: 'USER_SRP_AUTH', ClientId, AuthParameters: { USERNAME, SRP_A: client.A } });
    assert.equal(challenge.ChallengeName, 'PASSWORD_VERIFIER');
    const ChallengeResponses = await client.answer(challenge.ChallengeParameters!, password);
    const respond = () => h.call(respondToAuthChallenge, { ClientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session!, ChallengeResponses });
    return { challenge, respond };
  }

  it('signs in with the right password, once per session, and not with a wrong one', async () => {
    const poolId = await h.createPool();
    const { clientId } = await h.createClient(poolId);
    await h.createUser(poolId, 'sam', PASSWORD);
    const { challenge, respond } = await exchange(poolId, clientId, 'sam', PASSWORD);
    assert.deepEqual(Object.keys(challenge.ChallengeParameters!).sort(), ['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    assert.equal(challenge.ChallengeParameters!.USER_ID_FOR_SRP, 'sam');
    const result = await respond();
    assert.deepEqual(result.ChallengeParameters, {});
    assert.ok(result.AuthenticationResult?.RefreshToken);
    await assert.rejects(respond(), { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
    const bad = await exchange(poolId, clientId, 'sam', 'Wrong-Horse-9');
    await assert.rejects(bad.respond(), { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('answers an email typed in an email-username pool with the internal username', async () => {
    const poolId = await h.createPool({ UsernameAttributes: ['email'] });
    const { clientId } = await h.createClient(poolId);
    const username = '5b1a9c3e-0000-4000-8000-00000000beef';
    await h.createUser(poolId, username, PASSWORD, { attributes: { email: 'Ann@Example.com', email_verified: 'true' } });
    const { challenge, respond } = await exchange(poolId, clientId, 'ann@example.com', PASSWORD);
    assert.equal(challenge.ChallengeParameters!.USER_ID_FOR_SRP, username);
    assert.ok((await respond()).AuthenticationResult);
  });

  it('simulates a stable challenge for an unknown user when existence errors are prevented', async () => {
    const poolId = await h.createPool({ UsernameAttributes: ['email'] });
    const { clientId: hiding } = await h.createClient(poolId, { PreventUserExistenceErrors: 'ENABLED' });
    const one = await exchange(poolId, hiding, 'nobody@example.com', PASSWORD);
    const two = await exchange(poolId, hiding, 'NOBODY@example.com', PASSWORD);
    assert.match(one.challenge.ChallengeParameters!.USER_ID_FOR_SRP!, UUID);
    assert.equal(two.challenge.ChallengeParameters!.USER_ID_FOR_SRP, one.challenge.ChallengeParameters!.USER_ID_FOR_SRP);
    assert.equal(two.challenge.ChallengeParameters!.SALT, one.challenge.ChallengeParameters!.SALT);
    await assert.rejects(one.respond(), { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const { clientId: legacy } = await h.createClient(poolId);
    const client = await srpClient(poolId);
    await assert.rejects(h.call(initiateAuth, { AuthFlow: 'USER_SRP_AUTH', ClientId: legacy, AuthParameters: { USERNAME: 'nobody@example.com', SRP_A: client.A } }),
      { name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('refuses a hostile SRP_A as a wrong password, never as a server error', async () => {
    const poolId = await h.createPool();
    const { clientId } = await h.createClient(poolId);
    await h.createUser(poolId, 'eve', PASSWORD);
    for (const SRP_A of ['0', '1', (N - 1n).toString(16), N.toString(16), (3n * N).toString(16), (N + 5n).toString(16), 'not-hex']) {
      await assert.rejects(h.call(initiateAuth, { AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'eve', SRP_A } }),
        { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }, SRP_A.slice(0, 12));
    }
    // In range but outside the group's prime-order subgroup: the exchange runs and the proof fails.
    for (const SRP_A of ['5', (N - 2n).toString(16)]) {
      const challenge = await h.call(initiateAuth, { AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'eve', SRP_A } });
      const client = await srpClient(poolId);
      const ChallengeResponses = await client.answer(challenge.ChallengeParameters!, PASSWORD);
      await assert.rejects(h.call(respondToAuthChallenge, { ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session!, ChallengeResponses }),
        { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    }
  });
});
