import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminGetUserCommand, ConfirmSignUpCommand, DeleteUserAttributesCommand, SignUpCommand, GetUserAttributeVerificationCodeCommand, GetUserCommand, UpdateUserAttributesCommand, VerifyUserAttributeCommand, type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPool, createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD_FLOWS, signUpConfirmed } from '../../../support/self-service.js';
import { PASSWORD, createAppClient, signIn, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';
import { attributesOf } from '../../../support/users.js';

const unauthorizedWrite = { name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' };
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeEngines('the signed-in user and its attributes', (engine) => {
  const { client, mailbox, sms } = useGatehouse(engine, { mail: true, sms: true });
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'self', { AutoVerifiedAttributes: ['email'], Schema: [{ Name: 'plan', AttributeDataType: 'String' }] }, { ExplicitAuthFlows: PASSWORD_FLOWS }));
  });

  /** A confirmed user, signed in: its access token. */
  const member = async (username: string, target = app) => {
    await signUpConfirmed(client, mailbox, app, username, `${username}@example.com`);
    return (await signIn(client, target, username)).accessToken;
  };
  const getUser = async (AccessToken: string) => client.send(new GetUserCommand({ AccessToken }));
  const update = (AccessToken: string, UserAttributes: AttributeType[]) => client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes }));
  const verify = (AccessToken: string, AttributeName: string, Code: string) => client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName, Code }));

  it('gets the user, with only the attributes its app client may read', async () => {
    const token = await member('alice');
    const user = await getUser(token);
    assert.equal(user.Username, 'alice');
    assert.equal(user.UserAttributes![0]!.Name, 'sub');
    assert.deepEqual(attributesOf(user.UserAttributes), { sub: attributesOf(user.UserAttributes).sub, email: 'alice@example.com', email_verified: 'true' });
    const narrow = await createAppClient(client, poolId, { ExplicitAuthFlows: PASSWORD_FLOWS, ReadAttributes: ['email', 'name'] });
    const narrowUser = await getUser((await signIn(client, narrow, 'alice')).accessToken);
    assert.deepEqual(Object.keys(attributesOf(narrowUser.UserAttributes)), ['sub', 'email']);
  });

  it('updates attributes; a new email is unverified until the mailed code verifies it', async () => {
    const token = await member('bob');
    const { CodeDeliveryDetailsList } = await update(token, [{ Name: 'name', Value: 'Bob' }, { Name: 'email', Value: 'robert@example.org' }]);
    assert.deepEqual(CodeDeliveryDetailsList, [{ Destination: 'r***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    const changed = attributesOf((await getUser(token)).UserAttributes);
    assert.deepEqual([changed.name, changed.email, changed.email_verified], ['Bob', 'robert@example.org', 'false']);
    const { code } = await mailbox.next('robert@example.org');
    await assert.rejects(verify(token, 'email', wrongCode(code!)), { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    await verify(token, 'email', code!);
    assert.equal(attributesOf((await getUser(token)).UserAttributes).email_verified, 'true');
    await assert.rejects(verify(token, 'email', code!), { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
    // Other attributes change without any code.
    assert.deepEqual(await update(token, [{ Name: 'custom:plan', Value: 'pro' }]).then((r) => r.CodeDeliveryDetailsList), undefined);
  });

  it('sends a verification code on request, only for email and phone number', async () => {
    const token = await member('carol');
    const { CodeDeliveryDetails } = await client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' }));
    assert.deepEqual(CodeDeliveryDetails, { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    await verify(token, 'email', (await mailbox.next('carol@example.com')).code!);
    await assert.rejects(client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'phone_number' })), { name: 'InvalidParameterException' });
    await assert.rejects(client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'name' })), { name: 'InvalidParameterException' });
  });

  it('sends no code for a contact the pool does not verify, and an old code does not verify a new value', async () => {
    const byPhone = await createPool(client, 'by phone', { AutoVerifiedAttributes: ['phone_number'] });
    const byPhoneApp = await createAppClient(client, byPhone, { ExplicitAuthFlows: PASSWORD_FLOWS });
    await client.send(new SignUpCommand({
      ClientId: byPhoneApp.clientId, Username: 'jack', Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'jack@example.com' }, { Name: 'phone_number', Value: '+15550004321' }],
    }));
    await client.send(new ConfirmSignUpCommand({ ClientId: byPhoneApp.clientId, Username: 'jack', ConfirmationCode: (await sms.next('+15550004321')).code! }));
    const token = (await signIn(client, byPhoneApp, 'jack')).accessToken;
    await client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' }));
    const oldCode = (await mailbox.next('jack@example.com')).code!;
    assert.equal((await update(token, [{ Name: 'email', Value: 'jack@example.org' }])).CodeDeliveryDetailsList, undefined);
    await assert.rejects(verify(token, 'email', oldCode), { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
    assert.equal(attributesOf((await getUser(token)).UserAttributes).email_verified, 'false');
  });

  it("keeps to the app client's write attributes and the schema", async () => {
    const token = await member('dave');
    const limited = await createAppClient(client, poolId, { ExplicitAuthFlows: PASSWORD_FLOWS, WriteAttributes: ['name'] });
    const limitedToken = (await signIn(client, limited, 'dave')).accessToken;
    await assert.rejects(update(limitedToken, [{ Name: 'email', Value: 'dave@example.net' }]), unauthorizedWrite);
    await update(limitedToken, [{ Name: 'name', Value: 'Dave' }]);
    await assert.rejects(update(token, [{ Name: 'email_verified', Value: 'true' }]), unauthorizedWrite);
    await assert.rejects(update(token, [{ Name: 'custom:nope', Value: 'x' }]),
      { name: 'InvalidParameterException', message: 'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.' });
    await assert.rejects(update(token, [{ Name: 'email', Value: 'nope' }]), { name: 'InvalidParameterException', message: 'Invalid email address format.' });
  });

  it('deletes attributes, with their verified flags, but not required ones', async () => {
    const token = await member('erin');
    await update(token, [{ Name: 'name', Value: 'Erin' }]);
    await client.send(new DeleteUserAttributesCommand({ AccessToken: token, UserAttributeNames: ['name', 'email'] }));
    assert.deepEqual(Object.keys(attributesOf((await getUser(token)).UserAttributes)), ['sub']);
    const strictPool = await createPool(client, 'strict', { AutoVerifiedAttributes: ['email'], Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true }] });
    const strictApp = await createAppClient(client, strictPool, { ExplicitAuthFlows: PASSWORD_FLOWS });
    await signUpConfirmed(client, mailbox, strictApp, 'frank', 'frank@example.com');
    const strictToken = (await signIn(client, strictApp, 'frank')).accessToken;
    await assert.rejects(client.send(new DeleteUserAttributesCommand({ AccessToken: strictToken, UserAttributeNames: ['email'] })),
      { name: 'InvalidParameterException', message: 'Attributes did not conform to the schema: email: The attribute is required' });
  });

  it('verifies an email alias only if no other user holds it, and then signs in with it', async () => {
    const aliased = await createPool(client, 'aliased', { AliasAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
    const aliasedApp = await createAppClient(client, aliased, { ExplicitAuthFlows: PASSWORD_FLOWS });
    await signUpConfirmed(client, mailbox, aliasedApp, 'gina', 'gina@example.com');
    await signUpConfirmed(client, mailbox, aliasedApp, 'hana', 'hana@example.com');
    const token = (await signIn(client, aliasedApp, 'hana')).accessToken;
    await update(token, [{ Name: 'email', Value: 'gina@example.com' }]);
    await assert.rejects(verify(token, 'email', (await mailbox.next('gina@example.com')).code!), { name: 'AliasExistsException', message: 'An account with the email already exists.' });
    await update(token, [{ Name: 'email', Value: 'hana@example.org' }]);
    await verify(token, 'email', (await mailbox.next('hana@example.org')).code!);
    assert.ok((await signIn(client, aliasedApp, 'hana@example.org')).accessToken);
    await assert.rejects(signIn(client, aliasedApp, 'hana@example.com'), { name: 'UserNotFoundException' });
  });

  it('keeps the old email until the new one is verified where the pool asks it', async () => {
    const careful = await createPool(client, 'careful', {
      AutoVerifiedAttributes: ['email'], UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    });
    const carefulApp = await createAppClient(client, careful, { ExplicitAuthFlows: PASSWORD_FLOWS });
    await signUpConfirmed(client, mailbox, carefulApp, 'ivy', 'ivy@example.com');
    const token = (await signIn(client, carefulApp, 'ivy')).accessToken;
    const { CodeDeliveryDetailsList } = await update(token, [{ Name: 'email', Value: 'ivy@example.org' }]);
    assert.deepEqual(CodeDeliveryDetailsList, [{ Destination: 'i***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    const held = attributesOf((await getUser(token)).UserAttributes);
    assert.deepEqual([held.email, held.email_verified], ['ivy@example.com', 'true']);
    await verify(token, 'email', (await mailbox.next('ivy@example.org')).code!);
    const admin = attributesOf((await client.send(new AdminGetUserCommand({ UserPoolId: careful, Username: 'ivy' }))).UserAttributes);
    assert.deepEqual([admin.email, admin.email_verified], ['ivy@example.org', 'true']);
  });
});
