import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminCreateUserCommand, AdminConfirmSignUpCommand, AdminGetUserCommand, AdminSetUserPasswordCommand, DescribeUserPoolCommand, type AdminCreateUserCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { SLOW, awsCli } from '../../../support/aws.js';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';
import { attributeList, attributesOf, createUser, getUser, mailText } from '../../../support/users.js';

const INVITE = { EmailSubject: 'Welcome', EmailMessage: 'Hello {username}, your password is [{####}]', SMSMessage: 'User {username} password [{####}]' };
const PASSWORD_IN = /\[(.+)\]/s;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeEngines('AdminCreateUser', (engine) => {
  const { server, client, mailbox, sms } = useGatehouse(engine, { mail: true, sms: true });
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'admin users', {
      AdminCreateUserConfig: { InviteMessageTemplate: INVITE },
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } },
      Schema: [{ Name: 'tier', AttributeDataType: 'String', DeveloperOnlyAttribute: true }],
    });
  });

  const create = (input: Omit<AdminCreateUserCommandInput, 'UserPoolId'>, pool = poolId) => client.send(new AdminCreateUserCommand({ UserPoolId: pool, ...input }));

  it('creates a user in FORCE_CHANGE_PASSWORD with the attributes given, admin-only ones included', async () => {
    const started = Date.now();
    const { User } = await create({
      Username: 'ada', TemporaryPassword: 'Temporary-Pass1', MessageAction: 'SUPPRESS', ValidationData: [{ Name: 'ignored', Value: 'yes' }],
      UserAttributes: attributeList({ email: 'ada@example.com', email_verified: 'true', given_name: 'Ada', 'dev:custom:tier': 'gold' }),
    });
    assert.equal(User!.Username, 'ada');
    assert.equal(User!.UserStatus, 'FORCE_CHANGE_PASSWORD');
    assert.equal(User!.Enabled, true);
    assert.ok(User!.UserCreateDate!.getTime() >= started - 1000);
    assert.equal(User!.Attributes![0]!.Name, 'sub');
    const attributes = attributesOf(User!.Attributes);
    assert.match(attributes.sub!, UUID);
    assert.deepEqual({ ...attributes, sub: undefined }, { sub: undefined, email: 'ada@example.com', email_verified: 'true', given_name: 'Ada', 'dev:custom:tier': 'gold' });
    const fetched = await getUser(client, poolId, 'ada');
    assert.deepEqual(fetched.attributes, attributes);
    assert.equal(fetched.UserStatus, 'FORCE_CHANGE_PASSWORD');
    assert.deepEqual(mailbox.mails.filter((mail) => mail.to.includes('ada@example.com')), [], 'SUPPRESS sends nothing');
  });

  it('mails the given temporary password with the pool invitation template', async () => {
    await create({ Username: 'bea', TemporaryPassword: 'Given-Pass-42', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: attributeList({ email: 'bea@example.com' }) });
    const mail = await mailbox.next('bea@example.com');
    assert.equal(mail.subject, 'Welcome');
    assert.match(mailText(mail), /Hello bea, your password is \[Given-Pass-42\]/);
  });

  it('generates a temporary password that satisfies the policy, and RESEND replaces it', async () => {
    await create({ Username: 'cy', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: attributeList({ email: 'cy@example.com' }) });
    const first = PASSWORD_IN.exec(mailText(await mailbox.next('cy@example.com')))![1]!;
    for (const rule of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) assert.match(first, rule);
    assert.ok(first.length >= 10);
    const before = (await getUser(client, poolId, 'cy')).UserLastModifiedDate!;

    const { User } = await create({ Username: 'cy', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
    assert.equal(User!.UserStatus, 'FORCE_CHANGE_PASSWORD');
    const second = PASSWORD_IN.exec(mailText(await mailbox.next('cy@example.com')))![1]!;
    assert.notEqual(second, first);
    assert.ok(User!.UserLastModifiedDate! >= before);
  });

  it('invites by SMS by default, and by both mediums when asked', async () => {
    await create({ Username: 'dan', UserAttributes: attributeList({ phone_number: '+15550100001', email: 'dan@example.com' }) });
    assert.match(sms.to('+15550100001')[0]!.message, /^User dan password \[.+\]$/);
    assert.deepEqual(mailbox.mails.filter((mail) => mail.to.includes('dan@example.com')), []);

    await create({ Username: 'eve', DesiredDeliveryMediums: ['EMAIL', 'SMS'], UserAttributes: attributeList({ phone_number: '+15550100002', email: 'eve@example.com' }) });
    const texted = PASSWORD_IN.exec(sms.to('+15550100002')[0]!.message)![1];
    assert.equal(PASSWORD_IN.exec(mailText(await mailbox.next('eve@example.com')))![1], texted);
  });

  it('sends nothing when the default SMS has no phone number to go to', async () => {
    const before = sms.all().length;
    await create({ Username: 'fay', UserAttributes: attributeList({ email: 'fay@example.com' }) });
    assert.equal(sms.all().length, before);
    assert.deepEqual(mailbox.mails.filter((mail) => mail.to.includes('fay@example.com')), []);
  });

  it('refuses a medium the user has no attribute for, creating nothing', async () => {
    await assert.rejects(create({ Username: 'gus', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: attributeList({ phone_number: '+15550100003' }) }),
      { name: 'InvalidParameterException', message: 'No email provided but desired delivery medium was Email' });
    await assert.rejects(create({ Username: 'gus', DesiredDeliveryMediums: ['SMS'] }),
      { name: 'InvalidParameterException', message: 'No phone_number provided but desired delivery medium was Sms' });
    await assert.rejects(getUser(client, poolId, 'gus'), { name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('does not deliver an invitation whose template lacks the password placeholder', async () => {
    const pool = await createPool(client, 'no placeholder', { AdminCreateUserConfig: { InviteMessageTemplate: { SMSMessage: 'Welcome {username}!' } } });
    await create({ Username: 'hal', UserAttributes: attributeList({ phone_number: '+15550100004' }) }, pool);
    assert.deepEqual(sms.to('+15550100004'), []);
  });

  it('applies RESEND only to existing FORCE_CHANGE_PASSWORD users', async () => {
    await assert.rejects(create({ Username: 'nobody', MessageAction: 'RESEND' }), { name: 'UserNotFoundException', message: 'User does not exist.' });
    await createUser(client, poolId, 'ivy');
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ivy', Password: 'Permanent-Pass1', Permanent: true }));
    await assert.rejects(create({ Username: 'ivy', MessageAction: 'RESEND' }),
      { name: 'UnsupportedUserStateException', message: 'Resend not possible. ivy status is not FORCE_CHANGE_PASSWORD' });
  });

  it('refuses a taken username, a weak password and attributes outside the schema', async () => {
    await createUser(client, poolId, 'jo');
    await assert.rejects(create({ Username: 'jo', MessageAction: 'SUPPRESS' }), { name: 'UsernameExistsException', message: 'User account already exists' });
    await assert.rejects(create({ Username: 'kim', TemporaryPassword: 'short1A!', MessageAction: 'SUPPRESS' }),
      { name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    await assert.rejects(create({ Username: 'kim', TemporaryPassword: 'nouppercase-1', MessageAction: 'SUPPRESS' }),
      { name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password must have uppercase characters' });
    await assert.rejects(create({ Username: 'kim', MessageAction: 'SUPPRESS', UserAttributes: attributeList({ shoe_size: '9' }) }),
      { name: 'InvalidParameterException', message: 'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.' });
    await assert.rejects(create({ Username: 'kim', MessageAction: 'SUPPRESS', UserAttributes: attributeList({ email: 'not-an-email' }) }),
      { name: 'InvalidParameterException', message: 'Invalid email address format.' });
    await assert.rejects(getUser(client, poolId, 'kim'), { name: 'UserNotFoundException' });
  });

  it('requires the attributes the pool requires', async () => {
    const pool = await createPool(client, 'required name', { Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true }] });
    await assert.rejects(create({ Username: 'lea', MessageAction: 'SUPPRESS' }, pool),
      { name: 'InvalidParameterException', message: 'Attributes did not conform to the schema: name: The attribute is required' });
    await createUser(client, pool, 'lea', { name: 'Lea' });
  });

  it('refuses to confirm a user that is not UNCONFIRMED', async () => {
    await createUser(client, poolId, 'max');
    await assert.rejects(client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'max' })),
      { name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD' });
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'max', Password: 'Permanent-Pass1', Permanent: true }));
    await assert.rejects(client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'max' })),
      { name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' });
    await assert.rejects(client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'ghost' })), { name: 'UserNotFoundException' });
  });

  it('counts users in EstimatedNumberOfUsers', async () => {
    const pool = await createPool(client, 'counted');
    const count = async () => (await client.send(new DescribeUserPoolCommand({ UserPoolId: pool }))).UserPool!.EstimatedNumberOfUsers;
    assert.equal(await count(), 0);
    await createUser(client, pool, 'one');
    await createUser(client, pool, 'two');
    assert.equal(await count(), 2);
  });

  it('works through the AWS CLI', SLOW, async () => {
    const created = await awsCli(server, ['admin-create-user', '--user-pool-id', poolId, '--username', 'cli-user', '--message-action', 'SUPPRESS',
      '--user-attributes', 'Name=email,Value=cli@example.com', 'Name=given_name,Value=Cli']);
    assert.equal(created.code, 0, created.stderr);
    assert.equal((created.json as { User: { UserStatus: string } }).User.UserStatus, 'FORCE_CHANGE_PASSWORD');
    const got = await awsCli(server, ['admin-get-user', '--user-pool-id', poolId, '--username', 'cli-user']);
    assert.equal(got.code, 0, got.stderr);
    assert.equal(attributesOf((got.json as { UserAttributes: [] }).UserAttributes).email, 'cli@example.com');
    const listed = await awsCli(server, ['list-users', '--user-pool-id', poolId, '--filter', 'email = "cli@example.com"']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual((listed.json as { Users: Array<{ Username: string }> }).Users.map((user) => user.Username), ['cli-user']);
    const taken = await awsCli(server, ['admin-create-user', '--user-pool-id', poolId, '--username', 'cli-user']);
    assert.match(taken.stderr, /UsernameExistsException.*User account already exists/);
  });
});

