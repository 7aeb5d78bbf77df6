/**
 * Remembered devices with amazon-cognito-identity-js's own device flow against a running server:
 * a TOTP sign-in from a new device gets NewDeviceMetadata, the library confirms the device with
 * its SRP verifier and remembers it (setDeviceStatusRemembered), and the next sign-in proves the
 * device by device SRP instead of asking for a code. The device views and the admin twins through
 * the SDK, boto3 and the AWS CLI v2; a forgotten device is asked for MFA again.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminForgetDeviceCommand, AdminGetDeviceCommand, AdminListDevicesCommand, AdminUpdateDeviceStatusCommand, SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession, type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import { Secret, TOTP } from 'otpauth';
import { awsCli } from '../../../support/aws.js';
import { boto3Call } from '../../../support/boto3.js';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { PASSWORD, createAppClient, createUserWithPassword } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

type Outcome = { kind: 'session'; session: CognitoUserSession; confirmationNecessary: boolean } | { kind: 'totp' | 'setup' };

function step(run: (callbacks: IAuthenticationCallback) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => run({
    onSuccess: (session, confirmationNecessary) => resolve({ kind: 'session', session, confirmationNecessary: !!confirmationNecessary }),
    onFailure: reject,
    totpRequired: () => resolve({ kind: 'totp' }),
    mfaSetup: () => resolve({ kind: 'setup' }),
  }));
}

/** An authenticator's code for 30 seconds from now: within the drift, never one already used. */
const laterCode = (secret: string, steps: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

const callback = <T>(run: (done: (err: Error | undefined, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value))));

