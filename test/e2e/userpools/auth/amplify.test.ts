/**
 * Amplify v6 (aws-amplify), unchanged but for its `userPoolEndpoint` setting, which points every
 * Cognito user-pools call it makes at Gatehouse: signUp, confirmSignUp with the mailed code,
 * signIn (SRP, its default flow), fetchAuthSession (tokens that verify against the pool's JWKS,
 * and a forced refresh), getCurrentUser, and signOut, which revokes the refresh token. Node has
 * no localStorage, so the tokens live in Amplify's own in-memory key-value storage.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminGetUserCommand, GetTokensFromRefreshTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignUp, fetchAuthSession, getCurrentUser, signIn, signOut, signUp } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sharedInMemoryStorage } from 'aws-amplify/utils';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describeEngines } from '../../../support/engines.js';
import { revokedRefreshToken } from '../../../support/errors.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

describeEngines('Amplify v6', (engine) => {
  const { server, client, mailbox } = useGatehouse(engine, { mail: true });
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'amplify', { AutoVerifiedAttributes: ['email'] }, {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }));
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: app.clientId, userPoolEndpoint: server.url } } });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(sharedInMemoryStorage);
  });

  it('signs up, confirms with the mailed code, signs in with SRP, gets verifiable tokens, refreshes and signs out', async () => {
    const signedUp = await signUp({ username: 'amy', password: PASSWORD, options: { userAttributes: { email: 'amy@example.com' } } });
    assert.equal(signedUp.isSignUpComplete, false);
    assert.equal(signedUp.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
    const { code } = await mailbox.next('amy@example.com');
    const confirmed = await confirmSignUp({ username: 'amy', confirmationCode: code! });
    assert.equal(confirmed.isSignUpComplete, true);
    assert.equal((await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'amy' }))).UserStatus, 'CONFIRMED');

    const signedIn = await signIn({ username: 'amy', password: PASSWORD });
    assert.deepEqual([signedIn.isSignedIn, signedIn.nextStep.signInStep], [true, 'DONE']);
    const current = await getCurrentUser();
    assert.equal(current.username, 'amy');

    const { tokens } = await fetchAuthSession();
    assert.ok(tokens?.idToken && tokens.accessToken, 'Amplify holds an ID and an access token');
    const jwks = createRemoteJWKSet(new URL(`${server.url}/${poolId}/.well-known/jwks.json`));
    const issuer = `${server.url}/${poolId}`;
    const id = await jwtVerify(tokens.idToken.toString(), jwks, { issuer, audience: app.clientId });
    assert.deepEqual([id.payload['cognito:username'], id.payload.email, id.payload.token_use], ['amy', 'amy@example.com', 'id']);
    const access = await jwtVerify(tokens.accessToken.toString(), jwks, { issuer });
    assert.deepEqual([access.payload.client_id, access.payload.token_use, access.payload.sub], [app.clientId, 'access', current.userId]);

    // A forced refresh goes through REFRESH_TOKEN_AUTH at the same endpoint and brings a new access token of the same sign-in.
    const refreshed = (await fetchAuthSession({ forceRefresh: true })).tokens!;
    assert.notEqual(refreshed.accessToken.toString(), tokens.accessToken.toString());
    assert.equal((await jwtVerify(refreshed.accessToken.toString(), jwks, { issuer })).payload.origin_jti, access.payload.origin_jti);

    const refreshToken = await sharedInMemoryStorage.getItem(`CognitoIdentityServiceProvider.${app.clientId}.${current.username}.refreshToken`);
    assert.ok(refreshToken, 'the refresh token is in the in-memory storage');
    await signOut();
    assert.equal((await fetchAuthSession()).tokens, undefined, 'signed out locally');
    // Amplify swallows a failed RevokeToken, so the server is asked whether the refresh token is really dead.
    await assert.rejects(client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken: refreshToken })), revokedRefreshToken);
  });
});
