/**
 * amazon-cognito-identity-js, unchanged but for its `endpoint` option: SRP sign-in (its default
 * flow), NEW_PASSWORD_REQUIRED, refreshSession and globalSignOut, also when the user types an
 * email alias.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession, type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { PASSWORD, createAppClient, createUserWithPassword } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

type Outcome =
  | { kind: 'session'; session: CognitoUserSession }
  | { kind: 'new-password'; userAttributes: Record<string, string>; requiredAttributes: string[] };

/** Runs one callback-style step of the library to its first outcome. */
function step(run: (callbacks: IAuthenticationCallback) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => run({
    onSuccess: (session) => resolve({ kind: 'session', session }),
    onFailure: reject,
    newPasswordRequired: (userAttributes, requiredAttributes) => resolve({ kind: 'new-password', userAttributes, requiredAttributes }),
  }));
}

describeEngines('amazon-cognito-identity-js', (engine) => {
  const { server, client } = useGatehouse(engine);
  let pool: CognitoUserPool;
  before(async () => {
    const poolId = await createPool(client, 'identity-js', {
      AliasAttributes: ['email'],
      Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true, Mutable: true }],
    });
    const { clientId } = await createAppClient(client, poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.url });
  });

  const userOf = (Username: string) => new CognitoUser({ Username, Pool: pool });
  const signIn = (user: CognitoUser, password: string) => step((callbacks) => user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), callbacks));

  it('signs in with SRP and refreshes the session', async () => {
    await createUserWithPassword(client, pool.getUserPoolId(), 'libby', { attributes: { name: 'Libby' } });
    const user = userOf('libby');
    const outcome = await signIn(user, PASSWORD);
    assert.equal(outcome.kind, 'session');
    const session = (outcome as { session: CognitoUserSession }).session;
    assert.ok(session.isValid());
    assert.equal(session.getIdToken().decodePayload()['cognito:username'], 'libby');
    assert.equal(session.getAccessToken().decodePayload().username, 'libby');
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) => user.refreshSession(session.getRefreshToken(), (err, value) => (err ? reject(err) : resolve(value))));
    assert.notEqual(refreshed.getAccessToken().decodePayload().jti, session.getAccessToken().decodePayload().jti, 'new tokens');
    assert.ok(refreshed.getAccessToken().getIssuedAt() >= session.getAccessToken().getIssuedAt());
    assert.equal(refreshed.getRefreshToken().getToken(), session.getRefreshToken().getToken());
    assert.equal(refreshed.getIdToken().decodePayload().origin_jti, session.getIdToken().decodePayload().origin_jti);
  });

  it('reports a wrong password as Cognito does', async () => {
    await createUserWithPassword(client, pool.getUserPoolId(), 'wrongo', { attributes: { name: 'Wrongo' } });
    await assert.rejects(signIn(userOf('wrongo'), 'Wrong-Horse-9'), { name: 'NotAuthorizedException', code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await assert.rejects(signIn(userOf('nobody'), PASSWORD), { name: 'UserNotFoundException', code: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('signs in by email alias, then continues as the internal username', async () => {
    await createUserWithPassword(client, pool.getUserPoolId(), 'mabel', { attributes: { name: 'Mabel', email: 'mabel@example.com', email_verified: 'true' } });
    const user = userOf('Mabel@Example.com');
    const outcome = await signIn(user, PASSWORD);
    assert.equal(outcome.kind, 'session');
    assert.equal(user.getUsername(), 'mabel', 'the library switched to USER_ID_FOR_SRP');
    await new Promise<void>((resolve, reject) => user.globalSignOut({ onSuccess: () => resolve(), onFailure: reject }));
  });

  it('answers NEW_PASSWORD_REQUIRED with completeNewPasswordChallenge', async () => {
    await createUserWithPassword(client, pool.getUserPoolId(), 'newt', { permanent: false, attributes: { name: 'Newt', email: 'newt@example.com' } });
    const user = userOf('newt');
    const outcome = await signIn(user, PASSWORD);
    assert.equal(outcome.kind, 'new-password');
    const { userAttributes, requiredAttributes } = outcome as Extract<Outcome, { kind: 'new-password' }>;
    assert.deepEqual(requiredAttributes, []);
    assert.equal(userAttributes.email, 'newt@example.com');
    const done = await step((callbacks) => user.completeNewPasswordChallenge('Brand-New-Pass-7', { given_name: 'Newton' }, callbacks));
    assert.equal(done.kind, 'session');
    assert.equal((done as { session: CognitoUserSession }).session.getIdToken().decodePayload().given_name, 'Newton');
    assert.equal((await signIn(userOf('newt'), 'Brand-New-Pass-7')).kind, 'session');
  });
});
