/**
 * The pool's MFA configuration and users' MFA preferences, in process on both engines through
 * the SDK: SetUserPoolMfaConfig's rules, GetUserPoolMfaConfig's report, UpdateUserPool keeping
 * the factors, and SetUserMFAPreference / SetUserSettings as GetUser and AdminGetUser show them.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminGetUserCommand, AdminSetUserMFAPreferenceCommand, AdminSetUserSettingsCommand, DescribeUserPoolCommand, GetUserCommand,
  GetUserPoolMfaConfigCommand, SetUserMFAPreferenceCommand, SetUserPoolMfaConfigCommand, UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess } from '../../support/in-process.js';
import { createUserWithPassword, signIn, type AppClient } from '../../support/sign-in.js';

const invalid = (message: string) => ({ name: 'InvalidParameterException', message });

describeEngines('MFA configuration (in process)', (engine) => {
  const server = useInProcess(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(server.client, 'mfa-config'));
  });

  it('reports OFF for a new pool and refuses inconsistent configurations', async () => {
    const { client } = server;
    const fresh = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    assert.equal(fresh.MfaConfiguration, 'OFF');
    assert.deepEqual(fresh.SoftwareTokenMfaConfiguration, { Enabled: false });
    await assert.rejects(client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON' })),
      invalid("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration."));
    await assert.rejects(client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: true } })),
      invalid("Invalid MFA configuration given, can't turn off MFA and configure an MFA together."));
    await assert.rejects(client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsAuthenticationMessage: 'code {####}' } })),
      invalid('SMS configuration is required to enable SMS MFA.'));
    await assert.rejects(client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: 'us-east-1_nothere' })), { name: 'ResourceNotFoundException' });
  });

  it('turns TOTP and email on, keeps them through UpdateUserPool, and hides them from DescribeUserPool', async () => {
    const { client } = server;
    const set = await client.send(new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'Sign-in code' },
    }));
    assert.equal(set.MfaConfiguration, 'OPTIONAL');
    assert.deepEqual(set.SoftwareTokenMfaConfiguration, { Enabled: true });
    assert.deepEqual(set.EmailMfaConfiguration, { Message: 'Your code is {####}', Subject: 'Sign-in code' });
    // OPTIONAL needs no SMS now that TOTP is on.
    await client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL' }));
    const got = await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    assert.equal(got.MfaConfiguration, 'OPTIONAL');
    assert.deepEqual(got.SoftwareTokenMfaConfiguration, { Enabled: true });
    assert.equal(got.SmsMfaConfiguration, undefined);
    const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(UserPool!.MfaConfiguration, 'OPTIONAL');
    assert.equal((UserPool as Record<string, unknown>).MfaFactors, undefined);
  });

  it('sets preferences that GetUser and AdminGetUser report, refusing factors the user cannot receive', async () => {
    const { client } = server;
    await createUserWithPassword(client, poolId, 'prefs', { attributes: { email: 'prefs@example.com' } });
    const { accessToken } = await signIn(client, app, 'prefs');
    const bare = await client.send(new GetUserCommand({ AccessToken: accessToken }));
    assert.equal(bare.UserMFASettingList, undefined);
    await assert.rejects(client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true } })),
      invalid('User has not verified software token mfa'));
    await assert.rejects(client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SMSMfaSettings: { Enabled: true } })),
      invalid('User does not have delivery config set to turn on SMS_MFA'));
    await client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, EmailMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const user = await client.send(new GetUserCommand({ AccessToken: accessToken }));
    assert.deepEqual(user.UserMFASettingList, ['EMAIL_OTP']);
    assert.equal(user.PreferredMfaSetting, 'EMAIL_OTP');
    await client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'prefs', EmailMfaSettings: { Enabled: false } }));
    const admin = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'prefs' }));
    assert.equal(admin.UserMFASettingList, undefined);
    assert.equal(admin.PreferredMfaSetting, undefined);
    await assert.rejects(client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'ghost', EmailMfaSettings: { Enabled: true } })), { name: 'UserNotFoundException' });
  });

  it('turns SMS MFA on and off through the legacy MFAOptions', async () => {
    const { client } = server;
    await createUserWithPassword(client, poolId, 'legacy', { attributes: { phone_number: '+15555550123' } });
    await client.send(new AdminSetUserSettingsCommand({ UserPoolId: poolId, Username: 'legacy', MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] }));
    const on = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'legacy' }));
    assert.deepEqual(on.MFAOptions, [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]);
    assert.deepEqual(on.UserMFASettingList, ['SMS_MFA']);
    await client.send(new AdminSetUserSettingsCommand({ UserPoolId: poolId, Username: 'legacy', MFAOptions: [] }));
    const off = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'legacy' }));
    assert.equal(off.MFAOptions, undefined);
    await assert.rejects(client.send(new AdminSetUserSettingsCommand({ UserPoolId: poolId, Username: 'legacy', MFAOptions: [{ DeliveryMedium: 'EMAIL', AttributeName: 'email' }] })),
      invalid('Only phone_number attribute with SMS delivery medium is supported as an MFA option.'));
  });
});
