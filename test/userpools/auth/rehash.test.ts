/** A successful password sign-in upgrades a hash made with older argon2 parameters. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { passwordHasher } from '../../../src/crypto/passwords.js';
import { initiateAuth } from '../../../src/userpools/auth/operations/initiate-auth.js';
import { describeEngines } from '../../support/engines.js';
import { authHarness, type Harness } from './harness.js';

describeEngines('rehashing on sign-in', (engine) => {
  let h: Harness;
  before(async () => { h = await authHarness(engine); });
  after(() => h.close());

  it('rehashes with the configured parameters, once, and keeps the password working', async () => {
    const poolId = await h.createPool();
    const { clientId } = await h.createClient(poolId);
    await h.createUser(poolId, 'olga', 'Correct-Horse-9');
    const stored = async () => (await h.services.store.users.find(poolId, 'olga'))!.passwordHash!;
    const before = await stored();
    assert.match(before, /\$m=1024,t=1,p=1\$/);
    h.services.passwords = passwordHasher({ memoryCost: 2048, timeCost: 2, parallelism: 1 });
    const signIn = (PASSWORD: string) => h.call(initiateAuth, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'olga', PASSWORD } });
    await assert.rejects(signIn('Wrong-Horse-9'), { name: 'NotAuthorizedException' });
    assert.equal(await stored(), before, 'a failed sign-in does not rehash');
    assert.ok((await signIn('Correct-Horse-9')).AuthenticationResult);
    const after = await stored();
    assert.match(after, /\$m=2048,t=2,p=1\$/);
    assert.ok((await signIn('Correct-Horse-9')).AuthenticationResult);
    assert.equal(await stored(), after, 'an up-to-date hash is left alone');
  });
});
