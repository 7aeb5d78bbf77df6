/**
 * pycognito (Home Assistant Cloud's client) signs in with boto3: USER_SRP_AUTH, then
 * RespondToAuthChallenge with PASSWORD_VERIFIER and no Session, since Cognito keeps the SRP state
 * in SECRET_BLOCK. The requests here are boto3's own; the SRP arithmetic is the test's.
 */
import assert from 'node:assert/strict';
import { SLOW } from '../../../support/aws.js';
import { before, it } from 'node:test';
import { boto3Call } from '../../../support/boto3.js';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, claimsOf, createUserWithPassword, type AppClient } from '../../../support/sign-in.js';
import { srpClient } from '../../../support/srp-client.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

interface Challenge {
  ChallengeName: string;
  ChallengeParameters: Record<string, string>;
}

describeEngines('SRP answered without a Session, as pycognito does', (engine) => {
  const { server, client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'pycognito'));
    await createUserWithPassword(client, poolId, 'hass');
  });

  /** boto3's initiate_auth for USER_SRP_AUTH, and the PASSWORD_VERIFIER answer it needs. */
  async function startSrp(password = PASSWORD) {
    const srp = await srpClient(poolId);
    const started = await boto3Call(server, 'initiate_auth', { AuthFlow: 'USER_SRP_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'hass', SRP_A: srp.A } });
    assert.ok(started.ok, JSON.stringify(started));
    const challenge = started.result as Challenge;
    assert.equal(challenge.ChallengeName, 'PASSWORD_VERIFIER');
    return { challenge, responses: await srp.answer(challenge.ChallengeParameters, password) };
  }

  const respond = (responses: Record<string, string>) =>
    boto3Call(server, 'respond_to_auth_challenge', { ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: responses });

  it('signs in with boto3, answering PASSWORD_VERIFIER without a Session', SLOW, async () => {
    const { responses } = await startSrp();
    const answered = await respond(responses);
    assert.ok(answered.ok, JSON.stringify(answered));
    const { AuthenticationResult } = answered.result as { AuthenticationResult: { AccessToken: string } };
    assert.equal(claimsOf(AuthenticationResult.AccessToken).username, 'hass');
  });

  it('serves a secret block once', SLOW, async () => {
    const { responses } = await startSrp();
    assert.ok((await respond(responses)).ok);
    const again = await respond(responses);
    assert.deepEqual(again.ok ? again : { code: again.code, message: again.message },
      { code: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('refuses a forged or altered secret block, and still a wrong password', SLOW, async () => {
    const { responses } = await startSrp();
    const forged = await respond({ ...responses, PASSWORD_CLAIM_SECRET_BLOCK: Buffer.alloc(96, 7).toString('base64') });
    assert.equal(forged.ok ? 'accepted' : forged.message, 'Invalid session for the user, session is expired.');
    const sealed = Buffer.from(responses.PASSWORD_CLAIM_SECRET_BLOCK!, 'base64').toString();
    const altered = Buffer.from(`${sealed.slice(0, -3)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-2)}`).toString('base64');
    const tampered = await respond({ ...responses, PASSWORD_CLAIM_SECRET_BLOCK: altered });
    assert.equal(tampered.ok ? 'accepted' : tampered.message, 'Invalid session for the user, session is expired.');
    const wrong = await startSrp('Wrong-Horse-9');
    const refused = await respond(wrong.responses);
    assert.equal(refused.ok ? 'accepted' : refused.message, 'Incorrect username or password.');
  });
});
