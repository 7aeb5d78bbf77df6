import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CreateUserPoolCommand, DescribeUserPoolCommand, UpdateUserPoolCommand, type CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const invalid = (message: string | RegExp) => ({ name: 'InvalidParameterException', message });

describeEngines('user pool validation', (engine) => {
  const { client } = useGatehouse(engine);

  const createFails = (request: Omit<CreateUserPoolRequest, 'PoolName'>, expected: ReturnType<typeof invalid>) =>
    assert.rejects(client.send(new CreateUserPoolCommand({ PoolName: 'bad', ...request })), expected);

  it('checks the request against the service model first', async () => {
    await createFails({ Policies: { PasswordPolicy: { MinimumLength: 5 } } }, invalid(
      "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    ));
    await createFails({ VerificationMessageTemplate: { SmsMessage: 'no placeholder here' } }, invalid(/verificationMessageTemplate\.smsMessage' failed to satisfy constraint: Member must satisfy regular expression pattern/));
    await assert.rejects(client.send(new DescribeUserPoolCommand({ UserPoolId: 'not a pool id' })), invalid(/at 'userPoolId' failed to satisfy constraint/));
  });

  it('refuses aliases together with username attributes', async () => {
    await createFails({ AliasAttributes: ['email'], UsernameAttributes: ['email'] },
      invalid('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.'));
  });

  it('requires SMS and phone verification for MFA at creation', async () => {
    const message = 'SMS configuration and Auto verification for phone_number are required when MFA is required/optional';
    await createFails({ MfaConfiguration: 'ON' }, invalid(message));
    await createFails({ MfaConfiguration: 'OPTIONAL', AutoVerifiedAttributes: ['phone_number'] }, invalid(message));
    const sms = { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms' };
    await createFails({ MfaConfiguration: 'ON', SmsConfiguration: sms, AutoVerifiedAttributes: ['email'] }, invalid(message));
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'mfa', MfaConfiguration: 'ON', SmsConfiguration: sms, AutoVerifiedAttributes: ['phone_number'] }));
    assert.equal(UserPool!.MfaConfiguration, 'ON');
    // An update that drops the SMS configuration leaves MFA without a factor.
    await assert.rejects(client.send(new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id, MfaConfiguration: 'ON', AutoVerifiedAttributes: ['phone_number'] })), invalid(message));
  });

  it('validates the schema as Cognito does', async () => {
    await createFails({ Schema: [{ Name: 'plan', AttributeDataType: 'String', Required: true }] },
      invalid('Required custom attributes are not supported currently.'));
    await createFails({ Schema: [{ Name: 'plan' }] },
      invalid('Invalid AttributeDataType input, consider using the provided AttributeDataType enum.'));
    await createFails({ Schema: [{ Name: 'email', AttributeDataType: 'Number' }] },
      invalid('You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email'));
    await createFails({ Schema: [{ Name: 'name', DeveloperOnlyAttribute: true }] },
      invalid('You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute name'));
    await createFails({ Schema: [{ Name: 'sub', Mutable: true }] },
      invalid('You can not change Mutable or Required for standard schema attribute sub'));
    await createFails({ Schema: [{ Name: 'plan', AttributeDataType: 'String' }, { Name: 'plan', AttributeDataType: 'Number' }] },
      invalid('custom:plan: Existing attribute already has name custom:plan.'));
    await createFails({ Schema: [{ Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '10', MaxLength: '5' } }] },
      invalid('user.custom:plan: Max length cannot be less than min length.'));
    await createFails({ Schema: [{ Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '4096' } }] },
      invalid('user.custom:plan: String attributes cannot have a length of more than 2048'));
    await createFails({ Schema: [{ Name: 'age', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: 'ten' } }] },
      invalid('Invalid NumberAttributeConstraints for schema attribute custom:age'));
    await createFails({ Schema: [{ Name: 'age', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '9', MaxValue: '1' } }] },
      invalid('user.custom:age: Max value cannot be less than min value.'));
  });

  it('accepts standard attribute customisations', async () => {
    const { UserPool } = await client.send(new CreateUserPoolCommand({
      PoolName: 'custom standard',
      Schema: [{ Name: 'name', Required: true, Mutable: false, StringAttributeConstraints: { MinLength: '2', MaxLength: '100' } }],
    }));
    assert.deepEqual(UserPool!.SchemaAttributes!.find((a) => a.Name === 'name'), {
      Name: 'name', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: true,
      StringAttributeConstraints: { MinLength: '2', MaxLength: '100' },
    });
  });

  it('checks verification link messages and validity days', async () => {
    await createFails({ VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK', EmailMessageByLink: 'Your code is {####}' } },
      invalid('The message is invalid.'));
    await createFails({
      Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 3 } },
      AdminCreateUserConfig: { UnusedAccountValidityDays: 5 },
    }, invalid('Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays'));
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'legacy', AdminCreateUserConfig: { UnusedAccountValidityDays: 5 } }));
    assert.equal(UserPool!.Policies!.PasswordPolicy!.TemporaryPasswordValidityDays, 5);
    assert.equal(UserPool!.AdminCreateUserConfig!.UnusedAccountValidityDays, 5);
  });

  it('keeps legacy verification messages and the template in step', async () => {
    const { UserPool } = await client.send(new CreateUserPoolCommand({
      PoolName: 'legacy messages',
      SmsVerificationMessage: 'SMS code {####}', EmailVerificationMessage: 'Email code {####}', EmailVerificationSubject: 'Your code',
    }));
    assert.equal(UserPool!.EmailVerificationMessage, 'Email code {####}');
    assert.deepEqual(UserPool!.VerificationMessageTemplate, {
      SmsMessage: 'SMS code {####}', EmailMessage: 'Email code {####}', EmailSubject: 'Your code', DefaultEmailOption: 'CONFIRM_WITH_CODE',
    });
  });
});
