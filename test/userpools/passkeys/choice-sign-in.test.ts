/**
 * Passkeys and choice-based sign-in (USER_AUTH), in process on both engines through the SDK: a
 * passkey registered from a software authenticator (StartWebAuthnRegistration,
 * CompleteWebAuthnRegistration), listed, used through SELECT_CHALLENGE and PREFERRED_CHALLENGE,
 * refused when replayed or from a foreign origin or relying party, deleted; email codes and
 * passwords as first factors beside it; GetUserAuthFactors.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  CompleteWebAuthnRegistrationCommand, ConfirmSignUpCommand, DeleteWebAuthnCredentialCommand, SignUpCommand, GetUserAuthFactorsCommand, InitiateAuthCommand,
  ListWebAuthnCredentialsCommand, RespondToAuthChallengeCommand, SetUserPoolMfaConfigCommand, StartWebAuthnRegistrationCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess } from '../../support/in-process.js';
import { passkeyAuthenticator } from '../../support/passkey-authenticator.js';
import { ALL_PASSWORD_FLOWS, PASSWORD, createUserWithPassword, signIn, type AppClient } from '../../support/sign-in.js';

const ORIGIN = 'http://localhost:5173';

describeEngines('passkeys and choice-based sign-in (in process)', (engine) => {
  const server = useInProcess(engine, { mail: true });
  let client: CognitoIdentityProviderClient;
  let poolId: string;
  let app: AppClient;
  before(async () => {
    client = server.client;
    ({ poolId, app } = await createPoolWithClient(client, 'passkeys', {
      AutoVerifiedAttributes: ['email'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] } },
    }, { ExplicitAuthFlows: [...ALL_PASSWORD_FLOWS, 'ALLOW_USER_AUTH'] }));
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'preferred' } }));
  });

  const userAuth = (username: string, extra: Record<string, string> = {}) =>
    client.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: username, ...extra } }));
  const respond = (ChallengeName: string, Session: string | undefined, responses: Record<string, string>) =>
    client.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: ChallengeName as never, Session, ChallengeResponses: responses }));

  async function registered(username: string) {
    await createUserWithPassword(client, poolId, username, { attributes: { email: `${username}@example.com`, email_verified: 'true' } });
    const { accessToken } = await signIn(client, app, username);
    const authenticator = passkeyAuthenticator(username);
    const { CredentialCreationOptions } = await client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    await client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: authenticator.create(CredentialCreationOptions as never, ORIGIN) as never }));
    return { accessToken, authenticator };
  }

  it('registers a passkey and signs in with it through SELECT_CHALLENGE and PREFERRED_CHALLENGE', async () => {
    const { accessToken, authenticator } = await registered('pia');
    const { Credentials } = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken }));
    assert.deepEqual(Credentials!.map((c) => [c.CredentialId, c.RelyingPartyId]), [[authenticator.credentialId, 'localhost']]);
    const factors = await client.send(new GetUserAuthFactorsCommand({ AccessToken: accessToken }));
    assert.deepEqual(factors.ConfiguredUserAuthFactors, ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);

    const choice = await userAuth('pia');
    assert.equal(choice.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(choice.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN']);
    const asked = await respond('SELECT_CHALLENGE', choice.Session, { USERNAME: 'pia', ANSWER: 'WEB_AUTHN' });
    assert.equal(asked.ChallengeName, 'WEB_AUTHN');
    const options = JSON.parse(asked.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as { challenge: string; rpId: string; allowCredentials: { id: string }[] };
    assert.equal(options.rpId, 'localhost');
    assert.deepEqual(options.allowCredentials.map((c) => c.id), [authenticator.credentialId]);
    const assertion = authenticator.get(options, ORIGIN);
    const signedIn = await respond('WEB_AUTHN', asked.Session, { USERNAME: 'pia', CREDENTIAL: JSON.stringify(assertion) });
    assert.ok(signedIn.AuthenticationResult?.AccessToken);

    // Straight to the passkey; an assertion that does not move the counter forward is a replay.
    const direct = await userAuth('pia', { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    assert.equal(direct.ChallengeName, 'WEB_AUTHN');
    const again = JSON.parse(direct.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as { challenge: string; rpId: string };
    await assert.rejects(respond('WEB_AUTHN', direct.Session, { USERNAME: 'pia', CREDENTIAL: JSON.stringify(authenticator.get(again, ORIGIN, { repeatCounter: true })) }),
      { name: 'NotAuthorizedException' });
    // The old assertion, for the old challenge, is refused too; a fresh one passes.
    await assert.rejects(respond('WEB_AUTHN', direct.Session, { USERNAME: 'pia', CREDENTIAL: JSON.stringify(assertion) }), { name: 'NotAuthorizedException' });
    await assert.rejects(respond('WEB_AUTHN', direct.Session, { USERNAME: 'pia', CREDENTIAL: JSON.stringify(authenticator.get(again, 'https://evil.example')) }),
      { name: 'WebAuthnOriginNotAllowedException' });
    assert.ok((await respond('WEB_AUTHN', direct.Session, { USERNAME: 'pia', CREDENTIAL: JSON.stringify(authenticator.get(again, 'https://app.localhost:8443')) })).AuthenticationResult);
  });

  it('refuses registrations without a challenge, from a foreign origin or for another relying party', async () => {
    await createUserWithPassword(client, poolId, 'rex', { attributes: { email: 'rex@example.com', email_verified: 'true' } });
    const { accessToken } = await signIn(client, app, 'rex');
    const authenticator = passkeyAuthenticator('rex');
    const fake = { challenge: 'bm90LWlzc3VlZA', rp: { id: 'localhost' } };
    await assert.rejects(client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: authenticator.create(fake, ORIGIN) as never })),
      { name: 'WebAuthnChallengeNotFoundException' });
    const start = async () => (await client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }))).CredentialCreationOptions as never;
    await assert.rejects(client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: authenticator.create(await start(), 'https://evil.example') as never })),
      { name: 'WebAuthnOriginNotAllowedException' });
    await assert.rejects(client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: authenticator.create(await start(), ORIGIN, { rpId: 'example.com' }) as never })),
      { name: 'WebAuthnRelyingPartyMismatchException' });
    const { Credentials } = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken }));
    assert.deepEqual(Credentials, []);
  });

  it('signs in with an emailed code or a password as the first factor, and forgets a deleted passkey', async () => {
    const { accessToken, authenticator } = await registered('eli');
    const code = await userAuth('eli', { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    assert.equal(code.ChallengeName, 'EMAIL_OTP');
    assert.equal(code.ChallengeParameters!.CODE_DELIVERY_DESTINATION, 'e***@e***');
    const mail = await server.mailbox.next('eli@example.com');
    await assert.rejects(respond('EMAIL_OTP', code.Session, { USERNAME: 'eli', EMAIL_OTP_CODE: mail.code === '000000' ? '111111' : '000000' }), { name: 'CodeMismatchException' });
    assert.ok((await respond('EMAIL_OTP', code.Session, { USERNAME: 'eli', EMAIL_OTP_CODE: mail.code! })).AuthenticationResult);

    assert.ok((await userAuth('eli', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD })).AuthenticationResult);
    await assert.rejects(userAuth('eli', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-Horse-1' }), { name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const choice = await userAuth('eli');
    assert.ok((await respond('SELECT_CHALLENGE', choice.Session, { USERNAME: 'eli', ANSWER: 'PASSWORD', PASSWORD })).AuthenticationResult);

    await client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: accessToken, CredentialId: authenticator.credentialId }));
    await assert.rejects(client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: accessToken, CredentialId: authenticator.credentialId })), { name: 'ResourceNotFoundException' });
    assert.deepEqual((await userAuth('eli')).AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    await assert.rejects(userAuth('nobody'), { name: 'UserNotFoundException' });
  });

  it('signs a newly confirmed user in with ConfirmSignUp\'s Session, once', async () => {
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'neo', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'neo@example.com' }] }));
    const mail = await server.mailbox.next('neo@example.com');
    const { Session } = await client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'neo', ConfirmationCode: mail.code! }));
    assert.ok(Session, 'a client allowing USER_AUTH gets a Session');
    const signedIn = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: app.clientId, Session, AuthParameters: { USERNAME: 'neo' } }));
    assert.ok(signedIn.AuthenticationResult?.IdToken);
    await assert.rejects(client.send(new InitiateAuthCommand({ AuthFlow: 'USER_AUTH', ClientId: app.clientId, Session, AuthParameters: { USERNAME: 'neo' } })),
      { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });
});
