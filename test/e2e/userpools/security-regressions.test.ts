/**
 * Defects a security review found, each driven through the real SDK: users marking their own
 * contact verified, a verification code outliving the address it was sent to, parallel guesses
 * slipping past the lockout (and parallel right passwords refused by it), and a disabled user's
 * session coming back when re-enabled.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  AdminDisableUserCommand, AdminEnableUserCommand, AdminUpdateUserAttributesCommand, GetTokensFromRefreshTokenCommand,
  GetUserAttributeVerificationCodeCommand, GetUserCommand, SignUpCommand, VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeDeployments } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { PASSWORD, createUserWithPassword, passwordSignIn, signIn } from '../../support/sign-in.js';
import { useGatehouse } from '../../support/use-gatehouse.js';
import { attributeList } from '../../support/users.js';

describeDeployments('security regressions', ({ engine, workers }) => {
  const { client, mailbox } = useGatehouse(engine, { mail: true, workers });

  it('refuses a sign-up that marks its own email verified', async () => {
    const { app } = await createPoolWithClient(client, 'self-verify', { AliasAttributes: ['email'] });
    await assert.rejects(client.send(new SignUpCommand({
      ClientId: app.clientId, Username: 'mallory', Password: PASSWORD,
      UserAttributes: attributeList({ email: 'victim@example.com', email_verified: 'true' }),
    })), { name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' });
  });

  it('does not let a code sent to one address verify the address that replaced it', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'code-binding', { AliasAttributes: ['email'] });
    await createUserWithPassword(client, poolId, 'mallory', { attributes: { email: 'mallory@example.com', email_verified: 'true' } });
    const { accessToken } = await signIn(client, app, 'mallory');
    await client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: accessToken, AttributeName: 'email' }));
    const { code } = await mailbox.next('mallory@example.com');
    await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'mallory', UserAttributes: attributeList({ email: 'victim@example.com' }) }));
    await assert.rejects(client.send(new VerifyUserAttributeCommand({ AccessToken: accessToken, AttributeName: 'email', Code: code! })), { name: 'CodeMismatchException' });
    await assert.rejects(passwordSignIn(client, app, 'victim@example.com'), { name: 'UserNotFoundException' });
  });

  it('checks no more than a handful of a burst of parallel guesses', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'burst');
    await createUserWithPassword(client, poolId, 'target');
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => passwordSignIn(client, app, 'target', 'Wrong-Horse-1').catch((error: Error) => error.message)));
    const checked = outcomes.filter((message) => message === 'Incorrect username or password.').length;
    const refused = outcomes.filter((message) => message === 'Password attempts exceeded').length;
    assert.equal(checked + refused, 30, String(outcomes));
    assert.ok(checked <= 6, `${checked} guesses were checked`);
  });

  it('signs in every one of 40 parallel sign-ins with the right password', async (t) => {
    const { poolId, app } = await createPoolWithClient(client, 'burst-right');
    await createUserWithPassword(client, poolId, 'popular');
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => passwordSignIn(client, app, 'popular').then(
      (result) => (result.AccessToken ? 'signed in' : 'no token'), (error: Error) => error.message)));
    t.diagnostic(`${outcomes.filter((outcome) => outcome === 'signed in').length} of 40 signed in`);
    assert.deepEqual(outcomes, Array<string>(40).fill('signed in'));
  });

  it('checks at most the five free attempts of 40 parallel wrong guesses, and locks out after them', async (t) => {
    const { poolId, app } = await createPoolWithClient(client, 'burst-40');
    await createUserWithPassword(client, poolId, 'target');
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => passwordSignIn(client, app, 'target', 'Wrong-Horse-1').catch((error: Error) => error.message)));
    const checked = outcomes.filter((message) => message === 'Incorrect username or password.').length;
    const refused = outcomes.filter((message) => message === 'Password attempts exceeded').length;
    t.diagnostic(`${checked} of 40 guesses checked, ${refused} refused`);
    assert.equal(checked + refused, 40, String(outcomes));
    assert.ok(checked <= 5, `${checked} guesses were checked`);
    await assert.rejects(passwordSignIn(client, app, 'target'), { name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
  });

  it('revokes a disabled user\'s tokens, so that enabling it again does not restore them', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'disable', {}, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    await createUserWithPassword(client, poolId, 'alice');
    const { accessToken, refreshToken } = await signIn(client, app, 'alice');
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    await client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    await assert.rejects(client.send(new GetUserCommand({ AccessToken: accessToken })), { name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    await assert.rejects(client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken: refreshToken })), { name: 'NotAuthorizedException' });
    assert.ok((await passwordSignIn(client, app, 'alice')).AccessToken, 'a new sign-in works');
  });
});
