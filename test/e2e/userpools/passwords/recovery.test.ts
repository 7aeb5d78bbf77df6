import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminCreateUserCommand, AdminDisableUserCommand, AdminGetUserCommand, AdminResetUserPasswordCommand, AdminUpdateUserAttributesCommand, ConfirmForgotPasswordCommand, ConfirmSignUpCommand, ForgotPasswordCommand, InitiateAuthCommand, SignUpCommand, type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPool, createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD_FLOWS, signUpConfirmed } from '../../../support/self-service.js';
import { PASSWORD, createAppClient, secretHash, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const NEW_PASSWORD = 'Brand-New-Pass-7';
const FLOWS = { ExplicitAuthFlows: PASSWORD_FLOWS };
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const noContact = { name: 'InvalidParameterException', message: 'Cannot reset password for the user as there is no registered/verified email or phone_number' };

describeEngines('password recovery', (engine) => {
  const { client, mailbox, sms } = useGatehouse(engine, { mail: true, sms: true });
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'recovery', { AutoVerifiedAttributes: ['email'] }, FLOWS));
  });

  const forgot = (Username: string, target = app) => client.send(new ForgotPasswordCommand({ ClientId: target.clientId, Username }));
  const reset = (Username: string, ConfirmationCode: string, Password = NEW_PASSWORD, target = app) =>
    client.send(new ConfirmForgotPasswordCommand({ ClientId: target.clientId, Username, ConfirmationCode, Password }));
  const signIn = (USERNAME: string, PASSWORD: string, target = app) =>
    client.send(new InitiateAuthCommand({ ClientId: target.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));
  const poolWith = async (name: string, options: Omit<CreateUserPoolCommandInput, 'PoolName'>) => createAppClient(client, await createPool(client, name, options), FLOWS);

  it('mails a recovery code that sets a new password once', async () => {
    await signUpConfirmed(client, mailbox, app, 'alice', 'alice@example.com');
    const { CodeDeliveryDetails } = await forgot('alice');
    assert.deepEqual(CodeDeliveryDetails, { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const mail = await mailbox.next('alice@example.com');
    assert.equal(mail.subject, 'Your verification code');
    // The old password keeps working until the reset is confirmed.
    await signIn('alice', PASSWORD);
    await reset('alice', mail.code!);
    await assert.rejects(signIn('alice', PASSWORD), { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    assert.ok((await signIn('alice', NEW_PASSWORD)).AuthenticationResult?.AccessToken);
    await assert.rejects(reset('alice', mail.code!, 'Another-Pass-8'), { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
    assert.equal((await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }))).UserStatus, 'CONFIRMED');
  });

  it('keeps the code through a wrong guess or a refused password', async () => {
    await signUpConfirmed(client, mailbox, app, 'bob', 'bob@example.com');
    await forgot('bob');
    const { code } = await mailbox.next('bob@example.com');
    await assert.rejects(reset('bob', wrongCode(code!)), { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    await assert.rejects(reset('bob', code!, 'weak'), { name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    await reset('bob', code!);
    await signIn('bob', NEW_PASSWORD);
  });

  it('sends recovery codes only to verified contacts', async () => {
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'carol', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] }));
    await assert.rejects(forgot('carol'), noContact);
  });

  it('prefers a verified phone number when the pool sets no recovery order', async () => {
    const phones = await poolWith('phones', { AutoVerifiedAttributes: ['email', 'phone_number'] });
    await client.send(new SignUpCommand({
      ClientId: phones.clientId, Username: 'dave', Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }, { Name: 'phone_number', Value: '+15550009876' }],
    }));
    await client.send(new ConfirmSignUpCommand({ ClientId: phones.clientId, Username: 'dave', ConfirmationCode: (await sms.next('+15550009876')).code! }));
    const { CodeDeliveryDetails } = await forgot('dave', phones);
    assert.deepEqual(CodeDeliveryDetails, { Destination: '+*******9876', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    await reset('dave', (await sms.next('+15550009876')).code!, NEW_PASSWORD, phones);
    await signIn('dave', NEW_PASSWORD, phones);
  });

  it('follows AccountRecoverySetting, skipping unverified contacts, and admin_only', async () => {
    const ordered = await poolWith('ordered', {
      AutoVerifiedAttributes: ['email'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }, { Name: 'verified_email', Priority: 2 }] },
    });
    await client.send(new SignUpCommand({
      ClientId: ordered.clientId, Username: 'erin', Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }, { Name: 'phone_number', Value: '+15550001111' }],
    }));
    await client.send(new ConfirmSignUpCommand({ ClientId: ordered.clientId, Username: 'erin', ConfirmationCode: (await mailbox.next('erin@example.com')).code! }));
    assert.equal((await forgot('erin', ordered)).CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
    const adminOnly = await poolWith('admin only', { AutoVerifiedAttributes: ['email'], AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] } });
    await signUpConfirmed(client, mailbox, adminOnly, 'frank', 'frank@example.com');
    await assert.rejects(forgot('frank', adminOnly), noContact);
  });

  it('refuses a user who must first change its temporary password', async () => {
    await client.send(new AdminCreateUserCommand({
      UserPoolId: poolId, Username: 'ivan', MessageAction: 'SUPPRESS', TemporaryPassword: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'ivan@example.com' }, { Name: 'email_verified', Value: 'true' }],
    }));
    await assert.rejects(forgot('ivan'), { name: 'NotAuthorizedException', message: 'User password cannot be reset in the current state.' });
  });

  it('confirms a user whose reset was required, or whose sign-up was never confirmed', async () => {
    await signUpConfirmed(client, mailbox, app, 'jack', 'jack@example.com');
    await client.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'jack' }));
    await assert.rejects(signIn('jack', PASSWORD), { name: 'PasswordResetRequiredException' });
    await reset('jack', (await mailbox.next('jack@example.com')).code!);
    await signIn('jack', NEW_PASSWORD);

    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'kate', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'kate@example.com' }] }));
    await mailbox.next('kate@example.com');
    await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'kate', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] }));
    await forgot('kate');
    await reset('kate', (await mailbox.next('kate@example.com')).code!);
    assert.equal((await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'kate' }))).UserStatus, 'CONFIRMED');
    await signIn('kate', NEW_PASSWORD);
  });

  it('refuses a disabled user, and an unknown one as LEGACY clients are told', async () => {
    await signUpConfirmed(client, mailbox, app, 'gina', 'gina@example.com');
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'gina' }));
    await assert.rejects(forgot('gina'), { name: 'NotAuthorizedException', message: 'User is disabled.' });
    const unknown = { name: 'UserNotFoundException', message: 'Username/client id combination not found.' };
    await assert.rejects(forgot('nobody'), unknown);
    await assert.rejects(reset('nobody', '123456'), unknown);
  });

  it('requires the SECRET_HASH, over the name typed or the sub', async () => {
    const secretApp = await createAppClient(client, poolId, { GenerateSecret: true, ...FLOWS });
    const sub = await signUpConfirmed(client, mailbox, app, 'hana', 'hana@example.com');
    const send = (SecretHash?: string) => client.send(new ForgotPasswordCommand({ ClientId: secretApp.clientId, Username: 'hana', SecretHash }));
    await assert.rejects(send(), { name: 'NotAuthorizedException', message: `Client ${secretApp.clientId} is configured for secret but secret was not received` });
    await assert.rejects(send(secretHash(secretApp, 'nobody')), { name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${secretApp.clientId}` });
    await send(secretHash(secretApp, 'hana'));
    const { code } = await mailbox.next('hana@example.com');
    await client.send(new ConfirmForgotPasswordCommand({
      ClientId: secretApp.clientId, Username: sub, ConfirmationCode: code!, Password: NEW_PASSWORD, SecretHash: secretHash(secretApp, sub),
    }));
    await signIn('hana', NEW_PASSWORD);
  });
});
