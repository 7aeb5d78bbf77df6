/**
 * A client in the middle of a secret rotation has two secrets, and either one proves the client:
 * by SECRET_HASH (USER_PASSWORD_AUTH, USER_SRP_AUTH's answer, REFRESH_TOKEN_AUTH, SignUp) and by
 * the raw secret (GetTokensFromRefreshToken, RevokeToken). Regression test for "only the oldest
 * secret is accepted", which breaks every client that rotates. Once the old secret is deleted it
 * no longer works, and the new one still does.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AddUserPoolClientSecretCommand, DeleteUserPoolClientSecretCommand, GetTokensFromRefreshTokenCommand, GetUserCommand, InitiateAuthCommand,
  ListUserPoolClientSecretsCommand, RevokeTokenCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { awsError, notAuthorized, revokedAccessToken } from '../../support/errors.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess } from '../../support/in-process.js';
import { PASSWORD, createUserWithPassword, passwordSignIn, secretHash, type AppClient } from '../../support/sign-in.js';
import { srpExchange } from '../../support/srp-exchange.js';

describeEngines('a client with two secrets (in process)', (engine) => {
  const server = useInProcess(engine);
  let poolId: string;
  /** The client as created, with its first secret. */
  let first: AppClient;
  /** The same client, with the secret added second. */
  let second: AppClient;
  let firstSecretId: string;

  before(async () => {
    const { client } = server;
    ({ poolId, app: first } = await createPoolWithClient(server.client, 'rotating-secret', {}, { GenerateSecret: true, RefreshTokenRotation: { Feature: 'DISABLED' } }));
    const ids = { UserPoolId: poolId, ClientId: first.clientId };
    firstSecretId = (await client.send(new ListUserPoolClientSecretsCommand(ids))).ClientSecrets![0]!.ClientSecretId!;
    const added = (await client.send(new AddUserPoolClientSecretCommand(ids))).ClientSecretDescriptor!;
    second = { clientId: first.clientId, secret: added.ClientSecretValue };
    assert.notEqual(second.secret, first.secret);
  });

  const badHash = (app: AppClient) => notAuthorized(`Unable to verify secret hash for client ${app.clientId}`);
  const badSecret = (app: AppClient) => notAuthorized(`Unable to verify secret for client ${app.clientId}`);
  const getTokens = (app: AppClient, RefreshToken: string) =>
    server.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, ClientSecret: app.secret, RefreshToken }));
  const refreshAuth = (app: AppClient, REFRESH_TOKEN: string, username: string) =>
    server.client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: app.clientId, AuthParameters: { REFRESH_TOKEN, SECRET_HASH: secretHash(app, username) } }));

  it('signs in with USER_PASSWORD_AUTH by a SECRET_HASH over either secret', async () => {
    await createUserWithPassword(server.client, poolId, 'ana');
    assert.ok((await passwordSignIn(server.client, second, 'ana')).AccessToken);
    assert.ok((await passwordSignIn(server.client, first, 'ana')).AccessToken);
    await assert.rejects(passwordSignIn(server.client, { ...first, secret: 'not-a-secret-of-this-client-at-all-0000000000000' }, 'ana'), badHash(first));
  });

  it('answers USER_SRP_AUTH by a SECRET_HASH over either secret', async () => {
    await createUserWithPassword(server.client, poolId, 'ben');
    for (const app of [second, first]) {
      const { respond } = await srpExchange(server.client, poolId, app, 'ben', PASSWORD);
      assert.ok((await respond()).AuthenticationResult?.AccessToken);
    }
  });

  it('refreshes by SECRET_HASH and by the raw secret of either secret', async () => {
    await createUserWithPassword(server.client, poolId, 'cal');
    const { RefreshToken } = await passwordSignIn(server.client, first, 'cal');
    assert.ok((await refreshAuth(second, RefreshToken!, 'cal')).AuthenticationResult?.AccessToken);
    assert.ok((await getTokens(second, RefreshToken!)).AuthenticationResult?.AccessToken);
    assert.ok((await getTokens(first, RefreshToken!)).AuthenticationResult?.AccessToken);
  });

  it('signs up by a SECRET_HASH over the second secret', async () => {
    const { UserSub } = await server.client.send(new SignUpCommand({ ClientId: second.clientId, Username: 'dot', Password: PASSWORD, SecretHash: secretHash(second, 'dot') }));
    assert.ok(UserSub);
  });

  it('revokes a token with the raw second secret', async () => {
    await createUserWithPassword(server.client, poolId, 'eve');
    const { RefreshToken, AccessToken } = await passwordSignIn(server.client, first, 'eve');
    await assert.rejects(server.client.send(new RevokeTokenCommand({ ClientId: second.clientId, ClientSecret: 'x'.repeat(51), Token: RefreshToken! })),
      awsError('UnauthorizedException', `Unable to verify secret for client ${second.clientId}`));
    await server.client.send(new RevokeTokenCommand({ ClientId: second.clientId, ClientSecret: second.secret, Token: RefreshToken! }));
    await assert.rejects(server.client.send(new GetUserCommand({ AccessToken })), revokedAccessToken);
  });

  it('refuses the first secret once it is deleted, by hash and raw, and keeps taking the second', async () => {
    const { client } = server;
    await createUserWithPassword(client, poolId, 'fay');
    const { RefreshToken } = await passwordSignIn(client, first, 'fay');
    await client.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: poolId, ClientId: first.clientId, ClientSecretId: firstSecretId }));
    await assert.rejects(passwordSignIn(client, first, 'fay'), badHash(first));
    await assert.rejects(getTokens(first, RefreshToken!), badSecret(first));
    assert.ok((await passwordSignIn(client, second, 'fay')).AccessToken);
    assert.ok((await getTokens(second, RefreshToken!)).AuthenticationResult?.AccessToken);
  });
});
