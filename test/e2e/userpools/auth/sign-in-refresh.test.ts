/** Refreshing a sign-in: REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken, with and without rotation. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminAddUserToGroupCommand, AdminDisableUserCommand, AdminInitiateAuthCommand, AdminUpdateUserAttributesCommand, CreateGroupCommand, GetTokensFromRefreshTokenCommand, InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { claimsOf, createAppClient, createUserWithPassword, passwordSignIn, secretHash, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const invalid = { name: 'NotAuthorizedException', message: 'Invalid Refresh Token' };

describeEngines('refreshing a sign-in', (engine) => {
  const { client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'refresh'));
  });

  const refreshAuth = (target: AppClient, REFRESH_TOKEN: string, extra: Record<string, string> = {}) =>
    client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: target.clientId, AuthParameters: { REFRESH_TOKEN, ...extra } }));
  const getTokens = (target: AppClient, RefreshToken: string, ClientSecret = target.secret) =>
    client.send(new GetTokensFromRefreshTokenCommand({ ClientId: target.clientId, RefreshToken, ...(ClientSecret ? { ClientSecret } : {}) }));

  it('refreshes with REFRESH_TOKEN_AUTH: same sign-in, fresh attributes and groups, no new refresh token', async () => {
    await createUserWithPassword(client, poolId, 'rita', { attributes: { name: 'Rita' } });
    const first = await passwordSignIn(client, app, 'rita');
    await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'rita', UserAttributes: [{ Name: 'name', Value: 'Rita B' }] }));
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'staff' }));
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'rita', GroupName: 'staff' }));
    for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const) {
      const { AuthenticationResult, ChallengeParameters } = await client.send(new InitiateAuthCommand({ AuthFlow: flow, ClientId: app.clientId, AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } }));
      assert.deepEqual(ChallengeParameters, {});
      assert.equal(AuthenticationResult!.RefreshToken, undefined);
      const before = claimsOf(first.IdToken);
      const id = claimsOf(AuthenticationResult!.IdToken);
      assert.equal(id.origin_jti, before.origin_jti);
      assert.equal(id.auth_time, before.auth_time);
      // That iat moves on is asserted on the movable clock (test/userpools/tokens/refresh-times.test.ts).
      assert.notEqual(id.jti, before.jti);
      assert.equal(id.name, 'Rita B');
      assert.deepEqual(id['cognito:groups'], ['staff']);
      assert.deepEqual(claimsOf(AuthenticationResult!.AccessToken)['cognito:groups'], ['staff']);
    }
    const admin = await client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } }));
    assert.ok(admin.AuthenticationResult?.AccessToken);
  });

  it('refuses garbage, another client\'s token, a disabled flow and a disabled user', async () => {
    await createUserWithPassword(client, poolId, 'sid');
    const { RefreshToken } = await passwordSignIn(client, app, 'sid');
    await assert.rejects(refreshAuth(app, 'not-a-refresh-token'), invalid);
    const other = await createAppClient(client, poolId);
    await assert.rejects(refreshAuth(other, RefreshToken!), invalid);
    await assert.rejects(getTokens(other, RefreshToken!), invalid);
    const noRefresh = await createAppClient(client, poolId, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const own = await passwordSignIn(client, noRefresh, 'sid');
    await assert.rejects(refreshAuth(noRefresh, own.RefreshToken!), { name: 'InvalidParameterException', message: 'REFRESH_TOKEN_AUTH is not enabled for the client.' });
    await assert.rejects(refreshAuth(app, ''), { name: 'InvalidParameterException', message: 'Missing required parameter REFRESH_TOKEN' });
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'sid' }));
    await assert.rejects(refreshAuth(app, RefreshToken!), { name: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('renews through GetTokensFromRefreshToken without rotation like REFRESH_TOKEN_AUTH', async () => {
    await createUserWithPassword(client, poolId, 'tara');
    const first = await passwordSignIn(client, app, 'tara');
    for (let i = 0; i < 2; i++) {
      const { AuthenticationResult } = await getTokens(app, first.RefreshToken!);
      assert.equal(AuthenticationResult!.RefreshToken, undefined);
      assert.equal(claimsOf(AuthenticationResult!.AccessToken).origin_jti, claimsOf(first.AccessToken).origin_jti);
    }
  });

  it('rotates the refresh token when the client enables rotation, and refuses reuse', async () => {
    const rotating = await createAppClient(client, poolId, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
    await createUserWithPassword(client, poolId, 'uri');
    const first = await passwordSignIn(client, rotating, 'uri');
    const second = (await getTokens(rotating, first.RefreshToken!)).AuthenticationResult!;
    assert.ok(second.RefreshToken && second.RefreshToken !== first.RefreshToken);
    assert.equal(claimsOf(second.IdToken).origin_jti, claimsOf(first.IdToken).origin_jti);
    await assert.rejects(getTokens(rotating, first.RefreshToken!), { name: 'RefreshTokenReuseException' });
    const third = (await getTokens(rotating, second.RefreshToken!)).AuthenticationResult!;
    assert.ok(third.RefreshToken);
    await assert.rejects(refreshAuth(rotating, third.RefreshToken!), { name: 'InvalidParameterException' }, 'rotation needs GetTokensFromRefreshToken');
  });

  it('keeps a rotated-out token usable for the retry grace period', async () => {
    const graceful = await createAppClient(client, poolId, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 } });
    await createUserWithPassword(client, poolId, 'val');
    const first = await passwordSignIn(client, graceful, 'val');
    const [a, b] = await Promise.all([getTokens(graceful, first.RefreshToken!), getTokens(graceful, first.RefreshToken!)]);
    assert.ok(a.AuthenticationResult!.RefreshToken && b.AuthenticationResult!.RefreshToken);
    assert.ok((await getTokens(graceful, first.RefreshToken!)).AuthenticationResult!.AccessToken);
  });

  it('needs the raw client secret for GetTokensFromRefreshToken and a SECRET_HASH for REFRESH_TOKEN_AUTH', async () => {
    const confidential = await createAppClient(client, poolId, { GenerateSecret: true });
    await createUserWithPassword(client, poolId, 'wyn');
    const { RefreshToken } = await passwordSignIn(client, confidential, 'wyn');
    await assert.rejects(getTokens({ ...confidential, secret: undefined }, RefreshToken!), { name: 'NotAuthorizedException' });
    await assert.rejects(getTokens(confidential, RefreshToken!, 'x'.repeat(51)), { name: 'NotAuthorizedException', message: `Unable to verify secret for client ${confidential.clientId}` });
    assert.ok((await getTokens(confidential, RefreshToken!)).AuthenticationResult?.IdToken);
    await assert.rejects(refreshAuth(confidential, RefreshToken!), { name: 'NotAuthorizedException', message: `Client ${confidential.clientId} is configured for secret but secret was not received` });
    assert.ok((await refreshAuth(confidential, RefreshToken!, { SECRET_HASH: secretHash(confidential, 'wyn') })).AuthenticationResult);
  });
});
