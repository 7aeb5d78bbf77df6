/**
 * PreventUserExistenceErrors ENABLED: a name that is no user goes through the lockout a user's
 * does, so that wrong passwords tell the two apart no more than their answers do: locked after
 * five failures, however the name is cased, no more than five of a burst of parallel guesses
 * checked; and about fifteen minutes without a failure give both five free attempts again, and
 * drop the rows kept for unknown names, so that a stream of made-up names cannot grow the table
 * without bound. A clock the test moves (so that no lockout ends while a burst is answered), both
 * engines, requests interleaved between their queries as they are across processes.
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

describeEngines('the lockout of unknown names', (engine) => {
  const gatehouse = useInProcess(engine, { interleave: true });
  let poolId: string;
  let hiding: AppClient;
  before(async () => {
    ({ poolId, app: hiding } = await createPoolWithClient(gatehouse.client, 'unknown names', { UsernameConfiguration: { CaseSensitive: false } }, { PreventUserExistenceErrors: 'ENABLED' }));
  });

  const signIn = (USERNAME: string, password: string) => gatehouse.client.send(new InitiateAuthCommand({
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: hiding.clientId, AuthParameters: { USERNAME, PASSWORD: password },
  }));
  const unknownRows = async () => (await gatehouse.services.store.db.selectFrom('unknown_sign_ins').select('name_hash').execute()).length;

  const outcome = (call: Promise<unknown>) => call.then(() => 'signed in', (error: Error) => `${error.name}: ${error.message}`);

  it('locks out an unknown name after five wrong passwords, as it does a user, however it is cased', async () => {
    await createUserWithPassword(gatehouse.client, poolId, 'locked');
    const tries = async (name: string) => {
      const outcomes: string[] = [];
      for (let i = 0; i < 7; i++) outcomes.push(await outcome(signIn(name, `Wrong-Horse-${i}`)));
      return outcomes;
    };
    const known = await tries('locked');
    assert.deepEqual(known, [...Array<string>(5).fill(`${wrong.name}: ${wrong.message}`), ...Array<string>(2).fill(`${exceeded.name}: ${exceeded.message}`)]);
    assert.deepEqual(await tries('never-signed-up'), known);
    assert.deepEqual(await tries('Never-Signed-Up'), Array<string>(7).fill(`${exceeded.name}: ${exceeded.message}`), 'the same name');
    await assert.rejects(signIn('another-stranger', PASSWORD), wrong, 'other names are not locked');
    const rows = await gatehouse.services.store.db.selectFrom('unknown_sign_ins').select('name_hash').execute();
    assert.ok(rows.every(({ name_hash }) => !name_hash.toLowerCase().includes('never')), 'names are kept only as a hash');
    gatehouse.clock.advance(1000);
    await assert.rejects(signIn('locked', 'Wrong-Horse-9'), wrong, 'the lockout ends after a second');
    await assert.rejects(signIn('never-signed-up', 'Wrong-Horse-9'), wrong, 'for the unknown name too');
  });

  it('checks at most five of 40 parallel guesses at an unknown name, as for a user', async () => {
    await createUserWithPassword(gatehouse.client, poolId, 'besieged');
    const burst = async (name: string) => {
      const outcomes = await Promise.all(Array.from({ length: 40 }, () => outcome(signIn(name, 'Wrong-Horse-9'))));
      const counts: Record<string, number> = {};
      for (const seen of outcomes) counts[seen] = (counts[seen] ?? 0) + 1;
      return counts;
    };
    const known = await burst('besieged');
    assert.deepEqual(known, { [`${wrong.name}: ${wrong.message}`]: 5, [`${exceeded.name}: ${exceeded.message}`]: 35 });
    assert.deepEqual(await burst('phantom'), known);
  });

  it('gives users and unknown names five free attempts again after fifteen minutes without a failure, and drops idle names', async () => {
    await createUserWithPassword(gatehouse.client, poolId, 'idler');
    const earlier = await unknownRows();
    for (const name of ['idler', 'nobody', 'nobody-else']) {
      for (let i = 0; i < 5; i++) await assert.rejects(signIn(name, 'Wrong-Horse-1'), wrong, name);
      await assert.rejects(signIn(name, PASSWORD), exceeded, name);
    }
    assert.equal(await unknownRows(), earlier + 2, 'a row for each unknown name');
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
    assert.equal(await unknownRows(), 1, 'the idle names\' rows are gone');
    gatehouse.clock.advance(1000);
    assert.ok((await signIn('idler', PASSWORD)).AuthenticationResult?.AccessToken);
  });
});
