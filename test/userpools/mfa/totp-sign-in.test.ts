/**
 * TOTP, SMS and email second factors at sign-in, in process on both engines through the SDK, with
 * a clock the test moves: AssociateSoftwareToken / VerifySoftwareToken with an access token and
 * through MFA_SETUP's Session, the SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP and SELECT_MFA_TYPE
 * challenges, each code once, five wrong answers per session, and the session's lifetime.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminGetUserCommand, AdminInitiateAuthCommand, AdminSetUserMFAPreferenceCommand, AssociateSoftwareTokenCommand, GetUserCommand,
  InitiateAuthCommand, RespondToAuthChallengeCommand, SetUserMFAPreferenceCommand, SetUserPoolMfaConfigCommand, VerifySoftwareTokenCommand,
  type CognitoIdentityProviderClient, type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { describeEngines } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess, type MovableClock } from '../../support/in-process.js';
import { PASSWORD, createUserWithPassword, signIn, type AppClient } from '../../support/sign-in.js';

const STEP = 30_000;
const totp = (secret: string, clock: MovableClock) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: clock.now() });

const startSignIn = (client: CognitoIdentityProviderClient, app: AppClient, username: string): Promise<InitiateAuthCommandOutput> =>
  client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: username, PASSWORD } }));

const answer = (client: CognitoIdentityProviderClient, app: AppClient, challenge: InitiateAuthCommandOutput, responses: Record<string, string>) =>
  client.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: challenge.ChallengeName, Session: challenge.Session, ChallengeResponses: responses }));

describeEngines('TOTP and code second factors (in process)', (engine) => {
  const server = useInProcess(engine, { mail: true, sms: true });
  let client: CognitoIdentityProviderClient;
  let clock: MovableClock;
  before(() => {
    ({ client, clock } = server);
  });

  /** A user who set up TOTP with its access token; returns the secret. */
  async function userWithTotp(poolId: string, app: AppClient, username: string): Promise<string> {
    await createUserWithPassword(client, poolId, username);
    const { accessToken } = await signIn(client, app, username);
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totp(SecretCode!, clock), FriendlyDeviceName: 'phone' }));
    clock.advance(STEP);
    return SecretCode!;
  }

  it('sets up TOTP with an access token, then asks for it at every sign-in, each code once', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'totp-optional');
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    await createUserWithPassword(client, poolId, 'ada');
    const { accessToken } = await signIn(client, app, 'ada');
    const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
    assert.match(SecretCode!, /^[A-Z2-7]{32}$/);
    await assert.rejects(client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: '000000' })),
      { name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' });
    // Not verified yet: TOTP cannot be turned on, and signing in asks for nothing.
    await assert.rejects(client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true } })),
      { name: 'InvalidParameterException', message: 'User has not verified software token mfa' });
    assert.ok((await startSignIn(client, app, 'ada')).AuthenticationResult);

    const verified = await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totp(SecretCode!, clock) }));
    assert.equal(verified.Status, 'SUCCESS');
    const user = await client.send(new GetUserCommand({ AccessToken: accessToken }));
    assert.deepEqual(user.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);

    // The code that verified the token is used: the next sign-in needs the next one.
    const first = await startSignIn(client, app, 'ada');
    assert.equal(first.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    assert.equal(first.AuthenticationResult, undefined);
    await assert.rejects(answer(client, app, first, { USERNAME: 'ada', SOFTWARE_TOKEN_MFA_CODE: totp(SecretCode!, clock) }),
      { name: 'ExpiredCodeException', message: 'Your software token has already been used once.' });
    clock.advance(STEP);
    const code = totp(SecretCode!, clock);
    const signedIn = await answer(client, app, first, { USERNAME: 'ada', SOFTWARE_TOKEN_MFA_CODE: code });
    assert.ok(signedIn.AuthenticationResult?.AccessToken);
    assert.ok(signedIn.AuthenticationResult?.RefreshToken);

    const replay = await startSignIn(client, app, 'ada');
    await assert.rejects(answer(client, app, replay, { USERNAME: 'ada', SOFTWARE_TOKEN_MFA_CODE: code }),
      { name: 'ExpiredCodeException', message: 'Your software token has already been used once.' });
    // One step of drift is allowed, two are not.
    clock.advance(STEP);
    const late = new TOTP({ secret: Secret.fromBase32(SecretCode!) }).generate({ timestamp: clock.now() - STEP });
    const stale = new TOTP({ secret: Secret.fromBase32(SecretCode!) }).generate({ timestamp: clock.now() - 2 * STEP });
    const drift = await startSignIn(client, app, 'ada');
    if (stale !== late) {
      await assert.rejects(answer(client, app, drift, { USERNAME: 'ada', SOFTWARE_TOKEN_MFA_CODE: stale }), { name: 'CodeMismatchException', message: 'Invalid code received for user' });
    }
    clock.advance(STEP);
    assert.ok((await answer(client, app, drift, { USERNAME: 'ada', SOFTWARE_TOKEN_MFA_CODE: new TOTP({ secret: Secret.fromBase32(SecretCode!) }).generate({ timestamp: clock.now() - STEP }) })).AuthenticationResult);
  });

  it('ends a challenge session at the fifth wrong code, refuses its sixth answer, and lets it expire', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'totp-wrong');
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    const secret = await userWithTotp(poolId, app, 'bob');
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    const challenge = await startSignIn(client, app, 'bob');
    assert.equal(challenge.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    for (let i = 0; i < 5; i++) {
      await assert.rejects(answer(client, app, challenge, { USERNAME: 'bob', SOFTWARE_TOKEN_MFA_CODE: i === 0 ? 'abcdef' : '000000' }),
        { name: 'CodeMismatchException', message: 'Invalid code received for user' });
    }
    await assert.rejects(answer(client, app, challenge, { USERNAME: 'bob', SOFTWARE_TOKEN_MFA_CODE: totp(secret, clock) }),
      { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
    // The five wrong codes counted toward the lockout.
    await assert.rejects(startSignIn(client, app, 'bob'), { name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    clock.advance(2_000);

    const slow = await startSignIn(client, app, 'bob');
    clock.advance(3 * 60_000 + 1);
    await assert.rejects(answer(client, app, slow, { USERNAME: 'bob', SOFTWARE_TOKEN_MFA_CODE: totp(secret, clock) }),
      { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
    await assert.rejects(answer(client, app, await startSignIn(client, app, 'bob'), { SOFTWARE_TOKEN_MFA_CODE: totp(secret, clock) }),
      { name: 'InvalidParameterException', message: 'Missing required parameter USERNAME' });
  });

  it('walks a user with no factor through MFA_SETUP when MFA is ON', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'totp-setup');
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    await createUserWithPassword(client, poolId, 'cy');
    const setup = await startSignIn(client, app, 'cy');
    assert.equal(setup.ChallengeName, 'MFA_SETUP');
    assert.deepEqual(JSON.parse(setup.ChallengeParameters!.MFAS_CAN_SETUP!), ['SOFTWARE_TOKEN_MFA']);
    // Answering before a token is verified is refused, and the session stays usable.
    await assert.rejects(answer(client, app, setup, { USERNAME: 'cy' }), { name: 'SoftwareTokenMFANotFoundException' });

    const associated = await client.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    assert.match(associated.SecretCode!, /^[A-Z2-7]{32}$/);
    assert.notEqual(associated.Session, setup.Session);
    // Each Session serves once.
    await assert.rejects(client.send(new AssociateSoftwareTokenCommand({ Session: setup.Session })), { name: 'NotAuthorizedException' });
    await assert.rejects(client.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '123456' })), { name: 'EnableSoftwareTokenMFAException' });
    const verified = await client.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: totp(associated.SecretCode!, clock) }));
    assert.equal(verified.Status, 'SUCCESS');
    const done = await client.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: 'cy' } }));
    assert.ok(done.AuthenticationResult?.IdToken);

    const { UserMFASettingList } = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'cy' }));
    assert.deepEqual(UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
    clock.advance(STEP);
    const next = await client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: app.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'cy', PASSWORD } }));
    assert.equal(next.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  });

  it('sends SMS and email codes, lets a user with both choose, and marks the contact verified', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'codes', { AutoVerifiedAttributes: ['email'] });
    await client.send(new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId, MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Sign-in code {####}', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'x' } },
      EmailMfaConfiguration: { Message: 'Your sign-in code is {####}', Subject: 'Sign-in code' },
    }));
    const phone = '+15555550123';
    const email = 'dee@example.com';
    await createUserWithPassword(client, poolId, 'dee', { attributes: { phone_number: phone, email } });
    await client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'dee', SMSMfaSettings: { Enabled: true }, EmailMfaSettings: { Enabled: true } }));

    const choose = await startSignIn(client, app, 'dee');
    assert.equal(choose.ChallengeName, 'SELECT_MFA_TYPE');
    assert.deepEqual(JSON.parse(choose.ChallengeParameters!.MFAS_CAN_CHOOSE!), ['SMS_MFA', 'EMAIL_OTP']);
    await assert.rejects(answer(client, app, choose, { USERNAME: 'dee', ANSWER: 'SOFTWARE_TOKEN_MFA' }), { name: 'InvalidParameterException' });
    const sms = await answer(client, app, choose, { USERNAME: 'dee', ANSWER: 'SMS_MFA' });
    assert.equal(sms.ChallengeName, 'SMS_MFA');
    assert.equal(sms.ChallengeParameters!.CODE_DELIVERY_DELIVERY_MEDIUM, 'SMS');
    assert.equal(sms.ChallengeParameters!.CODE_DELIVERY_DESTINATION, '+*******0123');
    const text = await server.sms.next(phone);
    assert.match(text.message, /^Sign-in code \d{6}$/);
    await assert.rejects(answer(client, app, sms as InitiateAuthCommandOutput, { USERNAME: 'dee', SMS_MFA_CODE: text.code === '000000' ? '111111' : '000000' }),
      { name: 'CodeMismatchException', message: 'Invalid code received for user' });
    assert.ok((await answer(client, app, sms as InitiateAuthCommandOutput, { USERNAME: 'dee', SMS_MFA_CODE: text.code! })).AuthenticationResult);

    await client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'dee', EmailMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const mail = await startSignIn(client, app, 'dee');
    assert.equal(mail.ChallengeName, 'EMAIL_OTP');
    assert.equal(mail.ChallengeParameters!.CODE_DELIVERY_DESTINATION, 'd***@e***');
    const message = await server.mailbox.next(email);
    assert.equal(message.subject, 'Sign-in code');
    assert.ok((await answer(client, app, mail, { USERNAME: 'dee', EMAIL_OTP_CODE: message.code! })).AuthenticationResult);

    const { UserAttributes } = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dee' }));
    const attribute = (name: string) => UserAttributes!.find((a) => a.Name === name)?.Value;
    assert.equal(attribute('phone_number_verified'), 'true');
    assert.equal(attribute('email_verified'), 'true');
  });

  it('sends an SMS code without any set-up when MFA is ON and the user has a phone number', async () => {
    const { poolId, app } = await createPoolWithClient(client, 'sms-on');
    await client.send(new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'x' } },
    }));
    const phone = '+15555550199';
    await createUserWithPassword(client, poolId, 'eve', { attributes: { phone_number: phone } });
    const challenge = await startSignIn(client, app, 'eve');
    assert.equal(challenge.ChallengeName, 'SMS_MFA');
    const text = await server.sms.next(phone);
    assert.equal(text.message, `Your authentication code is ${text.code}. `);
    assert.ok((await answer(client, app, challenge, { USERNAME: 'eve', SMS_MFA_CODE: text.code! })).AuthenticationResult);
  });
});
