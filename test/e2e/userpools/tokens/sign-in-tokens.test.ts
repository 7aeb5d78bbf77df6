/** The claim sets of the ID and access tokens a sign-in returns (digest §4), checked claim by claim. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminAddUserToGroupCommand, AdminGetUserCommand, CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { claimsOf, createAppClient, createUserWithPassword, passwordSignIn, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describeEngines('token claims', (engine) => {
  const { server, client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  let sub: string;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'claims', { Schema: [{ Name: 'score', AttributeDataType: 'Number' }, { Name: 'plan', AttributeDataType: 'String' }] }));
    await createUserWithPassword(client, poolId, 'zoe', { attributes: { email: 'zoe@example.com', email_verified: 'true', name: 'Zoe', 'custom:score': '42', 'custom:plan': 'pro' } });
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'zoe' }));
    sub = user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
    for (const [GroupName, Precedence, RoleArn] of [['readers', undefined, undefined], ['editors', 5, role('editor')], ['admins', 1, role('admin')]] as const) {
      await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName, Precedence, RoleArn }));
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'zoe', GroupName }));
    }
  });

  it('issues an ID token with exactly Cognito\'s claims, signed by a key in the pool\'s JWKS', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await passwordSignIn(client, app, 'zoe');
    const jwks = await (await fetch(`${server.url}/${poolId}/.well-known/jwks.json`)).json() as JSONWebKeySet;
    const { payload } = await jwtVerify(result.IdToken!, createLocalJWKSet(jwks), { issuer: `${server.url}/${poolId}`, audience: app.clientId });
    const { iat, exp, auth_time, jti, origin_jti, event_id, ...stable } = payload as Record<string, unknown>;
    assert.deepEqual(stable, {
      sub, aud: app.clientId, iss: `${server.url}/${poolId}`, token_use: 'id', 'cognito:username': 'zoe',
      email: 'zoe@example.com', email_verified: true, name: 'Zoe', 'custom:score': '42', 'custom:plan': 'pro',
      'cognito:groups': ['admins', 'editors', 'readers'], 'cognito:roles': [role('admin'), role('editor')], 'cognito:preferred_role': role('admin'),
    });
    assert.ok(Number(iat) >= before - 1 && Number(iat) <= before + 60);
    assert.equal(exp, Number(iat) + 3600);
    assert.equal(auth_time, iat);
    for (const id of [jti, origin_jti, event_id]) assert.match(String(id), UUID);
    assert.deepEqual(Object.keys(decodeProtectedHeader(result.IdToken!)).sort(), ['alg', 'kid']);
  });

  it('issues an access token with exactly Cognito\'s claims, from the same sign-in, under another key', async () => {
    const result = await passwordSignIn(client, app, 'zoe');
    const id = claimsOf(result.IdToken);
    const { iat, exp, jti, ...stable } = claimsOf(result.AccessToken);
    assert.deepEqual(stable, {
      sub, iss: `${server.url}/${poolId}`, client_id: app.clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin',
      username: 'zoe', version: 2, auth_time: id.auth_time, origin_jti: id.origin_jti, event_id: id.event_id,
      'cognito:groups': ['admins', 'editors', 'readers'],
    });
    assert.equal(exp, Number(iat) + 3600);
    assert.notEqual(jti, id.jti);
    assert.notEqual(decodeProtectedHeader(result.AccessToken!).kid, decodeProtectedHeader(result.IdToken!).kid);
  });

  it('leaves out groups for a user in none, and the preferred role when two groups tie', async () => {
    await createUserWithPassword(client, poolId, 'yan');
    const plain = claimsOf((await passwordSignIn(client, app, 'yan')).IdToken);
    for (const claim of ['cognito:groups', 'cognito:roles', 'cognito:preferred_role']) assert.equal(plain[claim], undefined);
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'twin-a', Precedence: 3, RoleArn: role('a') }));
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'twin-b', Precedence: 3, RoleArn: role('b') }));
    for (const GroupName of ['twin-a', 'twin-b']) await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'yan', GroupName }));
    const tied = claimsOf((await passwordSignIn(client, app, 'yan')).IdToken);
    assert.deepEqual(tied['cognito:roles'], [role('a'), role('b')]);
    assert.equal(tied['cognito:preferred_role'], undefined);
  });

  it('follows the client\'s validity settings and read-attribute list', async () => {
    const custom = await createAppClient(client, poolId, {
      AccessTokenValidity: 10, IdTokenValidity: 2, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours' }, ReadAttributes: ['email', 'custom:plan'],
    });
    const result = await passwordSignIn(client, custom, 'zoe');
    assert.equal(result.ExpiresIn, 600);
    const access = claimsOf(result.AccessToken);
    assert.equal(Number(access.exp) - Number(access.iat), 600);
    const id = claimsOf(result.IdToken);
    assert.equal(Number(id.exp) - Number(id.iat), 7200);
    assert.equal(id.email, 'zoe@example.com');
    assert.equal(id['custom:plan'], 'pro');
    assert.equal(id.name, undefined);
    assert.equal(id['custom:score'], undefined);
  });
});
