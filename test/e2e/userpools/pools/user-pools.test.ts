import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  AddCustomAttributesCommand, CreateUserPoolCommand, DeleteUserPoolCommand, DescribeUserPoolCommand, ListUserPoolsCommand, UpdateUserPoolCommand, type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { richPoolCustomAttributes, richPoolEcho, richPoolRequest } from '../../../support/rich-pool.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const STANDARD_NAMES = [
  'sub', 'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website',
  'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'phone_number_verified', 'address',
  'updated_at', 'identities',
];

const attribute = (pool: UserPoolType, name: string) => pool.SchemaAttributes!.find((a) => a.Name === name);

describeEngines('user pools', (engine) => {
  const { server, client } = useGatehouse(engine);

  const create = async (PoolName: string) => (await client.send(new CreateUserPoolCommand({ PoolName }))).UserPool!;
  const describe = async (UserPoolId: string) => (await client.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool!;

  it('echoes every member of a richly configured pool', async () => {
    const created = (await client.send(new CreateUserPoolCommand(richPoolRequest))).UserPool!;
    const described = await describe(created.Id!);
    assert.deepEqual(described, created);
    assert.match(described.Id!, /^us-east-1_[0-9a-zA-Z]{9}$/);
    assert.equal(described.Arn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${described.Id}`);
    assert.ok(described.CreationDate instanceof Date && described.LastModifiedDate instanceof Date);
    const { Id, Arn, CreationDate, LastModifiedDate, SchemaAttributes, ...settings } = described;
    assert.deepEqual(settings, richPoolEcho);
    assert.deepEqual(SchemaAttributes!.map((a) => a.Name), [...STANDARD_NAMES, 'custom:plan', 'custom:score', 'dev:custom:tier']);
    assert.deepEqual(SchemaAttributes!.slice(STANDARD_NAMES.length), richPoolCustomAttributes);
    assert.deepEqual(attribute(described, 'email'), {
      Name: 'email', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: true,
      StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
    });
  });

  it('fills in Cognito defaults for a pool created with only a name', async () => {
    const pool = await create('plain');
    const { Id, Arn, CreationDate, LastModifiedDate, SchemaAttributes, ...settings } = await describe(pool.Id!);
    assert.deepEqual(settings, {
      Name: 'plain',
      Policies: {
        PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
      },
      DeletionProtection: 'INACTIVE',
      LambdaConfig: {},
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: 0,
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      UserPoolTags: {},
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      UserPoolTier: 'ESSENTIALS',
    });
    assert.deepEqual(SchemaAttributes!.map((a) => a.Name), STANDARD_NAMES);
    const byName = (name: string) => SchemaAttributes!.find((a) => a.Name === name);
    assert.deepEqual(byName('sub'), { Name: 'sub', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } });
    assert.deepEqual(byName('email_verified'), { Name: 'email_verified', AttributeDataType: 'Boolean', DeveloperOnlyAttribute: false, Mutable: true, Required: false });
    assert.deepEqual(byName('birthdate')!.StringAttributeConstraints, { MinLength: '10', MaxLength: '10' });
    assert.deepEqual(byName('updated_at'), { Name: 'updated_at', AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: '0' } });
    assert.deepEqual(byName('identities'), { Name: 'identities', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: {} });
  });

  it('resets the members an update does not send, and keeps what UpdateUserPool cannot change', async () => {
    const created = (await client.send(new CreateUserPoolCommand({ ...richPoolRequest, PoolName: 'to update' }))).UserPool!;
    await client.send(new UpdateUserPoolCommand({ UserPoolId: created.Id, AutoVerifiedAttributes: ['email'], SmsAuthenticationMessage: 'Code: {####}' }));
    const updated = await describe(created.Id!);
    assert.equal(updated.Name, 'to update');
    assert.deepEqual(updated.Policies, (await describe((await create('defaults')).Id!)).Policies);
    assert.equal(updated.DeletionProtection, 'INACTIVE');
    assert.deepEqual(updated.LambdaConfig, {});
    assert.equal(updated.MfaConfiguration, 'OFF');
    assert.deepEqual(updated.AutoVerifiedAttributes, ['email']);
    assert.equal(updated.SmsAuthenticationMessage, 'Code: {####}');
    assert.deepEqual(updated.VerificationMessageTemplate, { DefaultEmailOption: 'CONFIRM_WITH_CODE' });
    assert.deepEqual(updated.EmailConfiguration, { EmailSendingAccount: 'COGNITO_DEFAULT' });
    assert.deepEqual(updated.AdminCreateUserConfig, { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 });
    for (const reset of ['DeviceConfiguration', 'SmsConfiguration', 'UserPoolAddOns', 'AccountRecoverySetting', 'EmailVerificationMessage', 'SmsVerificationMessage'] as const) {
      assert.equal(updated[reset], undefined, reset);
    }
    // Not updatable: schema, sign-in attributes, case sensitivity; the tier and tags stay unless sent.
    assert.deepEqual(updated.SchemaAttributes, created.SchemaAttributes);
    assert.deepEqual(updated.AliasAttributes, ['email', 'preferred_username']);
    assert.deepEqual(updated.UsernameConfiguration, { CaseSensitive: false });
    assert.equal(updated.UserPoolTier, 'PLUS');
    assert.deepEqual(updated.UserPoolTags, { team: 'identity', env: 'test' });
    assert.deepEqual(updated.CreationDate, created.CreationDate);
    assert.ok(updated.LastModifiedDate!.getTime() >= created.LastModifiedDate!.getTime());

    await client.send(new UpdateUserPoolCommand({ UserPoolId: created.Id, PoolName: 'renamed', UserPoolTags: { only: 'this' }, UserPoolTier: 'ESSENTIALS' }));
    const renamed = await describe(created.Id!);
    assert.equal(renamed.Name, 'renamed');
    assert.deepEqual(renamed.UserPoolTags, { only: 'this' });
    assert.equal(renamed.UserPoolTier, 'ESSENTIALS');
  });

  it('lets concurrent updates win or fail whole, never merge', async () => {
    const { Id } = await create('contended');
    const lengths = [10, 11, 12, 13, 14, 15, 16, 17];
    const results = await Promise.allSettled(lengths.map((MinimumLength) =>
      client.send(new UpdateUserPoolCommand({ UserPoolId: Id, Policies: { PasswordPolicy: { MinimumLength } }, SmsAuthenticationMessage: `Code ${MinimumLength} {####}` }))));
    const won = lengths.filter((_, i) => results[i]!.status === 'fulfilled');
    assert.ok(won.length >= 1);
    for (const result of results) {
      if (result.status === 'rejected') assert.equal((result.reason as Error).name, 'ConcurrentModificationException');
    }
    const final = await describe(Id!);
    const length = final.Policies!.PasswordPolicy!.MinimumLength!;
    assert.ok(won.includes(length));
    assert.equal(final.SmsAuthenticationMessage, `Code ${length} {####}`);
  });

  it('pages through every pool, MaxResults at a time, without duplicates or gaps', async () => {
    for (let i = 0; i < 5; i++) await create(`page ${i}`);
    const all = (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!;
    assert.ok(all.length >= 5);
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken }));
      assert.ok(page.UserPools!.length <= 2 && page.UserPools!.length > 0);
      seen.push(...page.UserPools!.map((pool) => pool.Id!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual([...seen].sort(), all.map((pool) => pool.Id!).sort());
    const first = all.find((pool) => pool.Name === 'page 0')!;
    assert.deepEqual(Object.keys(first).sort(), ['CreationDate', 'Id', 'LambdaConfig', 'LastModifiedDate', 'Name']);
    await assert.rejects(client.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: 'not-a-token' })), { name: 'InvalidParameterException' });
  });

  it('refuses to delete a protected pool, then deletes it once protection is off', async () => {
    const { Id } = (await client.send(new CreateUserPoolCommand({ PoolName: 'protected', DeletionProtection: 'ACTIVE' }))).UserPool!;
    await assert.rejects(client.send(new DeleteUserPoolCommand({ UserPoolId: Id })), {
      name: 'InvalidParameterException',
      message: 'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    });
    await client.send(new UpdateUserPoolCommand({ UserPoolId: Id, DeletionProtection: 'INACTIVE' }));
    await client.send(new DeleteUserPoolCommand({ UserPoolId: Id }));
    const gone = { name: 'ResourceNotFoundException', message: `User pool ${Id} does not exist.` };
    await assert.rejects(describe(Id!), gone);
    await assert.rejects(client.send(new DeleteUserPoolCommand({ UserPoolId: Id })), gone);
    await assert.rejects(client.send(new UpdateUserPoolCommand({ UserPoolId: Id })), gone);
    assert.equal((await fetch(`${server.url}/${Id}/.well-known/jwks.json`)).status, 404);
    const listed = (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools!;
    assert.ok(!listed.some((pool) => pool.Id === Id));
  });

  it('adds custom attributes after the existing ones and refuses duplicates', async () => {
    const { Id } = (await client.send(new CreateUserPoolCommand({ ...richPoolRequest, PoolName: 'custom', DeletionProtection: 'INACTIVE' }))).UserPool!;
    await client.send(new AddCustomAttributesCommand({
      UserPoolId: Id,
      CustomAttributes: [
        { Name: 'team', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '32' } },
        { Name: 'level', AttributeDataType: 'Number', DeveloperOnlyAttribute: true, Mutable: false },
      ],
    }));
    const pool = await describe(Id!);
    assert.deepEqual(pool.SchemaAttributes!.slice(-2), [
      { Name: 'custom:team', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: { MaxLength: '32' } },
      { Name: 'dev:custom:level', AttributeDataType: 'Number', DeveloperOnlyAttribute: true, Mutable: false, Required: false },
    ]);
    await assert.rejects(client.send(new AddCustomAttributesCommand({ UserPoolId: Id, CustomAttributes: [{ Name: 'plan', AttributeDataType: 'String' }] })), {
      name: 'InvalidParameterException', message: 'custom:plan: Existing attribute already has name custom:plan.',
    });
    const many = (from: number) => Array.from({ length: 25 }, (_, i) => ({ Name: `attr${from + i}`, AttributeDataType: 'String' as const }));
    await client.send(new AddCustomAttributesCommand({ UserPoolId: Id, CustomAttributes: many(0) }));
    await assert.rejects(client.send(new AddCustomAttributesCommand({ UserPoolId: Id, CustomAttributes: many(25) })), {
      name: 'InvalidParameterException', message: 'A user pool can have at most 50 custom attributes.',
    });
    assert.equal((await describe(Id!)).SchemaAttributes!.length, STANDARD_NAMES.length + 5 + 25);
  });
});
