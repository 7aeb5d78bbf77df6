/**
 * The lockout forgets: about fifteen minutes without a failure give a user five free attempts
 * again, and an unknown name (PreventUserExistenceErrors ENABLED) the same, so that waiting tells
 * the two apart no more than guessing does; the rows kept for unknown names then go, so that a
 * stream of made-up names cannot grow the table without bound. A clock the test moves, both engines.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess } from '../../support/in-process.js';
import { PASSWORD, createUserWithPassword, type AppClient } from '../../support/sign-in.js';

const wrong = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const exceeded = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };
const MINUTE = 60 * 1000;

describeEngines('the lockout forgets', (engine) => {
  const gatehouse = useInProcess(engine);
  let poolId: string;
  let hiding: AppClient;
  before(async () => {
    ({ poolId, app: hiding } = await createPoolWithClient(gatehouse.client, 'forgets', {}, { PreventUserExistenceErrors: 'ENABLED' }));
  });

  const signIn = (USERNAME: string, password: string) => gatehouse.client.send(new InitiateAuthCommand({
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: hiding.clientId, AuthParameters: { USERNAME, PASSWORD: password },
  }));
  const unknownRows = async () => (await gatehouse.services.store.db.selectFrom('unknown_sign_ins').select('name_hash').execute()).length;

  it('gives users and unknown names five free attempts again after fifteen minutes without a failure, and drops idle names', async () => {
    await createUserWithPassword(gatehouse.client, poolId, 'idler');
    for (const name of ['idler', 'nobody', 'nobody-else']) {
      for (let i = 0; i < 5; i++) await assert.rejects(signIn(name, 'Wrong-Horse-1'), wrong, name);
      await assert.rejects(signIn(name, PASSWORD), exceeded, name);
    }
    assert.equal(await unknownRows(), 2, 'a row for each unknown name');
    gatehouse.clock.advance(15 * MINUTE - 1);
    for (const name of ['idler', 'nobody']) {
      await assert.rejects(signIn(name, 'Wrong-Horse-1'), wrong, `${name}: the lockout is over, one more attempt`);
      await assert.rejects(signIn(name, 'Wrong-Horse-1'), exceeded, `${name}: not forgotten yet, locked again`);
    }
    gatehouse.clock.advance(15 * MINUTE);
    for (let i = 0; i < 5; i++) {
      await assert.rejects(signIn('idler', 'Wrong-Horse-1'), wrong, 'five free attempts again');
      await assert.rejects(signIn('nobody', 'Wrong-Horse-1'), wrong, 'five free attempts again');
    }
    assert.equal(await unknownRows(), 1, 'the idle name\'s row is gone');
    gatehouse.clock.advance(1000);
    assert.ok((await signIn('idler', PASSWORD)).AuthenticationResult?.AccessToken);
  });
});