describeEngines('AdminCreateUser in pools that name users differently', (engine) => {
  const { client } = useGatehouse(engine);

  it('makes an email username an attribute and names the user with a UUID', async () => {
    const pool = await createPool(client, 'email usernames', { UsernameAttributes: ['email'] });
    const user = await createUser(client, pool, 'Pat@Example.com', { given_name: 'Pat' });
    assert.match(user.Username!, UUID);
    assert.equal(attributesOf(user.Attributes).email, 'Pat@Example.com');
    assert.equal((await getUser(client, pool, 'pat@example.com')).Username, user.Username);
    assert.equal((await getUser(client, pool, user.Username!)).attributes.given_name, 'Pat');
    await assert.rejects(createUser(client, pool, 'pat@example.com'), { name: 'UsernameExistsException', message: 'An account with the given email already exists.' });
    await assert.rejects(createUser(client, pool, 'pat'), { name: 'InvalidParameterException', message: 'Username should be an email.' });
  });

  it('takes an email or a phone number where both are usernames', async () => {
    const pool = await createPool(client, 'both usernames', { UsernameAttributes: ['email', 'phone_number'] });
    const user = await createUser(client, pool, '+15550100009');
    assert.equal(attributesOf(user.Attributes).phone_number, '+15550100009');
    assert.equal((await getUser(client, pool, '+15550100009')).Username, user.Username);
    await assert.rejects(createUser(client, pool, 'neither'), { name: 'InvalidParameterException', message: 'Username should be either an email or a phone number.' });
  });

  it('finds users of a case-insensitive pool whatever the casing, and refuses a duplicate by case', async () => {
    const pool = await createPool(client, 'case-insensitive', { UsernameConfiguration: { CaseSensitive: false } });
    await createUser(client, pool, 'Quinn');
    assert.equal((await getUser(client, pool, 'QUINN')).Username, 'Quinn');
    await assert.rejects(createUser(client, pool, 'quinn'), { name: 'UsernameExistsException', message: 'User account already exists' });
    const sensitive = await createPool(client, 'case-sensitive');
    await createUser(client, sensitive, 'Quinn');
    await createUser(client, sensitive, 'quinn');
    await assert.rejects(getUser(client, sensitive, 'QUINN'), { name: 'UserNotFoundException' });
  });

  it('registers verified aliases, refuses taken ones, and moves them when forced', async () => {
    const pool = await createPool(client, 'aliases', { AliasAttributes: ['email', 'preferred_username'] });
    await assert.rejects(createUser(client, pool, 'ray@example.com'),
      { name: 'InvalidParameterException', message: 'Username cannot be of email format, since user pool is configured for email alias.' });
    await createUser(client, pool, 'ray', { email: 'ray@example.com', email_verified: 'true', preferred_username: 'rayray' });
    assert.equal((await getUser(client, pool, 'RAY@example.com')).Username, 'ray');
    assert.equal((await getUser(client, pool, 'rayray')).Username, 'ray');

    await createUser(client, pool, 'sam', { email: 'sam@example.com' });
    await assert.rejects(getUser(client, pool, 'sam@example.com'), { name: 'UserNotFoundException' }, 'an unverified email is no alias');

    const verifiedRay = { email: 'ray@example.com', email_verified: 'true' };
    await assert.rejects(createUser(client, pool, 'tom', verifiedRay), { name: 'AliasExistsException', message: 'An account with the email already exists.' });
    await assert.rejects(createUser(client, pool, 'tom', { preferred_username: 'rayray' }), { name: 'AliasExistsException', message: 'An account with the preferred_username already exists.' });
    await assert.rejects(getUser(client, pool, 'tom'), { name: 'UserNotFoundException' });

    await client.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: 'tom', MessageAction: 'SUPPRESS', ForceAliasCreation: true, UserAttributes: attributeList(verifiedRay) }));
    assert.equal((await getUser(client, pool, 'ray@example.com')).Username, 'tom');
    const ray = await getUser(client, pool, 'ray');
    assert.equal(ray.attributes.email, 'ray@example.com');
    assert.equal(ray.attributes.email_verified, 'false');
  });

  it('lets AdminGetUser reach a user by its aliases only in pools that have them', async () => {
    const pool = await createPool(client, 'no aliases');
    await createUser(client, pool, 'uma', { email: 'uma@example.com', email_verified: 'true' });
    await assert.rejects(client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: 'uma@example.com' })), { name: 'UserNotFoundException' });
  });
});