describeEngines('remembered devices', (engine) => {
  const { server, client } = useGatehouse(engine);
  let pool: CognitoUserPool;
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'devices', { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true } });
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    const { clientId } = await createAppClient(client, poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.url });
  });

  const signIn = (user: CognitoUser) =>
    step((callbacks) => user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: PASSWORD }), callbacks));

  /** A user who set up TOTP through MFA_SETUP on a first device; returns the secret and that first session's user object. */
  async function enrolledUser(username: string): Promise<{ secret: string; user: CognitoUser }> {
    await createUserWithPassword(client, poolId, username);
    const user = new CognitoUser({ Username: username, Pool: pool });
    assert.equal((await signIn(user)).kind, 'setup');
    const secret = await new Promise<string>((resolve, reject) => user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }));
    const done = await step((callbacks) => user.verifySoftwareToken(laterCode(secret, 0), 'phone', callbacks));
    assert.equal(done.kind, 'session');
    return { secret, user };
  }

  it('remembers a confirmed device and signs it in by device SRP without MFA', async () => {
    const { secret } = await enrolledUser('dora');
    const user = new CognitoUser({ Username: 'dora', Pool: pool });
    assert.equal((await signIn(user)).kind, 'totp');
    // The code step returns NewDeviceMetadata; the library confirms the device and reports that the user must choose to remember it.
    const signedIn = await step((callbacks) => user.sendMFACode(laterCode(secret, 1), callbacks, 'SOFTWARE_TOKEN_MFA'));
    assert.equal(signedIn.kind, 'session');
    assert.equal((signedIn as { confirmationNecessary: boolean }).confirmationNecessary, true);
    const deviceKey = user.getSignInUserSession()!.getAccessToken().decodePayload().device_key as string;
    assert.match(deviceKey, /^us-east-1_[0-9a-f-]{36}$/);
    await new Promise((resolve, reject) => user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }));

    // Same library storage, so the same device: device SRP instead of a code.
    const again = new CognitoUser({ Username: 'dora', Pool: pool });
    const outcome = await signIn(again);
    assert.equal(outcome.kind, 'session', 'a remembered device skips MFA');
    const session = (outcome as { session: CognitoUserSession }).session;
    assert.equal(session.getAccessToken().decodePayload().device_key, deviceKey);

    const listed = await callback<{ Devices: { DeviceKey: string; DeviceAttributes: { Name: string; Value: string }[] }[] }>((done) =>
      again.listDevices(10, null, { onSuccess: (value) => done(undefined, value), onFailure: (err) => done(err, undefined as never) }));
    assert.deepEqual(listed.Devices.map((device) => device.DeviceKey), [deviceKey]);
    const attributes = Object.fromEntries(listed.Devices[0]!.DeviceAttributes.map((a) => [a.Name, a.Value]));
    assert.equal(attributes['dev:device_remembered_status'], 'remembered');
    assert.equal(attributes.device_status, 'valid');

    const { Device } = await client.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: 'dora', DeviceKey: deviceKey }));
    assert.equal(Device!.DeviceKey, deviceKey);
    assert.ok(Device!.DeviceLastAuthenticatedDate! >= Device!.DeviceCreateDate!);

    // Not remembered any more: the code is asked for again (the device proves itself after it).
    await client.send(new AdminUpdateDeviceStatusCommand({ UserPoolId: poolId, Username: 'dora', DeviceKey: deviceKey, DeviceRememberedStatus: 'not_remembered' }));
    assert.equal((await signIn(new CognitoUser({ Username: 'dora', Pool: pool }))).kind, 'totp');

    await client.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: 'dora', DeviceKey: deviceKey }));
    await assert.rejects(client.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: 'dora', DeviceKey: deviceKey })),
      { name: 'ResourceNotFoundException', message: 'Device does not exist.' });
    const { Devices } = await client.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: 'dora' }));
    assert.deepEqual(Devices, []);
  });

  it('refuses a device proof made with the wrong secret', async () => {
    const { secret } = await enrolledUser('wendy');
    const user = new CognitoUser({ Username: 'wendy', Pool: pool });
    assert.equal((await signIn(user)).kind, 'totp');
    await step((callbacks) => user.sendMFACode(laterCode(secret, 1), callbacks, 'SOFTWARE_TOKEN_MFA'));
    await new Promise((resolve, reject) => user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }));
    // Corrupt the library's stored device secret: the device SRP proof no longer matches the verifier.
    const storage = (pool as unknown as { storage: Storage }).storage;
    const key = `CognitoIdentityServiceProvider.${pool.getClientId()}.wendy.randomPasswordKey`;
    assert.ok(storage.getItem(key), 'the library keeps its device secret in its storage');
    storage.setItem(key, 'not-the-device-secret');
    await assert.rejects(signIn(new CognitoUser({ Username: 'wendy', Pool: pool })), { code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('lists and forgets devices through boto3 and the AWS CLI v2', async () => {
    const { secret } = await enrolledUser('carl');
    const user = new CognitoUser({ Username: 'carl', Pool: pool });
    await signIn(user);
    await step((callbacks) => user.sendMFACode(laterCode(secret, 1), callbacks, 'SOFTWARE_TOKEN_MFA'));
    const deviceKey = user.getSignInUserSession()!.getAccessToken().decodePayload().device_key as string;

    const listed = await boto3Call(server, 'admin_list_devices', { UserPoolId: poolId, Username: 'carl' });
    assert.ok(listed.ok, JSON.stringify(listed));
    assert.deepEqual((listed.result as { Devices: { DeviceKey: string }[] }).Devices.map((d) => d.DeviceKey), [deviceKey]);
    const preference = await boto3Call(server, 'admin_set_user_mfa_preference', { UserPoolId: poolId, Username: 'carl', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    assert.ok(preference.ok, JSON.stringify(preference));

    const cli = await awsCli(server, ['admin-get-device', '--user-pool-id', poolId, '--username', 'carl', '--device-key', deviceKey]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal((cli.json as { Device: { DeviceKey: string } }).Device.DeviceKey, deviceKey);
    const forgot = await awsCli(server, ['admin-forget-device', '--user-pool-id', poolId, '--username', 'carl', '--device-key', deviceKey]);
    assert.equal(forgot.code, 0, forgot.stderr);
    const gone = await awsCli(server, ['admin-get-device', '--user-pool-id', poolId, '--username', 'carl', '--device-key', deviceKey]);
    assert.notEqual(gone.code, 0);
    assert.match(gone.stderr, /ResourceNotFoundException/);
  });
});
