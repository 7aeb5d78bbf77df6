/** GlobalSignOut, AdminUserGlobalSignOut and RevokeToken, judged by what the tokens can still do. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminUserGlobalSignOutCommand, GetTokensFromRefreshTokenCommand, GetUserCommand, GlobalSignOutCommand, InitiateAuthCommand, RevokeTokenCommand, type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { createAppClient, createUserWithPassword, passwordSignIn, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const revokedAccess = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };
const revokedRefresh = { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' };

describeEngines('signing out and revoking tokens', (engine) => {
  const { client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'sign-out'));
  });

  /** An access-token operation: what the access token is still good for. */
  const useAccess = (tokens: AuthenticationResultType) => client.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }));
  const signOut = (tokens: AuthenticationResultType) => client.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken! }));
  const refresh = (tokens: AuthenticationResultType, target = app) =>
    client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: target.clientId, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }));

  it('GlobalSignOut revokes every sign-in of the user, and only that user\'s', async () => {
    await createUserWithPassword(client, poolId, 'amy');
    await createUserWithPassword(client, poolId, 'ben');
    const [one, two, other] = [await passwordSignIn(client, app, 'amy'), await passwordSignIn(client, app, 'amy'), await passwordSignIn(client, app, 'ben')];
    const renewed = (await refresh(two)).AuthenticationResult!;
    assert.equal((await useAccess(renewed)).Username, 'amy');
    await signOut(one);
    for (const tokens of [one, two]) await assert.rejects(refresh(tokens), revokedRefresh);
    for (const tokens of [one, two, renewed]) await assert.rejects(useAccess(tokens), revokedAccess);
    await assert.rejects(signOut(one), revokedAccess, 'a signed-out token cannot sign out again');
    assert.equal((await useAccess(other)).Username, 'ben', 'another user keeps its sessions');
    assert.ok((await refresh(other)).AuthenticationResult);
    const again = await passwordSignIn(client, app, 'amy');
    assert.ok((await refresh(again)).AuthenticationResult, 'signing in again works');
  });

  it('AdminUserGlobalSignOut does the same by username', async () => {
    await createUserWithPassword(client, poolId, 'cai');
    const tokens = await passwordSignIn(client, app, 'cai');
    await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'cai' }));
    await assert.rejects(refresh(tokens), revokedRefresh);
    await assert.rejects(useAccess(tokens), revokedAccess);
    await assert.rejects(client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'ghost' })), { name: 'UserNotFoundException' });
  });

  it('GlobalSignOut refuses tokens that are not valid access tokens', async () => {
    await createUserWithPassword(client, poolId, 'dee');
    const tokens = await passwordSignIn(client, app, 'dee');
    await assert.rejects(signOut({ AccessToken: tokens.IdToken! }), { name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const [header, payload] = tokens.AccessToken!.split('.');
    await assert.rejects(signOut({ AccessToken: `${header}.${payload}.AAAA` }), { name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    assert.ok((await refresh(tokens)).AuthenticationResult, 'the refused calls revoked nothing');
  });

  it('RevokeToken ends one sign-in: its refresh token and the access tokens issued from it', async () => {
    await createUserWithPassword(client, poolId, 'eve');
    const revoked = await passwordSignIn(client, app, 'eve');
    const kept = await passwordSignIn(client, app, 'eve');
    const renewed = (await refresh(revoked)).AuthenticationResult!;
    await client.send(new RevokeTokenCommand({ ClientId: app.clientId, Token: revoked.RefreshToken! }));
    await assert.rejects(refresh(revoked), revokedRefresh);
    await assert.rejects(useAccess(revoked), revokedAccess);
    await assert.rejects(useAccess(renewed), revokedAccess);
    await client.send(new RevokeTokenCommand({ ClientId: app.clientId, Token: revoked.RefreshToken! }));
    assert.ok((await refresh(kept)).AuthenticationResult, 'the other sign-in is untouched');
    assert.equal((await useAccess(kept)).Username, 'eve');
    await client.send(new RevokeTokenCommand({ ClientId: app.clientId, Token: 'unknownbutwellformed' }));
  });

  it('RevokeToken refuses access tokens, other clients, wrong secrets and clients without revocation', async () => {
    await createUserWithPassword(client, poolId, 'fay');
    const tokens = await passwordSignIn(client, app, 'fay');
    await assert.rejects(client.send(new RevokeTokenCommand({ ClientId: app.clientId, Token: tokens.AccessToken! })), { name: 'UnsupportedTokenTypeException' });
    const other = await createAppClient(client, poolId);
    await assert.rejects(client.send(new RevokeTokenCommand({ ClientId: other.clientId, Token: tokens.RefreshToken! })), { name: 'UnauthorizedException' });
    const noRevocation = await createAppClient(client, poolId, { EnableTokenRevocation: false });
    const own = await passwordSignIn(client, noRevocation, 'fay');
    await assert.rejects(client.send(new RevokeTokenCommand({ ClientId: noRevocation.clientId, Token: own.RefreshToken! })), { name: 'UnsupportedOperationException' });
    const confidential = await createAppClient(client, poolId, { GenerateSecret: true });
    const secretTokens = await passwordSignIn(client, confidential, 'fay');
    await assert.rejects(client.send(new RevokeTokenCommand({ ClientId: confidential.clientId, Token: secretTokens.RefreshToken!, ClientSecret: 'y'.repeat(51) })), { name: 'UnauthorizedException' });
    await client.send(new RevokeTokenCommand({ ClientId: confidential.clientId, Token: secretTokens.RefreshToken!, ClientSecret: confidential.secret! }));
    await assert.rejects(client.send(new GetTokensFromRefreshTokenCommand({ ClientId: confidential.clientId, RefreshToken: secretTokens.RefreshToken!, ClientSecret: confidential.secret! })), revokedRefresh);
    assert.ok((await refresh(tokens)).AuthenticationResult, 'nothing else was revoked');
  });
});
