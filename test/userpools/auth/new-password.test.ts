/**
 * NEW_PASSWORD_REQUIRED for a user that lacks a required attribute. The API no longer creates
 * such users (AdminCreateUser insists on required attributes), but imported or older data can.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { initiateAuth } from '../../../src/userpools/auth/operations/initiate-auth.js';
import { respondToAuthChallenge } from '../../../src/userpools/auth/operations/respond-to-auth-challenge.js';
import { describeEngines } from '../../support/engines.js';
import { authHarness, type Harness } from './harness.js';

describeEngines('NEW_PASSWORD_REQUIRED with missing required attributes', (engine) => {
  let h: Harness;
  before(async () => { h = await authHarness(engine); });
  after(() => h.close());

  it('lists what is missing, refuses an answer without it, and accepts the corrected answer on the same session', async () => {
    const poolId = await h.createPool({ Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true, Mutable: true }] });
    const { clientId } = await h.createClient(poolId);
    await h.createUser(poolId, 'nina', 'Temp-Pass-123', { status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'nina@example.com' } });
    const first = await h.call(initiateAuth, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'nina', PASSWORD: 'Temp-Pass-123' } });
    assert.deepEqual(JSON.parse(first.ChallengeParameters!.requiredAttributes!), ['userAttributes.name']);
    assert.deepEqual(JSON.parse(first.ChallengeParameters!.userAttributes!), { email: 'nina@example.com' });
    const answer = (extra: Record<string, string>) => h.call(respondToAuthChallenge, {
      ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session!, ChallengeResponses: { USERNAME: 'nina', NEW_PASSWORD: 'Brand-New-Pass-7', ...extra },
    });
    await assert.rejects(answer({}), { name: 'InvalidParameterException', message: 'Invalid attributes given, name is missing' });
    await assert.rejects(answer({ 'userAttributes.name': 'N', 'userAttributes.nickname': 'x'.repeat(3000) }), { name: 'InvalidParameterException' });
    const done = await answer({ 'userAttributes.name': 'Nina', 'userAttributes.email': 'nina@example.org' });
    assert.ok(done.AuthenticationResult?.IdToken);
    const user = (await h.services.store.users.find(poolId, 'nina'))!;
    assert.equal(user.status, 'CONFIRMED');
    assert.deepEqual([user.attributes.name, user.attributes.email, user.attributes.email_verified], ['Nina', 'nina@example.org', 'false']);
  });

  it('refuses an email another user signs in with, and lets the answer be corrected', async () => {
    const poolId = await h.createPool({ UsernameAttributes: ['email'] });
    const { clientId } = await h.createClient(poolId);
    await h.createUser(poolId, 'holder-uuid', 'Correct-Horse-9', { attributes: { email: 'taken@example.com' } });
    await h.createUser(poolId, 'newbie-uuid', 'Temp-Pass-123', { status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'newbie@example.com' } });
    const first = await h.call(initiateAuth, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'newbie@example.com', PASSWORD: 'Temp-Pass-123' } });
    const answer = (email: string) => h.call(respondToAuthChallenge, {
      ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session!,
      ChallengeResponses: { USERNAME: 'newbie-uuid', NEW_PASSWORD: 'Brand-New-Pass-7', 'userAttributes.email': email },
    });
    await assert.rejects(answer('TAKEN@example.com'), { name: 'AliasExistsException', message: 'An account with the given email already exists.' });
    assert.ok((await answer('moved@example.com')).AuthenticationResult);
    assert.equal((await h.services.store.users.findByAlias(poolId, 'email:moved@example.com'))?.username, 'newbie-uuid');
    assert.equal(await h.services.store.users.findByAlias(poolId, 'email:newbie@example.com'), undefined);
  });
});
