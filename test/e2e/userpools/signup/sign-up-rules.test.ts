import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminGetUserCommand, ConfirmSignUpCommand, SignUpCommand, type AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPool, createPoolWithClient } from '../../../support/fixtures.js';
import { signUpConfirmed } from '../../../support/self-service.js';
import { PASSWORD, createAppClient, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';
import { attributesOf } from '../../../support/users.js';

const invalid = (message: string) => ({ name: 'InvalidParameterException', message });
const policy = (rule: string) => ({ name: 'InvalidPasswordException', message: `Password did not conform with policy: ${rule}` });
const unauthorizedWrite = { name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' };

describeEngines('sign-up rules', (engine) => {
  const { client, mailbox } = useGatehouse(engine, { mail: true });
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'rules', {
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '8' } }, { Name: 'tier', AttributeDataType: 'String', DeveloperOnlyAttribute: true }],
    }));
  });

  const signUp = (target: AppClient, Username: string, UserAttributes: AttributeType[] = [], Password = PASSWORD) =>
    client.send(new SignUpCommand({ ClientId: target.clientId, Username, Password, UserAttributes }));

  it('checks the password against the pool policy, rule by rule', async () => {
    await assert.rejects(signUp(app, 'p1', [], 'Sh0rt!'), policy('Password not long enough'));
    await assert.rejects(signUp(app, 'p1', [], 'NO-LOWER-CASE-1'), policy('Password must have lowercase characters'));
    await assert.rejects(signUp(app, 'p1', [], 'no-upper-case-1'), policy('Password must have uppercase characters'));
    await assert.rejects(signUp(app, 'p1', [], 'No-Numbers-Here'), policy('Password must have numeric characters'));
    await assert.rejects(signUp(app, 'p1', [], 'NoSymbols12345'), policy('Password must have symbol characters'));
    await assert.rejects(client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'p1' })), { name: 'UserNotFoundException' });
  });

  it('validates attributes against the schema', async () => {
    await assert.rejects(signUp(app, 'v1', [{ Name: 'email', Value: 'not-an-email' }]), invalid('Invalid email address format.'));
    await assert.rejects(signUp(app, 'v1', [{ Name: 'phone_number', Value: '555-1234' }]), invalid('Invalid phone number format.'));
    await assert.rejects(signUp(app, 'v1', [{ Name: 'custom:nope', Value: 'x' }]), invalid('Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.'));
    await assert.rejects(signUp(app, 'v1', [{ Name: 'custom:plan', Value: 'much-too-long' }]), invalid('Attributes did not conform to the schema: custom:plan: String must be no longer than 8 characters'));
    await assert.rejects(signUp(app, 'v1', [{ Name: 'dev:custom:tier', Value: 'gold' }]), unauthorizedWrite);
    const { UserSub } = await signUp(app, 'v1', [{ Name: 'email', Value: 'v1@example.com' }, { Name: 'custom:plan', Value: 'pro' }]);
    assert.deepEqual(attributesOf((await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'v1' }))).UserAttributes),
      { sub: UserSub, email: 'v1@example.com', 'custom:plan': 'pro' });
  });

  it("enforces the app client's write attributes", async () => {
    const restricted = await createAppClient(client, poolId, { WriteAttributes: ['email', 'custom:plan'] });
    await assert.rejects(signUp(restricted, 'w1', [{ Name: 'email', Value: 'w1@example.com' }, { Name: 'name', Value: 'W' }]), unauthorizedWrite);
    await signUp(restricted, 'w1', [{ Name: 'email', Value: 'w1@example.com' }, { Name: 'custom:plan', Value: 'basic' }]);
  });

  it('requires the attributes the pool requires', async () => {
    const strict = await createPool(client, 'strict', { Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true }] });
    const strictApp = await createAppClient(client, strict);
    await assert.rejects(signUp(strictApp, 'r1'), invalid('Attributes did not conform to the schema: name: The attribute is required'));
    await signUp(strictApp, 'r1', [{ Name: 'name', Value: 'Rita' }]);
  });

  it('refuses a taken username, comparing case as the pool says', async () => {
    await signUp(app, 'Taken');
    await assert.rejects(signUp(app, 'Taken'), { name: 'UsernameExistsException', message: 'User already exists' });
    await signUp(app, 'taken');
    const insensitive = await createPool(client, 'insensitive', { UsernameConfiguration: { CaseSensitive: false } });
    const insensitiveApp = await createAppClient(client, insensitive);
    await signUp(insensitiveApp, 'Mixed');
    await assert.rejects(signUp(insensitiveApp, 'mIXED'), { name: 'UsernameExistsException', message: 'User already exists' });
    assert.equal((await client.send(new AdminGetUserCommand({ UserPoolId: insensitive, Username: 'MIXED' }))).Username, 'Mixed');
  });

  it('refuses sign-up in a pool where only administrators create users', async () => {
    const closed = await createPool(client, 'closed', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    const closedApp = await createAppClient(client, closed);
    await assert.rejects(signUp(closedApp, 'x'), { name: 'NotAuthorizedException', message: 'SignUp is not permitted for this user pool' });
  });

  it('makes the email the username in pools that sign in with email', async () => {
    const byEmail = await createPool(client, 'by-email', { UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
    const byEmailApp = await createAppClient(client, byEmail);
    await assert.rejects(signUp(byEmailApp, 'plainname'), invalid('Username should be an email.'));
    const { UserSub, CodeDeliveryDetails } = await signUp(byEmailApp, 'Hana@Example.com');
    assert.deepEqual(CodeDeliveryDetails, { Destination: 'H***@E***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: byEmail, Username: 'hana@example.com' }));
    assert.equal(user.Username, UserSub);
    assert.deepEqual(attributesOf(user.UserAttributes), { sub: UserSub, email: 'Hana@Example.com' });
    await assert.rejects(signUp(byEmailApp, 'HANA@example.com'), { name: 'UsernameExistsException', message: 'An account with the given email already exists.' });
    const { code } = await mailbox.next('hana@example.com');
    await client.send(new ConfirmSignUpCommand({ ClientId: byEmailApp.clientId, Username: 'hana@example.com', ConfirmationCode: code! }));
    assert.equal((await client.send(new AdminGetUserCommand({ UserPoolId: byEmail, Username: UserSub! }))).UserStatus, 'CONFIRMED');
    const byPhone = await createPool(client, 'by-phone', { UsernameAttributes: ['phone_number'] });
    await assert.rejects(signUp(await createAppClient(client, byPhone), 'hana@example.com'), invalid('Username should be a phone number.'));
  });

  it('keeps an email alias for the user who verifies it, unless the next one forces it over', async () => {
    const aliased = await createPool(client, 'aliased', { AliasAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
    const aliasedApp = await createAppClient(client, aliased);
    await assert.rejects(signUp(aliasedApp, 'ivy@example.com'), invalid('Username cannot be of email format, since user pool is configured for email alias.'));
    await signUpConfirmed(client, mailbox, aliasedApp, 'ivy', 'shared@example.com');
    await signUp(aliasedApp, 'jack', [{ Name: 'email', Value: 'shared@example.com' }]);
    const { code } = await mailbox.next('shared@example.com');
    const confirmJack = (ForceAliasCreation?: boolean) => client.send(new ConfirmSignUpCommand({ ClientId: aliasedApp.clientId, Username: 'jack', ConfirmationCode: code!, ForceAliasCreation }));
    await assert.rejects(confirmJack(), { name: 'AliasExistsException', message: 'An account with the email already exists.' });
    await confirmJack(true);
    const get = (Username: string) => client.send(new AdminGetUserCommand({ UserPoolId: aliased, Username }));
    assert.equal((await get('shared@example.com')).Username, 'jack');
    assert.equal(attributesOf((await get('ivy')).UserAttributes).email_verified, 'false');
    assert.equal(attributesOf((await get('jack')).UserAttributes).email_verified, 'true');
  });
});
