import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminGetUserCommand, ChangePasswordCommand, DeleteUserCommand, GetUserCommand, GlobalSignOutCommand, UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD_FLOWS, signUpConfirmed } from '../../../support/self-service.js';
import { PASSWORD, signIn, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const NEW_PASSWORD = 'Brand-New-Pass-7';
const invalidToken = { name: 'NotAuthorizedException', message: 'Invalid Access Token' };
const wrongPassword = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describeEngines("the signed-in user's password, account and tokens", (engine) => {
  const { client, mailbox } = useGatehouse(engine, { mail: true });
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'account', { AutoVerifiedAttributes: ['email'] }, { ExplicitAuthFlows: PASSWORD_FLOWS }));
  });

  const member = async (username: string) => {
    await signUpConfirmed(client, mailbox, app, username, `${username}@example.com`);
    return signIn(client, app, username);
  };
  const changePassword = (AccessToken: string, PreviousPassword: string, ProposedPassword: string) =>
    client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword }));

  it('changes the password after proving the old one', async () => {
    const { accessToken } = await member('alice');
    await assert.rejects(changePassword(accessToken, 'Not-The-Password-1', NEW_PASSWORD), wrongPassword);
    await assert.rejects(changePassword(accessToken, PASSWORD, 'weakweak'), { name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password must have uppercase characters' });
    await changePassword(accessToken, PASSWORD, NEW_PASSWORD);
    await assert.rejects(signIn(client, app, 'alice'), wrongPassword);
    await signIn(client, app, 'alice', NEW_PASSWORD);
  });

  it('locks ChangePassword after repeated wrong old passwords, as sign-in does', async () => {
    const { accessToken } = await member('bob');
    for (let i = 0; i < 5; i++) await assert.rejects(changePassword(accessToken, 'Not-The-Password-1', NEW_PASSWORD), wrongPassword);
    await assert.rejects(changePassword(accessToken, PASSWORD, NEW_PASSWORD), { name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
  });

  it('deletes the signed-in user', async () => {
    const { accessToken } = await member('carol');
    await client.send(new DeleteUserCommand({ AccessToken: accessToken }));
    await assert.rejects(client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'carol' })), { name: 'UserNotFoundException', message: 'User does not exist.' });
    await assert.rejects(client.send(new GetUserCommand({ AccessToken: accessToken })), { name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('refuses tokens that are not valid access tokens', async () => {
    const { accessToken, idToken } = await member('dave');
    const [header, payload] = accessToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    for (const token of ['not-a-token', idToken, forged]) {
      await assert.rejects(client.send(new GetUserCommand({ AccessToken: token })), invalidToken);
      await assert.rejects(client.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: 'name', Value: 'x' }] })), invalidToken);
      await assert.rejects(changePassword(token, PASSWORD, NEW_PASSWORD), invalidToken);
      await assert.rejects(client.send(new DeleteUserCommand({ AccessToken: token })), invalidToken);
    }
    assert.equal((await client.send(new GetUserCommand({ AccessToken: accessToken }))).Username, 'dave');
  });

  it('refuses access tokens revoked by a global sign-out', async () => {
    const { accessToken } = await member('erin');
    await client.send(new GlobalSignOutCommand({ AccessToken: accessToken }));
    const revoked = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };
    await assert.rejects(client.send(new GetUserCommand({ AccessToken: accessToken })), revoked);
    await assert.rejects(changePassword(accessToken, PASSWORD, NEW_PASSWORD), revoked);
    await signIn(client, app, 'erin');
  });
});
