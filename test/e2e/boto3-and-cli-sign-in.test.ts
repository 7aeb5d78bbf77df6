/** Signing in with boto3 (python3) and the AWS CLI v2, pointed at Gatehouse by endpoint alone. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { adminClient, awsCli } from '../support/aws.js';
import { describeEngines } from '../support/engines.js';
import { createPool } from '../support/fixtures.js';
import { ADMIN, REGION, startGatehouse, type Gatehouse } from '../support/gatehouse.js';
import { PASSWORD, claimsOf, createAppClient, createUser, type AppClient } from '../support/sign-in.js';

// Reads {call, args} as JSON on argv, prints the response, or the error code and message.
const BOTO3 = `
import json, sys, boto3, botocore
request = json.loads(sys.argv[1])
idp = boto3.client('cognito-idp', endpoint_url=request['endpoint'], region_name=request['region'],
                   config=botocore.config.Config(retries={'max_attempts': 1}))
try:
    print(json.dumps(getattr(idp, request['call'])(**request['args'])))
except botocore.exceptions.ClientError as error:
    print(json.dumps({'error': error.response['Error']}))
`;

interface Boto3Answer {
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string };
  error?: { Code: string; Message: string };
}

async function boto3(server: Gatehouse, call: string, args: Record<string, unknown>): Promise<Boto3Answer> {
  const { stdout } = await promisify(execFile)('python3', ['-c', BOTO3, JSON.stringify({ endpoint: server.url, region: REGION, call, args })], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: ADMIN.accessKeyId, AWS_SECRET_ACCESS_KEY: ADMIN.secretAccessKey, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
  });
  return JSON.parse(stdout) as Boto3Answer;
}

describeEngines('boto3 and the AWS CLI signing in', (engine) => {
  let server: Gatehouse;
  let client: CognitoIdentityProviderClient;
  let poolId: string;
  let app: AppClient;
  before(async () => {
    server = await startGatehouse({ engine });
    client = adminClient(server);
    poolId = await createPool(client, 'python');
    app = await createAppClient(client, poolId);
    await createUser(client, poolId, 'pyotr');
  });
  after(async () => { await server.stop(); });

  it('boto3 signs in with initiate_auth and admin_initiate_auth', async () => {
    const plain = await boto3(server, 'initiate_auth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'pyotr', PASSWORD } });
    assert.equal(claimsOf(plain.AuthenticationResult!.AccessToken).username, 'pyotr');
    const admin = await boto3(server, 'admin_initiate_auth', { UserPoolId: poolId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'pyotr', PASSWORD } });
    assert.equal(claimsOf(admin.AuthenticationResult!.IdToken)['cognito:username'], 'pyotr');
    const refreshed = await boto3(server, 'initiate_auth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: app.clientId, AuthParameters: { REFRESH_TOKEN: admin.AuthenticationResult!.RefreshToken } });
    assert.ok(refreshed.AuthenticationResult!.AccessToken);
    const wrong = await boto3(server, 'initiate_auth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'pyotr', PASSWORD: 'Wrong-Horse-9' } });
    assert.deepEqual(wrong.error, { Code: 'NotAuthorizedException', Message: 'Incorrect username or password.' });
  });

  it('the AWS CLI signs a user up, an administrator confirms it, and it signs in', async () => {
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

  it('the AWS CLI signs in with initiate-auth', async () => {
    const result = await awsCli(server, ['initiate-auth', '--auth-flow', 'USER_PASSWORD_AUTH', '--client-id', app.clientId, '--auth-parameters', `USERNAME=pyotr,PASSWORD=${PASSWORD}`]);
    assert.equal(result.code, 0, result.stderr);
    const { AuthenticationResult } = result.json as Boto3Answer;
    assert.equal(claimsOf(AuthenticationResult!.IdToken)['cognito:username'], 'pyotr');
    const wrong = await awsCli(server, ['initiate-auth', '--auth-flow', 'USER_PASSWORD_AUTH', '--client-id', app.clientId, '--auth-parameters', 'USERNAME=pyotr,PASSWORD=Wrong-Horse-9']);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /NotAuthorizedException.*Incorrect username or password\./);
  });
});
