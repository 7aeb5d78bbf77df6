import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminGetUserCommand, ConfirmSignUpCommand, ResendConfirmationCodeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SLOW, awsCli } from '../../../support/aws.js';
import { describeEngines } from '../../../support/engines.js';
import { createPool, createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, createAppClient, secretHash, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';
import { attributesOf } from '../../../support/users.js';

const mismatch = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };
const expired = { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' };
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeEngines('sign-up and confirmation', (engine) => {
  const { server, client, mailbox, sms } = useGatehouse(engine, { mail: true, sms: true });
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'sign-up', { AutoVerifiedAttributes: ['email'] }));
  });

  const signUp = (Username: string, email: string, extra: Partial<ConstructorParameters<typeof SignUpCommand>[0]> = {}) =>
    client.send(new SignUpCommand({ ClientId: app.clientId, Username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }], ...extra }));
  const confirm = (Username: string, ConfirmationCode: string, target = app) =>
    client.send(new ConfirmSignUpCommand({ ClientId: target.clientId, Username, ConfirmationCode }));
  const adminGet = (Username: string, UserPoolId = poolId) => client.send(new AdminGetUserCommand({ UserPoolId, Username }));

  it('signs up an unconfirmed user, mails the code, and confirms it with the code', async () => {
    const response = await signUp('alice', 'alice@example.com');
    assert.equal(response.UserConfirmed, false);
    assert.match(response.UserSub!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual(response.CodeDeliveryDetails, { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const before = await adminGet('alice');
    assert.equal(before.UserStatus, 'UNCONFIRMED');
    assert.deepEqual(attributesOf(before.UserAttributes), { sub: response.UserSub, email: 'alice@example.com' });

    const mail = await mailbox.next('alice@example.com');
    assert.equal(mail.subject, 'Your verification code');
    assert.match(mail.code!, /^\d{6}$/);
    await confirm('alice', mail.code!);
    const confirmed = await adminGet('alice');
    assert.equal(confirmed.UserStatus, 'CONFIRMED');
    assert.equal(attributesOf(confirmed.UserAttributes).email_verified, 'true');
  });

  it('refuses a wrong code, a used code, and a code for an unknown user', async () => {
    await signUp('bob', 'bob@example.com');
    const { code } = await mailbox.next('bob@example.com');
    await assert.rejects(confirm('bob', wrongCode(code!)), mismatch);
    await confirm('bob', code!);
    await assert.rejects(confirm('bob', code!), { name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' });
    await assert.rejects(confirm('nobody', code!), { name: 'UserNotFoundException', message: 'Username/client id combination not found.' });
    await assert.rejects(confirm('bob', code!, { clientId: 'nosuchclient', secret: undefined }),
      { name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
  });

  it('burns a code after five wrong guesses', async () => {
    await signUp('carol', 'carol@example.com');
    const { code } = await mailbox.next('carol@example.com');
    for (let i = 0; i < 4; i++) await assert.rejects(confirm('carol', wrongCode(code!)), mismatch);
    await assert.rejects(confirm('carol', wrongCode(code!)), { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    await assert.rejects(confirm('carol', code!), expired);
    assert.equal((await adminGet('carol')).UserStatus, 'UNCONFIRMED');
  });

  it('resends a new code that replaces the old one', async () => {
    await signUp('dave', 'dave@example.com');
    const first = await mailbox.next('dave@example.com');
    const resent = await client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: 'dave' }));
    assert.deepEqual(resent.CodeDeliveryDetails, { Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const second = await mailbox.next('dave@example.com');
    if (first.code !== second.code) await assert.rejects(confirm('dave', first.code!), mismatch);
    await confirm('dave', second.code!);
    await assert.rejects(client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: 'dave' })),
      { name: 'InvalidParameterException', message: 'User is already confirmed.' });
    await assert.rejects(client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: 'nobody' })),
      { name: 'UserNotFoundException', message: 'Username/client id combination not found.' });
  });

  it('requires the right SECRET_HASH from a client with a secret', async () => {
    const secretApp = await createAppClient(client, poolId, { GenerateSecret: true });
    const withHash = (SecretHash?: string) => client.send(new SignUpCommand({
      ClientId: secretApp.clientId, Username: 'erin', Password: PASSWORD, SecretHash, UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }],
    }));
    await assert.rejects(withHash(), { name: 'NotAuthorizedException', message: `Client ${secretApp.clientId} is configured for secret but secret was not received` });
    await assert.rejects(withHash(secretHash(secretApp, 'someone-else')), { name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${secretApp.clientId}` });
    const { UserSub } = await withHash(secretHash(secretApp, 'erin'));
    const { code } = await mailbox.next('erin@example.com');
    await assert.rejects(confirm('erin', code!, secretApp), { name: 'NotAuthorizedException', message: `Client ${secretApp.clientId} is configured for secret but secret was not received` });
    // A client may hash the sub it learnt instead of the name typed.
    await client.send(new ConfirmSignUpCommand({ ClientId: secretApp.clientId, Username: 'erin', ConfirmationCode: code!, SecretHash: secretHash(secretApp, UserSub!) }));
    assert.equal((await adminGet('erin')).UserStatus, 'CONFIRMED');
  });

  it('sends the code by SMS when the pool verifies phone numbers, preferring them to email', async () => {
    const phonePool = await createPool(client, 'phones', { AutoVerifiedAttributes: ['email', 'phone_number'] });
    const phoneApp = await createAppClient(client, phonePool);
    const response = await client.send(new SignUpCommand({
      ClientId: phoneApp.clientId, Username: 'frank', Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }, { Name: 'phone_number', Value: '+15550001234' }],
    }));
    assert.deepEqual(response.CodeDeliveryDetails, { Destination: '+*******1234', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    const text = await sms.next('+15550001234');
    assert.equal(text.message, `Your verification code is ${text.code}. `);
    await confirm('frank', text.code!, phoneApp);
    const user = attributesOf((await adminGet('frank', phonePool)).UserAttributes);
    assert.equal(user.phone_number_verified, 'true');
    assert.equal(user.email_verified, undefined);
    assert.equal(mailbox.mails.some((mail) => mail.to.includes('frank@example.com')), false);
  });

  it('sends no code in a pool that verifies nothing automatically', async () => {
    const quietPool = await createPool(client, 'quiet');
    const quietApp = await createAppClient(client, quietPool);
    const response = await client.send(new SignUpCommand({ ClientId: quietApp.clientId, Username: 'gina', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'gina@example.com' }] }));
    assert.deepEqual(Object.keys(response).filter((key) => key !== '$metadata').sort(), ['UserConfirmed', 'UserSub']);
    await assert.rejects(client.send(new ResendConfirmationCodeCommand({ ClientId: quietApp.clientId, Username: 'gina' })),
      { name: 'InvalidParameterException', message: 'Cannot resend codes. Auto verification not enabled' });
  });

  it('signs up and confirms through the AWS CLI', SLOW, async () => {
    const signed = await awsCli(server, ['sign-up', '--client-id', app.clientId, '--username', 'cli-user', '--password', PASSWORD, '--user-attributes', 'Name=email,Value=cli@example.com']);
    assert.equal(signed.code, 0, signed.stderr);
    assert.deepEqual(signed.json, { UserConfirmed: false, UserSub: (signed.json as { UserSub: string }).UserSub, CodeDeliveryDetails: { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
    const { code } = await mailbox.next('cli@example.com');
    const wrong = await awsCli(server, ['confirm-sign-up', '--client-id', app.clientId, '--username', 'cli-user', '--confirmation-code', wrongCode(code!)]);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /CodeMismatchException.*Invalid verification code provided, please try again\./);
    const confirmed = await awsCli(server, ['confirm-sign-up', '--client-id', app.clientId, '--username', 'cli-user', '--confirmation-code', code!]);
    assert.equal(confirmed.code, 0, confirmed.stderr);
    assert.equal((await adminGet('cli-user')).UserStatus, 'CONFIRMED');
  });
});
