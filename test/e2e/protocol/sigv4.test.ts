/**
 * SigV4 end to end: the SDK v3, boto3 and the AWS CLI sign with the admin key and get through; wrong
 * secrets, unknown keys, unsigned calls and skewed clocks get AWS's answers, on every signed
 * operation of the model; presigned URLs work; the operations botocore marks unauthenticated need
 * no signature at all.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { it } from 'node:test';
import { AdminGetUserCommand, ListUserPoolsCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { model } from '../../../src/protocol/generated/cognito-idp.js';
import { SLOW, adminClient, awsCli } from '../../support/aws.js';
import { boto3 } from '../../support/boto3.js';
import { describeEngines } from '../../support/engines.js';
import { missingAuthenticationToken, signatureMismatch, unrecognizedClient, usernameExists } from '../../support/errors.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { ADMIN } from '../../support/gatehouse.js';
import { jsonRequest, signedFetch, signRequest, wirePath, type AwsReply } from '../../support/signed-fetch.js';
import { useGatehouse } from '../../support/use-gatehouse.js';

const WRONG_SECRET = { accessKeyId: ADMIN.accessKeyId, secretAccessKey: 'definitely/not/the/secret/access/key/000' };
const UNKNOWN_KEY = { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: ADMIN.secretAccessKey };
const AUTH_ERRORS = ['MissingAuthenticationTokenException', 'InvalidSignatureException', 'UnrecognizedClientException', 'IncompleteSignatureException'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MINUTE = 60_000;

const signedOperations = Object.entries(model.operations).filter(([, operation]) => operation.auth === 'sigv4').map(([name]) => name);

describeEngines('SigV4 at the edge', (engine) => {
  const { server } = useGatehouse(engine);

  it('lets a call signed by the SDK v3 through', async () => {
    const result = await adminClient(server).send(new ListUserPoolsCommand({ MaxResults: 10 }));
    assert.deepEqual(result.UserPools, []);
    assert.equal(result.$metadata.httpStatusCode, 200);
    assert.match(result.$metadata.requestId ?? '', UUID);
  });

  it('refuses the wrong secret with InvalidSignatureException', async () => {
    await assert.rejects(adminClient(server, WRONG_SECRET).send(new ListUserPoolsCommand({ MaxResults: 10 })), (error: Error & { $metadata: { httpStatusCode?: number } }) => {
      assert.equal(error.name, 'InvalidSignatureException');
      assert.match(error.message, /^The request signature we calculated does not match/);
      assert.equal(error.$metadata.httpStatusCode, 400);
      return true;
    });
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    await assert.rejects(adminClient(server, UNKNOWN_KEY).send(new ListUserPoolsCommand({ MaxResults: 10 })),
      { name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
  });

  it('answers an unsigned call of a signed operation with MissingAuthenticationTokenException, AWS-shaped', async () => {
    const reply = await signedFetch(server, 'ListUserPools', { MaxResults: 10 }, { unsigned: true });
    assert.equal(reply.status, 400);
    assert.equal(reply.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException:');
    assert.equal(reply.headers.get('x-amzn-errormessage'), 'Missing Authentication Token');
    assert.match(reply.headers.get('x-amzn-requestid') ?? '', UUID);
    assert.equal(reply.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.deepEqual(reply.json, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('refuses a clock more than 15 minutes off, and the SDK corrects its clock from our Date header as it does with AWS', async () => {
    const client = adminClient(server, ADMIN, { systemClockOffset: -20 * MINUTE });
    await assert.rejects(client.send(new ListUserPoolsCommand({ MaxResults: 10 })), { name: 'InvalidSignatureException', message: /^Signature expired: / });
    assert.ok(Math.abs(client.config.systemClockOffset) < 5_000, `offset corrected to ${client.config.systemClockOffset}`);
    assert.deepEqual((await client.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools, []);

    const ahead = adminClient(server, ADMIN, { systemClockOffset: 20 * MINUTE });
    await assert.rejects(ahead.send(new ListUserPoolsCommand({ MaxResults: 10 })), { name: 'InvalidSignatureException', message: /^Signature not yet current: / });
    assert.deepEqual((await ahead.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools, []);
  });

  it('sends a Date header close to the real time on every response', async () => {
    for (const reply of [await signedFetch(server, 'ListUserPools', { MaxResults: 1 }), await signedFetch(server, 'ListUserPools', {}, { unsigned: true })]) {
      const date = Date.parse(reply.headers.get('date') ?? '');
      assert.ok(Math.abs(date - Date.now()) < 5_000, `Date: ${reply.headers.get('date')}`);
    }
  });

  it('accepts a presigned query-string request, and refuses it once expired', async () => {
    const fresh = await signedFetch(server, 'ListUserPools', { MaxResults: 10 }, { presign: true });
    assert.equal(fresh.status, 200, fresh.text);
    assert.deepEqual(fresh.json, { UserPools: [] });
    const stale = await signedFetch(server, 'ListUserPools', { MaxResults: 10 }, { presign: true, expiresIn: 60, signingDate: new Date(Date.now() - 2 * MINUTE) });
    assert.equal(stale.status, 400);
    assert.equal(stale.json?.__type, 'InvalidSignatureException');
  });

  it('verifies a header sent as several lines, as SigV4 joins them', async () => {
    const signed = await signRequest(jsonRequest(server.url, 'ListUserPools', '{"MaxResults":5}', { headers: { 'x-custom': 'one,two' } }));
    const { host: _host, ...headers } = signed.headers;
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(`${server.url}${wirePath(signed)}`, { method: 'POST', headers: { ...headers, 'x-custom': ['one', 'two'] } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode!));
      });
      outgoing.on('error', reject);
      outgoing.end(signed.body);
    });
    assert.equal(status, 200);
  });

  it('lets boto3 through with the admin key, and refuses it with a wrong secret', SLOW, async () => {
    const ok = await boto3(server, '    return client.list_user_pools(MaxResults=10)["UserPools"]');
    assert.deepEqual(ok, { ok: true, result: [] });
    const refused = await boto3(server, '    return client.list_user_pools(MaxResults=10)', WRONG_SECRET);
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.code, 'InvalidSignatureException');
    assert.equal(!refused.ok && refused.status, 400);
  });

  it('lets the AWS CLI v2 through with the admin key, and refuses it with a wrong secret', SLOW, async () => {
    const ok = await awsCli(server, ['list-user-pools', '--max-results', '10']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(ok.json, { UserPools: [] });
    const refused = await awsCli(server, ['list-user-pools', '--max-results', '10'], WRONG_SECRET);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /\(InvalidSignatureException\) when calling the ListUserPools operation/);
  });

  it('asks no signature of the operations botocore marks unauthenticated', async () => {
    const unauthenticated = Object.entries(model.operations).filter(([, operation]) => operation.auth === 'none').map(([name]) => name);
    assert.equal(unauthenticated.length, 32);
    for (const name of unauthenticated) {
      for (const options of [{ unsigned: true }, { credentials: WRONG_SECRET }]) {
        const reply = await signedFetch(server, name, {}, options);
        const type = String(reply.json?.__type ?? '');
        assert.ok(!AUTH_ERRORS.includes(type), `${name} answered ${type}`);
        assert.ok(reply.status < 500 || type === 'NotImplementedException', `${name}: ${reply.status} ${reply.text}`);
      }
    }
  });

  it('refuses an unsigned call, a wrong secret and an unknown key on every signed operation of the model', async () => {
    // Derived from the model, so an operation added to it is covered without touching this test.
    assert.equal(signedOperations.length + 32, Object.keys(model.operations).length);
    assert.ok(signedOperations.includes('AdminCreateUser') && !signedOperations.includes('SignUp'));
    const refusals = [
      { label: 'unsigned', options: { unsigned: true }, expected: missingAuthenticationToken },
      { label: 'wrong secret', options: { credentials: WRONG_SECRET }, expected: signatureMismatch },
      { label: 'unknown key', options: { credentials: UNKNOWN_KEY }, expected: unrecognizedClient },
    ];
    const failures: string[] = [];
    const check = (name: string, label: string, reply: AwsReply, expected: { name: string; message?: string | RegExp }) => {
      const type = reply.json?.__type;
      const message = String(reply.json?.message ?? '');
      const messageOk = expected.message === undefined || (typeof expected.message === 'string' ? message === expected.message : expected.message.test(message));
      if (reply.status !== 400 || type !== expected.name || !messageOk) failures.push(`${name} (${label}): ${reply.status} ${reply.text}`);
    };
    for (const name of signedOperations) {
      const replies = await Promise.all(refusals.map(({ options }) => signedFetch(server, name, {}, options)));
      refusals.forEach(({ label, expected }, i) => check(name, label, replies[i]!, expected));
      // The control: the same call signed with the admin key gets past the signature check.
      const signed = await signedFetch(server, name, {});
      if (signed.status >= 500 && signed.json?.__type !== 'NotImplementedException') failures.push(`${name} (signed): ${signed.status} ${signed.text}`);
      if (AUTH_ERRORS.includes(String(signed.json?.__type))) failures.push(`${name} (signed): refused as ${signed.text}`);
    }
    assert.deepEqual(failures, []);
  });

  it('lets the SDK call SignUp without any credentials, and SignUp itself answers', async () => {
    const { poolId, app } = await createPoolWithClient(adminClient(server), 'sign-up-unsigned');
    const anonymous = adminClient(server, { accessKeyId: '', secretAccessKey: '' });
    const { UserSub, UserConfirmed } = await anonymous.send(new SignUpCommand({ ClientId: app.clientId, Username: 'jane', Password: 'Passw0rd!-long' }));
    assert.match(UserSub ?? '', UUID);
    assert.equal(UserConfirmed, false);
    // SignUp's own rules answer too, not an authentication error: the name is taken now.
    await assert.rejects(anonymous.send(new SignUpCommand({ ClientId: app.clientId, Username: 'jane', Password: 'Passw0rd!-long' })), usernameExists);
    assert.equal((await adminClient(server).send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'jane' }))).UserStatus, 'UNCONFIRMED');
  });
});
