/**
 * Bad input, table-driven over all 122 cognito-idp operations, plus the HTTP-level faults: every
 * answer is an AWS-shaped 4xx (501 only for a valid call of an operation not built yet), never
 * another 5xx, never a dropped connection, never Fastify's own error body.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { model } from '../../../src/protocol/generated/cognito-idp.js';
import { inParallel, probesFor, type Probe } from '../../support/bad-input-probes.js';
import { describeEngines } from '../../support/engines.js';
import { readReply, signedFetch, type AwsReply } from '../../support/signed-fetch.js';
import { useGatehouse } from '../../support/use-gatehouse.js';

const BODY_LIMIT = 4 * 1024 * 1024;

/** An AWS JSON error: the status, `__type` and message in the body, the same type in x-amzn-ErrorType, a request id. */
function assertAwsError(reply: AwsReply, status: number, type: string, context = ''): void {
  assert.equal(reply.status, status, `${context}: ${reply.status} ${reply.text.slice(0, 300)}`);
  assert.equal(reply.json?.__type, type, `${context}: ${reply.text.slice(0, 300)}`);
  assert.equal(typeof reply.json?.message, 'string', context);
  assert.equal(reply.headers.get('x-amzn-errortype'), `${type}:`, context);
  assert.ok(reply.headers.get('x-amzn-requestid'), `${context}: no request id`);
  assert.equal(reply.headers.get('content-type'), 'application/x-amz-json-1.1', context);
  assert.ok(!('statusCode' in (reply.json ?? {})), `${context}: Fastify-shaped body ${reply.text}`);
}

describeEngines('bad input', (engine) => {
  const { server } = useGatehouse(engine);

  it('answers every bad body of every operation with the AWS error for it', async () => {
    const probes = probesFor(model);
    assert.equal(Object.keys(model.operations).length, 122);
    assert.ok(probes.length > 1000, `${probes.length} probes`);
    const failures: string[] = [];
    await inParallel(probes, 8, async (probe) => {
      const unsigned = model.operations[probe.operation]!.auth === 'none';
      try {
        check(probe, await signedFetch(server, probe.operation, probe.body, { unsigned }));
      } catch (error) {
        failures.push(`${probe.operation} / ${probe.label}: ${(error as Error).message.split('\n')[0]}`);
      }
    });
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${probes.length} probes failed`);
  });

  function check(probe: Probe, reply: AwsReply): void {
    if (probe.type === undefined) {
      // Nothing required and nothing wrong: the operation runs, or says it is not built yet.
      const type = reply.json?.__type;
      assert.ok(reply.status < 500 || (reply.status === 501 && type === 'NotImplementedException'), `${reply.status} ${reply.text}`);
      if (reply.status >= 400) assertAwsError(reply, reply.status, String(type), 'valid call');
      return;
    }
    assertAwsError(reply, 400, probe.type, probe.label);
    const message = String(reply.json!.message);
    if (probe.mentions) assert.ok(message.includes(probe.mentions), `message lacks "${probe.mentions}": ${message.slice(0, 300)}`);
    if (probe.secret) assert.ok(!message.includes(probe.secret) && !reply.headers.get('x-amzn-errormessage')!.includes(probe.secret), 'echoed a sensitive value');
  }

  it('answers unknown, missing and malformed targets with UnknownOperationException', async () => {
    const targets: (string | undefined)[] = [
      'AWSCognitoIdentityProviderService.NoSuchOperation', 'AWSCognitoIdentityProviderService.', 'AWSCognitoIdentityProviderService',
      'DynamoDB_20120810.ListTables', 'NoSuchService.ListUserPools', 'ListUserPools', '', undefined,
      'AWSCognitoIdentityProviderService.constructor', 'AWSCognitoIdentityProviderService.__proto__', 'AWSCognitoIdentityProviderService.toString',
      'awscognitoidentityproviderservice.ListUserPools', 'AWSCognitoIdentityProviderService.listUserPools',
    ];
    for (const target of targets) {
      const reply = await signedFetch(server, 'ListUserPools', { MaxResults: 1 }, { headers: { 'x-amz-target': target } });
      assertAwsError(reply, 400, 'UnknownOperationException', `target ${target}`);
    }
  });

  it('refuses content types other than AWS JSON', async () => {
    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const reply = await signedFetch(server, 'ListUserPools', { MaxResults: 1 }, { headers: { 'content-type': contentType } });
      assertAwsError(reply, 400, 'UnknownOperationException', `content type ${contentType}`);
    }
    for (const contentType of ['application/x-amz-json-1.0', 'application/json', 'application/x-amz-json-1.1; charset=UTF-8']) {
      const reply = await signedFetch(server, 'ListUserPools', { MaxResults: 1 }, { headers: { 'content-type': contentType } });
      assert.equal(reply.status, 200, `${contentType}: ${reply.text}`);
    }
  });

  it('answers a body over the limit with an AWS-shaped 413 that the client gets to read', async () => {
    const big = JSON.stringify({ MaxResults: 1, Padding: 'x'.repeat(BODY_LIMIT) });
    assertAwsError(await signedFetch(server, 'ListUserPools', big), 413, 'RequestEntityTooLargeException', 'signed');
    assertAwsError(await signedFetch(server, 'SignUp', big, { unsigned: true }), 413, 'RequestEntityTooLargeException', 'unsigned');
    const justUnder = JSON.stringify({ MaxResults: 1, Padding: 'x'.repeat(BODY_LIMIT - 40) });
    assert.ok(Buffer.byteLength(justUnder) <= BODY_LIMIT);
    assert.equal((await signedFetch(server, 'ListUserPools', justUnder)).status, 200);
  });

  it('answers unknown routes and undecodable URLs AWS-shaped, not Fastify-shaped', async () => {
    const fetchReply = async (path: string, init: RequestInit = {}) => readReply(await fetch(`${server.url}${path}`, init));
    assertAwsError(await fetchReply('/'), 404, 'UnknownOperationException', 'GET /');
    assertAwsError(await fetchReply('/no/such/path', { method: 'POST', body: '{}' }), 404, 'UnknownOperationException', 'POST elsewhere');
    assertAwsError(await fetchReply('/', { method: 'PUT', body: '{}' }), 404, 'UnknownOperationException', 'PUT /');
    assertAwsError(await fetchReply('/%E0%A4%A/.well-known/jwks.json'), 400, 'SerializationException', 'bad escape');
  });

  it('keeps serving after all of that', async () => {
    assert.equal((await signedFetch(server, 'ListUserPools', { MaxResults: 1 })).status, 200);
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
  });
});
