/**
 * amazon-cognito-identity-js's MFA flows against a running server, unchanged but for its
 * `endpoint`: TOTP set up while signed in (associateSoftwareToken, verifySoftwareToken) and then
 * asked for (totpRequired, sendMFACode), TOTP set up during sign-in when the pool requires MFA
 * (mfaSetup), and SMS codes (mfaRequired) read from the SMS outbox.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession, type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';
import { Secret, TOTP } from 'otpauth';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { PASSWORD, createAppClient, createUserWithPassword } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

type Outcome =
  | { kind: 'session'; session: CognitoUserSession }
  | { kind: 'totp' | 'sms' | 'setup' | 'select'; challenge: string; parameters: Record<string, string> };

/** Runs one callback-style step of the library to its first outcome. */
function step(run: (callbacks: IAuthenticationCallback) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => run({
    onSuccess: (session) => resolve({ kind: 'session', session }),
    onFailure: reject,
    totpRequired: (challenge, parameters) => resolve({ kind: 'totp', challenge, parameters }),
    mfaRequired: (challenge, parameters) => resolve({ kind: 'sms', challenge, parameters }),
    mfaSetup: (challenge, parameters) => resolve({ kind: 'setup', challenge, parameters }),
    selectMFAType: (challenge, parameters) => resolve({ kind: 'select', challenge, parameters }),
  }));
}

/**
 * The code an authenticator shows 30 seconds from now: accepted within the allowed drift and
 * never the one a verification a moment ago used.
 */
const nextCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + 30_000 });
const currentCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

const SMS_ROLE = { SnsCallerArn: 'arn:aws:iam::123456789012:role/cognito-sms', ExternalId: 'gatehouse' };

describeEngines('amazon-cognito-identity-js MFA', (engine) => {
  const { server, client, sms } = useGatehouse(engine, { sms: true });

  async function poolFor(name: string, mfa: Omit<ConstructorParameters<typeof SetUserPoolMfaConfigCommand>[0], 'UserPoolId'>): Promise<CognitoUserPool> {
    const poolId = await createPool(client, name);
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, ...mfa }));
    const { clientId } = await createAppClient(client, poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    return new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.url });
  }
  const signIn = (user: CognitoUser) =>
    step((callbacks) => user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: PASSWORD }), callbacks));
  const associate = (user: CognitoUser) => new Promise<string>((resolve, reject) =>
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }));

  it('sets up TOTP while signed in, then answers totpRequired with sendMFACode', async () => {
    const pool = await poolFor('identity-js-totp', { MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
    await createUserWithPassword(client, pool.getUserPoolId(), 'tina');
    const user = new CognitoUser({ Username: 'tina', Pool: pool });
    assert.equal((await signIn(user)).kind, 'session');
    const secret = await associate(user);
    const verified = await step((callbacks) => user.verifySoftwareToken(currentCode(secret), 'phone', callbacks));
    assert.equal(verified.kind, 'session');
    await new Promise<void>((resolve, reject) => user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, (err) => (err ? reject(err) : resolve())));

    const again = new CognitoUser({ Username: 'tina', Pool: pool });
    const challenge = await signIn(again);
    assert.equal(challenge.kind, 'totp');
    await assert.rejects(step((callbacks) => again.sendMFACode('000000', callbacks, 'SOFTWARE_TOKEN_MFA')), { code: 'CodeMismatchException' });
    const outcome = await step((callbacks) => again.sendMFACode(nextCode(secret), callbacks, 'SOFTWARE_TOKEN_MFA'));
    assert.equal(outcome.kind, 'session');
    const session = (outcome as { session: CognitoUserSession }).session;
    assert.ok(session.isValid());
    assert.equal(session.getAccessToken().decodePayload().username, 'tina');
  });

  it('sets up TOTP during sign-in when the pool requires MFA (mfaSetup)', async () => {
    const pool = await poolFor('identity-js-setup', { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    await createUserWithPassword(client, pool.getUserPoolId(), 'sam');
    const user = new CognitoUser({ Username: 'sam', Pool: pool });
    const setup = await signIn(user);
    assert.equal(setup.kind, 'setup');
    const secret = await associate(user);
    const outcome = await step((callbacks) => user.verifySoftwareToken(currentCode(secret), 'laptop', callbacks));
    assert.equal(outcome.kind, 'session');
    assert.ok((outcome as { session: CognitoUserSession }).session.isValid());

    const challenge = await signIn(new CognitoUser({ Username: 'sam', Pool: pool }));
    assert.equal(challenge.kind, 'totp');
  });

  it('answers mfaRequired with the SMS code the server sent', async () => {
    const pool = await poolFor('identity-js-sms', { MfaConfiguration: 'ON', SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code: {####}', SmsConfiguration: SMS_ROLE } });
    const phone = '+15555550142';
    await createUserWithPassword(client, pool.getUserPoolId(), 'sid', { attributes: { phone_number: phone } });
    const user = new CognitoUser({ Username: 'sid', Pool: pool });
    const challenge = await signIn(user);
    assert.equal(challenge.kind, 'sms');
    assert.equal((challenge as { parameters: Record<string, string> }).parameters.CODE_DELIVERY_DESTINATION, '+*******0142');
    const text = await sms.next(phone);
    assert.match(text.message, /^Code: \d{6}$/);
    const outcome = await step((callbacks) => user.sendMFACode(text.code!, callbacks));
    assert.equal(outcome.kind, 'session');
  });
});
