/** Password sign-in with the SDK v3: the flows, the client's gates, the user's states, lockout. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminDisableUserCommand, AdminEnableUserCommand, AdminInitiateAuthCommand, AdminResetUserPasswordCommand, InitiateAuthCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, claimsOf, createAppClient, createUserWithPassword, passwordSignIn, secretHash, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describeEngines('sign-in with passwords', (engine) => {
  const { client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'sign-in', { AliasAttributes: ['email', 'preferred_username'] }));
  });

  const initiate = (AuthFlow: 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH' | 'ADMIN_NO_SRP_AUTH', ClientId: string, USERNAME: string, password = PASSWORD) =>
    client.send(new InitiateAuthCommand({ AuthFlow, ClientId, AuthParameters: { USERNAME, PASSWORD: password, SRP_A: 'abc123' } }));
  const adminInitiate = (AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH' | 'USER_PASSWORD_AUTH', ClientId: string, USERNAME: string, password = PASSWORD) =>
    client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, AuthFlow, ClientId, AuthParameters: { USERNAME, PASSWORD: password } }));

  it('signs in with USER_PASSWORD_AUTH and returns Cognito-shaped tokens', async () => {
    await createUserWithPassword(client, poolId, 'alice');
    const response = await initiate('USER_PASSWORD_AUTH', app.clientId, 'alice');
    assert.deepEqual(response.ChallengeParameters, {});
    assert.equal(response.ChallengeName, undefined);
    const result = response.AuthenticationResult!;
    assert.equal(result.TokenType, 'Bearer');
    assert.equal(result.ExpiresIn, 3600);
    assert.equal(claimsOf(result.AccessToken).username, 'alice');
    assert.equal(claimsOf(result.IdToken)['cognito:username'], 'alice');
    assert.match(result.RefreshToken!, /^[A-Za-z0-9_-]{40,}$/);
  });

  it('signs in through AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH and the legacy ADMIN_NO_SRP_AUTH', async () => {
    await createUserWithPassword(client, poolId, 'adam');
    for (const flow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] as const) {
      assert.ok((await adminInitiate(flow, app.clientId, 'adam')).AuthenticationResult?.IdToken);
    }
    const unsupported = { name: 'InvalidParameterException', message: 'Initiate Auth method not supported.' };
    await assert.rejects(adminInitiate('USER_PASSWORD_AUTH', app.clientId, 'adam'), unsupported);
    await assert.rejects(initiate('ADMIN_USER_PASSWORD_AUTH', app.clientId, 'adam'), unsupported);
    await assert.rejects(initiate('ADMIN_NO_SRP_AUTH', app.clientId, 'adam'), unsupported);
  });

  it('enforces the client\'s ExplicitAuthFlows', async () => {
    await createUserWithPassword(client, poolId, 'gated');
    const srpOnly = await createAppClient(client, poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] });
    const disabled = (message: string) => ({ name: 'InvalidParameterException', message });
    await assert.rejects(initiate('USER_PASSWORD_AUTH', srpOnly.clientId, 'gated'), disabled('USER_PASSWORD_AUTH flow not enabled for this client'));
    await assert.rejects(adminInitiate('ADMIN_USER_PASSWORD_AUTH', srpOnly.clientId, 'gated'), disabled('Auth flow not enabled for this client'));
    await assert.rejects(initiate('CUSTOM_AUTH', srpOnly.clientId, 'gated'), disabled('CUSTOM_AUTH is not enabled for the client.'));
    const passwordOnly = await createAppClient(client, poolId, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    await assert.rejects(initiate('USER_SRP_AUTH', passwordOnly.clientId, 'gated'), disabled('USER_SRP_AUTH is not enabled for the client.'));
    const legacy = await createAppClient(client, poolId, { ExplicitAuthFlows: ['USER_PASSWORD_AUTH'] });
    assert.ok((await initiate('USER_PASSWORD_AUTH', legacy.clientId, 'gated')).AuthenticationResult);
    const everything = await createAppClient(client, poolId, { ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_AUTH'] });
    await assert.rejects(initiate('CUSTOM_AUTH', everything.clientId, 'gated'), disabled('CUSTOM_AUTH is not supported by Gatehouse yet.'));
    const choice = await initiate('USER_AUTH', everything.clientId, 'gated');
    assert.deepEqual([choice.ChallengeName, choice.AvailableChallenges], ['SELECT_CHALLENGE', ['PASSWORD', 'PASSWORD_SRP']]);
  });

  it('refuses a wrong password, an unknown user, and missing parameters', async () => {
    await createUserWithPassword(client, poolId, 'bob');
    await assert.rejects(initiate('USER_PASSWORD_AUTH', app.clientId, 'bob', 'Wrong-Horse-9'), incorrect);
    await assert.rejects(initiate('USER_PASSWORD_AUTH', app.clientId, 'nobody'), { name: 'UserNotFoundException', message: 'User does not exist.' });
    await assert.rejects(client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'bob' } })),
      { name: 'InvalidParameterException', message: 'Missing required parameter PASSWORD' });
    await assert.rejects(client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nosuchclient', AuthParameters: { USERNAME: 'bob', PASSWORD } })),
      { name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
  });

  it('signs in with a verified email or a preferred_username alias', async () => {
    await createUserWithPassword(client, poolId, 'carol', { attributes: { email: 'Carol@Example.com', email_verified: 'true', preferred_username: 'caz' } });
    for (const name of ['carol@example.com', 'caz']) {
      const result = await passwordSignIn(client, app, name);
      assert.equal(claimsOf(result.AccessToken).username, 'carol');
    }
    await createUserWithPassword(client, poolId, 'dave', { attributes: { email: 'dave@example.com' } });
    await assert.rejects(passwordSignIn(client, app, 'dave@example.com'), { name: 'UserNotFoundException' }, 'an unverified email is no alias');
  });

  it('refuses users whose state forbids signing in', async () => {
    await createUserWithPassword(client, poolId, 'erin', { attributes: { email: 'erin@example.com', email_verified: 'true' } });
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'erin' }));
    await assert.rejects(passwordSignIn(client, app, 'erin'), { name: 'NotAuthorizedException', message: 'User is disabled.' });
    await client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'erin' }));
    assert.ok(await passwordSignIn(client, app, 'erin'));
    await client.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'erin' }));
    await assert.rejects(passwordSignIn(client, app, 'erin'), { name: 'PasswordResetRequiredException', message: 'Password reset required for the user' });
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'unsure', Password: PASSWORD }));
    for (const password of [PASSWORD, 'Wrong-Horse-9']) {
      await assert.rejects(passwordSignIn(client, app, 'unsure', password), { name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    }
    await createUserWithPassword(client, poolId, 'fresh', { permanent: false });
    const response = await initiate('USER_PASSWORD_AUTH', app.clientId, 'fresh');
    assert.equal(response.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    assert.equal(response.AuthenticationResult, undefined);
    assert.ok(response.Session!.length >= 20);
  });

  it('locks a user out after five wrong passwords, with the same answer for the right one', async () => {
    await createUserWithPassword(client, poolId, 'guesser');
    for (let i = 0; i < 5; i++) await assert.rejects(passwordSignIn(client, app, 'guesser', `Wrong-Horse-${i}`), incorrect);
    await assert.rejects(passwordSignIn(client, app, 'guesser'), { name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.ok(await passwordSignIn(client, app, 'guesser'), 'the first lockout lasts a second');
    await assert.rejects(passwordSignIn(client, app, 'guesser', 'Wrong-Horse-x'), incorrect, 'a success resets the count');
  });

  it('requires a SECRET_HASH from a client with a secret, over the name typed or the username', async () => {
    const confidential = await createAppClient(client, poolId, { GenerateSecret: true });
    await createUserWithPassword(client, poolId, 'hank', { attributes: { email: 'hank@example.com', email_verified: 'true' } });
    const signIn = (USERNAME: string, SECRET_HASH?: string) => client.send(new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: confidential.clientId, AuthParameters: { USERNAME, PASSWORD, ...(SECRET_HASH ? { SECRET_HASH } : {}) },
    }));
    await assert.rejects(signIn('hank'), { name: 'NotAuthorizedException', message: `Client ${confidential.clientId} is configured for secret but secret was not received` });
    await assert.rejects(signIn('hank', secretHash({ ...confidential, secret: 'not-the-secret' }, 'hank')),
      { name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${confidential.clientId}` });
    assert.ok((await signIn('hank', secretHash(confidential, 'hank'))).AuthenticationResult);
    assert.ok((await signIn('hank@example.com', secretHash(confidential, 'hank@example.com'))).AuthenticationResult);
    assert.ok((await signIn('hank@example.com', secretHash(confidential, 'hank'))).AuthenticationResult);
    assert.ok(await passwordSignIn(client, app, 'hank'), 'a public client needs none');
  });
});
