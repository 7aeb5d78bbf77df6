/**
 * A mail server that refuses the mail (a real SMTP listener answering 550): SignUp and
 * ForgotPassword answer CodeDeliveryFailureException, as Cognito does, and leave behind what
 * Cognito leaves: the signed-up user exists, UNCONFIRMED, and can ask for its code again once mail
 * flows; a refused recovery changes nothing, and the old password still signs in.
 */
import assert from 'node:assert/strict';
import { afterEach, it } from 'node:test';
import {
  AdminGetUserCommand, ConfirmForgotPasswordCommand, ConfirmSignUpCommand, ForgotPasswordCommand, ResendConfirmationCodeCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { awsError, expiredCode, usernameExists } from '../../support/errors.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess } from '../../support/in-process.js';
import { PASSWORD, createUserWithPassword, passwordSignIn } from '../../support/sign-in.js';

const deliveryFailure = awsError('CodeDeliveryFailureException', 'Unable to deliver the message.');

describeEngines('a mail server refusing the mail (in process)', (engine) => {
  const server = useInProcess(engine, { mail: true });
  afterEach(() => server.mailbox.refuse(false));

  it('fails SignUp with CodeDeliveryFailureException, leaving an unconfirmed user that can have its code resent', async () => {
    const { client, mailbox } = server;
    const { poolId, app } = await createPoolWithClient(client, 'refused-sign-up', { AutoVerifiedAttributes: ['email'] });
    const signUp = () => client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'nia', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] }));
    const delivered = mailbox.mails.length;
    mailbox.refuse(true);
    await assert.rejects(signUp(), deliveryFailure);
    assert.equal(mailbox.mails.length, delivered, 'nothing was delivered');

    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nia' }));
    assert.equal(user.UserStatus, 'UNCONFIRMED');
    assert.equal(user.UserAttributes!.find((a) => a.Name === 'email')?.Value, 'nia@example.com');
    await assert.rejects(signUp(), usernameExists, 'the name is taken by the user left behind');

    mailbox.refuse(false);
    await client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: 'nia' }));
    const { code } = await mailbox.next('nia@example.com');
    await client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'nia', ConfirmationCode: code! }));
    assert.equal((await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nia' }))).UserStatus, 'CONFIRMED');
  });

  it('fails ResendConfirmationCode the same way while mail is refused', async () => {
    const { client, mailbox } = server;
    const { app } = await createPoolWithClient(client, 'refused-resend', { AutoVerifiedAttributes: ['email'] });
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'ole', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'ole@example.com' }] }));
    await mailbox.next('ole@example.com');
    mailbox.refuse(true);
    await assert.rejects(client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: 'ole' })), deliveryFailure);
    mailbox.refuse(false);
    await client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: 'ole' }));
    const { code } = await mailbox.next('ole@example.com');
    await client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'ole', ConfirmationCode: code! }));
  });

  it('fails ForgotPassword with CodeDeliveryFailureException and leaves the password as it was', async () => {
    const { client, mailbox } = server;
    const { poolId, app } = await createPoolWithClient(client, 'refused-recovery');
    await createUserWithPassword(client, poolId, 'pia', { attributes: { email: 'pia@example.com', email_verified: 'true' } });
    const delivered = mailbox.mails.length;
    mailbox.refuse(true);
    await assert.rejects(client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: 'pia' })), deliveryFailure);
    assert.equal(mailbox.mails.length, delivered, 'nothing was delivered');
    assert.ok((await passwordSignIn(client, app, 'pia')).AccessToken, 'the old password still signs in');
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'pia' }));
    assert.equal(user.UserStatus, 'CONFIRMED', 'no reset was forced');

    mailbox.refuse(false);
    await client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: 'pia' }));
    const { code } = await mailbox.next('pia@example.com');
    await client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: 'pia', ConfirmationCode: code!, Password: 'Brand-New-Pass-7' }));
    assert.ok((await passwordSignIn(client, app, 'pia', 'Brand-New-Pass-7')).AccessToken);
    await assert.rejects(client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: 'pia', ConfirmationCode: code!, Password: 'Other-New-Pass-8' })), expiredCode);
  });
});
