/** Signing in with boto3 (python3) and the AWS CLI v2, pointed at Gatehouse by endpoint alone. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { SLOW, awsCli } from '../../../support/aws.js';
import { boto3Call } from '../../../support/boto3.js';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import type { Gatehouse } from '../../../support/gatehouse.js';
import { PASSWORD, claimsOf, createUserWithPassword, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

interface Boto3Answer {
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string };
  error?: { Code: string; Message: string };
}

/** The answer as the test reads it: the response, or the error's code and message. */
async function boto3(server: Pick<Gatehouse, 'url'>, call: string, args: Record<string, unknown>): Promise<Boto3Answer> {
  const answer = await boto3Call(server, call, args);
  return answer.ok ? answer.result as Boto3Answer : { error: { Code: answer.code, Message: answer.message! } };
}

describeEngines('boto3 and the AWS CLI signing in', (engine) => {
  const { server, client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'python'));
    await createUserWithPassword(client, poolId, 'pyotr');
  });

  it('boto3 signs in with initiate_auth and admin_initiate_auth', SLOW, async () => {
    const plain = await boto3(server, 'initiate_auth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'pyotr', PASSWORD } });
    assert.equal(claimsOf(plain.AuthenticationResult!.AccessToken).username, 'pyotr');
    const admin = await boto3(server, 'admin_initiate_auth', { UserPoolId: poolId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'pyotr', PASSWORD } });
    assert.equal(claimsOf(admin.AuthenticationResult!.IdToken)['cognito:username'], 'pyotr');
    const refreshed = await boto3(server, 'initiate_auth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: app.clientId, AuthParameters: { REFRESH_TOKEN: admin.AuthenticationResult!.RefreshToken } });
    assert.ok(refreshed.AuthenticationResult!.AccessToken);
    const wrong = await boto3(server, 'initiate_auth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'pyotr', PASSWORD: 'Wrong-Horse-9' } });
    assert.deepEqual(wrong.error, { Code: 'NotAuthorizedException', Message: 'Incorrect username or password.' });
  });

  it('the AWS CLI signs a user up, an administrator confirms it, and it signs in', SLOW, async () => {
    const signUp = await awsCli(server, ['sign-up', '--client-id', app.clientId, '--username', 'clio', '--password', PASSWORD]);
    assert.equal(signUp.code, 0, signUp.stderr);
    assert.equal((signUp.json as { UserConfirmed: boolean }).UserConfirmed, false);
    const early = await awsCli(server, ['initiate-auth', '--auth-flow', 'USER_PASSWORD_AUTH', '--client-id', app.clientId, '--auth-parameters', `USERNAME=clio,PASSWORD=${PASSWORD}`]);
    assert.match(early.stderr, /UserNotConfirmedException/);
    const confirm = await awsCli(server, ['admin-confirm-sign-up', '--user-pool-id', poolId, '--username', 'clio']);
    assert.equal(confirm.code, 0, confirm.stderr);
    const signIn = await awsCli(server, ['initiate-auth', '--auth-flow', 'USER_PASSWORD_AUTH', '--client-id', app.clientId, '--auth-parameters', `USERNAME=clio,PASSWORD=${PASSWORD}`]);
    assert.equal(signIn.code, 0, signIn.stderr);
    assert.equal(claimsOf((signIn.json as Boto3Answer).AuthenticationResult!.AccessToken).username, 'clio');
  });

  it('the AWS CLI signs in with initiate-auth', SLOW, async () => {
    const result = await awsCli(server, ['initiate-auth', '--auth-flow', 'USER_PASSWORD_AUTH', '--client-id', app.clientId, '--auth-parameters', `USERNAME=pyotr,PASSWORD=${PASSWORD}`]);
    assert.equal(result.code, 0, result.stderr);
    const { AuthenticationResult } = result.json as Boto3Answer;
    assert.equal(claimsOf(AuthenticationResult!.IdToken)['cognito:username'], 'pyotr');
    const wrong = await awsCli(server, ['initiate-auth', '--auth-flow', 'USER_PASSWORD_AUTH', '--client-id', app.clientId, '--auth-parameters', 'USERNAME=pyotr,PASSWORD=Wrong-Horse-9']);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /NotAuthorizedException.*Incorrect username or password\./);
  });
});
