/**
 * Challenges with the SDK v3: USER_SRP_AUTH step by step (test/support/srp-exchange.ts, on
 * amazon-cognito-identity-js's SRP helper), NEW_PASSWORD_REQUIRED, and sessions that serve one answer.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminGetUserCommand, AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand, InitiateAuthCommand, RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { expiredSession, incorrectPassword } from '../../../support/errors.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, claimsOf, createAppClient, createUserWithPassword, passwordSignIn, type AppClient } from '../../../support/sign-in.js';
import { srpExchange } from '../../../support/srp-exchange.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const NEW_PASSWORD = 'Brand-New-Pass-7';

describeEngines('sign-in challenges', (engine) => {
  const { client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'challenges', {
      UsernameAttributes: ['email'],
      Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true, Mutable: true }, { Name: 'plan', AttributeDataType: 'String' }],
    }));
  });

  const srpSignIn = (target: AppClient, typed: string, password: string, tamper?: (answer: Record<string, string>) => void) =>
    srpExchange(client, poolId, target, typed, password, { tamper });

  it('completes USER_SRP_AUTH for an email typed in any case, answering with the internal username', async () => {
    await createUserWithPassword(client, poolId, 'sam@example.com', { attributes: { name: 'Sam' } });
    const { Username } = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'sam@example.com' }));
    const { challenge, respond } = await srpSignIn(app, 'SAM@example.com', PASSWORD);
    const parameters = challenge.ChallengeParameters!;
    assert.equal(parameters.USER_ID_FOR_SRP, Username);
    assert.equal(parameters.USERNAME, Username);
    assert.match(parameters.SALT!, /^[0-9a-f]+$/);
    assert.match(parameters.SRP_B!, /^[0-9a-f]+$/);
    assert.ok(Buffer.from(parameters.SECRET_BLOCK!, 'base64').length >= 64);
    const result = await respond();
    assert.deepEqual(result.ChallengeParameters, {});
    assert.equal(claimsOf(result.AuthenticationResult!.IdToken).email, 'sam@example.com');
    await assert.rejects(respond(), expiredSession, 'a session serves one answer');
  });

  it('refuses a wrong password, a forged secret block or timestamp, and a missing signature', async () => {
    await createUserWithPassword(client, poolId, 'tom@example.com', { attributes: { name: 'Tom' } });
    await assert.rejects((await srpSignIn(app, 'tom@example.com', 'Wrong-Horse-9')).respond(), incorrectPassword);
    await assert.rejects((await srpSignIn(app, 'tom@example.com', PASSWORD, (a) => { a.TIMESTAMP = `${a.TIMESTAMP} `; })).respond(), incorrectPassword);
    await assert.rejects((await srpSignIn(app, 'tom@example.com', PASSWORD, (a) => { a.PASSWORD_CLAIM_SECRET_BLOCK = Buffer.alloc(96, 1).toString('base64'); })).respond(), incorrectPassword);
    await assert.rejects((await srpSignIn(app, 'tom@example.com', PASSWORD, (a) => { delete a.PASSWORD_CLAIM_SIGNATURE; })).respond(),
      { name: 'InvalidParameterException', message: 'Missing required parameter PASSWORD_CLAIM_SIGNATURE' });
    assert.ok((await (await srpSignIn(app, 'tom@example.com', PASSWORD)).respond()).AuthenticationResult);
  });

  it('runs SRP through AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    await createUserWithPassword(client, poolId, 'ada@example.com', { attributes: { name: 'Ada' } });
    const done = await (await srpExchange(client, poolId, app, 'ada@example.com', PASSWORD, { admin: true })).respond();
    assert.equal(claimsOf(done.AuthenticationResult!.IdToken).email, 'ada@example.com');
  });

  it('checks SECRET_HASH on both steps of SRP, over the typed name and then the internal username', async () => {
    const confidential = await createAppClient(client, poolId, { GenerateSecret: true });
    await createUserWithPassword(client, poolId, 'uma@example.com', { attributes: { name: 'Uma' } });
    assert.ok((await (await srpSignIn(confidential, 'uma@example.com', PASSWORD)).respond()).AuthenticationResult);
    const missing = await srpSignIn(confidential, 'uma@example.com', PASSWORD, (a) => { delete a.SECRET_HASH; });
    await assert.rejects(missing.respond(), { name: 'NotAuthorizedException', message: `Client ${confidential.clientId} is configured for secret but secret was not received` });
  });

  it('asks a user with a temporary password for a new one, with its attributes', async () => {
    await createUserWithPassword(client, poolId, 'vic@example.com', { permanent: false, attributes: { name: 'Vic', 'custom:plan': 'pro' } });
    const first = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'vic@example.com', PASSWORD } }));
    assert.equal(first.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    const parameters = first.ChallengeParameters!;
    const { Username } = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'vic@example.com' }));
    assert.equal(parameters.USER_ID_FOR_SRP, Username);
    // AdminCreateUser now insists on required attributes, so none is missing here.
    assert.deepEqual(JSON.parse(parameters.requiredAttributes!), []);
    const attributes = JSON.parse(parameters.userAttributes!) as Record<string, string>;
    assert.deepEqual([attributes.email, attributes.name, attributes['custom:plan'], attributes.sub], ['vic@example.com', 'Vic', 'pro', undefined]);

    const answer = (ChallengeResponses: Record<string, string>) =>
      client.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session, ChallengeResponses: { USERNAME: Username!, ...ChallengeResponses } }));
    await assert.rejects(answer({ NEW_PASSWORD: 'short' }), { name: 'InvalidPasswordException' });
    await assert.rejects(answer({ NEW_PASSWORD, 'userAttributes.name': 'Vic' }), { name: 'NotAuthorizedException', message: 'Cannot modify an already provided name' });
    const done = await answer({ NEW_PASSWORD, 'userAttributes.custom:plan': 'max', 'userAttributes.email': 'vic@example.com' });
    const claims = claimsOf(done.AuthenticationResult!.IdToken);
    assert.deepEqual([claims.name, claims['custom:plan']], ['Vic', 'max']);
    await assert.rejects(answer({ NEW_PASSWORD }), expiredSession, 'the session served its answer');
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'vic@example.com' }));
    assert.equal(user.UserStatus, 'CONFIRMED');
    assert.ok(await passwordSignIn(client, app, 'vic@example.com', NEW_PASSWORD));
    await assert.rejects(passwordSignIn(client, app, 'vic@example.com', PASSWORD), { name: 'NotAuthorizedException' });
  });

  it('answers NEW_PASSWORD_REQUIRED after SRP and through the admin operations', async () => {
    await createUserWithPassword(client, poolId, 'wes@example.com', { permanent: false, attributes: { name: 'Wes' } });
    const srp = await srpSignIn(app, 'wes@example.com', PASSWORD);
    const next = await srp.respond();
    assert.equal(next.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    assert.deepEqual(JSON.parse(next.ChallengeParameters!.requiredAttributes!), []);

    await createUserWithPassword(client, poolId, 'xia@example.com', { permanent: false, attributes: { name: 'Xia' } });
    const first = await client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: app.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'xia@example.com', PASSWORD } }));
    const done = await client.send(new AdminRespondToAuthChallengeCommand({
      UserPoolId: poolId, ClientId: app.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session, ChallengeResponses: { USERNAME: 'xia@example.com', NEW_PASSWORD },
    }));
    assert.ok(done.AuthenticationResult?.AccessToken);
    const other = await createAppClient(client, poolId);
    await assert.rejects(client.send(new RespondToAuthChallengeCommand({
      ClientId: other.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: next.Session, ChallengeResponses: { USERNAME: 'wes@example.com', NEW_PASSWORD },
    })), expiredSession, 'a session belongs to the client that opened it');
    await assert.rejects(client.send(new RespondToAuthChallengeCommand({
      ClientId: app.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'x'.repeat(40), ChallengeResponses: { USERNAME: 'wes@example.com', NEW_PASSWORD },
    })), expiredSession);
  });
});
