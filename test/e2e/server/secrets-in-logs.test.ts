/**
 * Logs never carry a code, a password, a temporary password, a token or a secret, at any level:
 * the server runs at `trace`, the most verbose, through sign-up, sign-in, refresh, recovery,
 * admin-created users (mail and SMS) and failed attempts, and its whole output is searched for
 * every secret the run handled.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  AdminCreateUserCommand, ConfirmForgotPasswordCommand, ConfirmSignUpCommand, ForgotPasswordCommand, InitiateAuthCommand,
  RespondToAuthChallengeCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { ADMIN } from '../../support/gatehouse.js';
import { lastTo } from '../../support/outbox.js';
import { createAppClient } from '../../support/sign-in.js';
import { useGatehouse } from '../../support/use-gatehouse.js';
import { attributeList } from '../../support/users.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describeEngines('secrets in the log', (engine) => {
  const { client, server } = useGatehouse(engine, { env: { GATEHOUSE_LOG_LEVEL: 'trace' } });

  it('never appear, at the most verbose level', async () => {
    const secrets: string[] = [ADMIN.secretAccessKey];
    const { poolId, app } = await createPoolWithClient(client, 'logs', { AutoVerifiedAttributes: ['email'] });
    secrets.push((await createAppClient(client, poolId, { GenerateSecret: true })).secret!);
    const signIn = (USERNAME: string, PASSWORD: string) =>
      client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));

    // Sign-up, its code, sign-in and refresh.
    const password = 'Sign-Up-Pass-2931';
    secrets.push(password);
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'lena', Password: password, UserAttributes: attributeList({ email: 'lena@example.com' }) }));
    const signUpCode = lastTo(server.dataDir, 'mail', 'lena@example.com').code!;
    secrets.push(signUpCode);
    await assert.rejects(client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'lena', ConfirmationCode: '000000' })), { name: 'CodeMismatchException' });
    await client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'lena', ConfirmationCode: signUpCode }));
    const tokens = (await signIn('lena', password)).AuthenticationResult!;
    secrets.push(tokens.AccessToken!, tokens.IdToken!, tokens.RefreshToken!);
    const refreshed = (await client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }))).AuthenticationResult!;
    secrets.push(refreshed.AccessToken!, refreshed.IdToken!);
    const wrong = 'Wrong-Guess-8812';
    secrets.push(wrong);
    await assert.rejects(signIn('lena', wrong), { name: 'NotAuthorizedException' });
    await assert.rejects(signIn('nobody-here', wrong), { name: 'UserNotFoundException' });

    // Recovery.
    await client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: 'lena' }));
    const recoveryCode = lastTo(server.dataDir, 'mail', 'lena@example.com').code!;
    const recovered = 'Recovered-Pass-5520';
    secrets.push(recoveryCode, recovered);
    await client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: 'lena', ConfirmationCode: recoveryCode, Password: recovered }));

    // Admin-created users: a chosen temporary password by SMS, a generated one by mail, and the new-password challenge.
    await client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'max', TemporaryPassword: 'Chosen-Temp-7741', UserAttributes: attributeList({ phone_number: '+15550100009' }) }));
    secrets.push('Chosen-Temp-7741');
    assert.equal(lastTo(server.dataDir, 'sms', '+15550100009').temporaryPassword, 'Chosen-Temp-7741');
    await client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'nia', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: attributeList({ email: 'nia@example.com' }) }));
    const generated = lastTo(server.dataDir, 'mail', 'nia@example.com').temporaryPassword!;
    secrets.push(generated);
    const challenge = await signIn('nia', generated);
    assert.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    secrets.push(challenge.Session!);
    const chosen = 'Nia-Own-Pass-6603';
    secrets.push(chosen);
    const answered = await client.send(new RespondToAuthChallengeCommand({
      ClientId: app.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: 'nia', NEW_PASSWORD: chosen },
    }));
    secrets.push(answered.AuthenticationResult!.AccessToken!, answered.AuthenticationResult!.RefreshToken!);

    await server.stop();
    const log = server.output();
    assert.ok(log.length > 0, 'the server wrote nothing at trace level');
    for (const secret of secrets) {
      assert.ok(secret.length >= 6, `a secret too short to search for: ${secret}`);
      assert.doesNotMatch(log, new RegExp(`(^|[^0-9A-Za-z])${escape(secret)}($|[^0-9A-Za-z])`), `the log contains a secret: ${secret.slice(0, 12)}…`);
    }
  });
});
