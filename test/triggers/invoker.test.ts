/**
 * The function invoker on its own: the functions file, each runtime (module in worker threads,
 * url, Lambda Invoke API), and each way a call fails, in the invoker's own terms.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createFunctionInvoker, parseFunctionTable, signatureHeaders, type FunctionInvoker } from '../../src/triggers/index.js';
import { loadHandler, startLambdaEndpoint, startUrlFunctions, type FunctionServer } from '../support/function-servers.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const event = () => ({ version: '1', triggerSource: 'PreSignUp_SignUp', request: {}, response: {} });

describe('functions file', () => {
  it('resolves module paths against the file and refuses malformed entries', () => {
    const table = parseFunctionTable({ a: { module: './a.mjs', handler: 'index.pre' }, b: { url: 'http://127.0.0.1:1/x' }, c: { lambda: 'http://127.0.0.1:2' } }, '/srv/fns');
    assert.deepEqual(table.get('a'), { runtime: 'module', path: '/srv/fns/a.mjs', exportName: 'pre' });
    assert.deepEqual(table.get('b'), { runtime: 'url', url: 'http://127.0.0.1:1/x', secret: undefined });
    assert.deepEqual(table.get('c'), { runtime: 'lambda', endpoint: 'http://127.0.0.1:2' });
    assert.throws(() => parseFunctionTable([], '/'), /expected a JSON object/);
    assert.throws(() => parseFunctionTable({ a: { module: 'a.py' } }, '/'), /\.mjs, \.js or \.ts/);
    assert.throws(() => parseFunctionTable({ a: { module: 'a.mjs', url: 'http://x' } }, '/'), /exactly one/);
    assert.throws(() => parseFunctionTable({ a: { url: 'ftp://x' } }, '/'), /not an http/);
  });
});

describe('module runtime', () => {
  let invoker: FunctionInvoker;
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-fns-'));
    copyFileSync(join(fixtures, 'echo-async.mjs'), join(dir, 'reloaded.mjs'));
    invoker = createFunctionInvoker({
      region: 'us-east-1', timeoutMs: 1000,
      functions: parseFunctionTable({
        'echo-async': { module: join(fixtures, 'echo-async.mjs') },
        [arn('echo-callback')]: { module: join(fixtures, 'echo-callback.cjs') },
        typed: { module: join(fixtures, 'echo-typed.ts'), handler: 'index.preSignUp' },
        throws: { module: join(fixtures, 'failures.mjs'), handler: 'throws' },
        hangs: { module: join(fixtures, 'failures.mjs'), handler: 'hangs' },
        callbackError: { module: join(fixtures, 'failures.mjs'), handler: 'callbackError' },
        missingExport: { module: join(fixtures, 'failures.mjs'), handler: 'nothing' },
        reloaded: { module: join(dir, 'reloaded.mjs') },
      }, '/'),
    });
  });
  after(() => invoker.close());

  it('runs the async form with Lambda context, by bare name', async () => {
    const result = (await invoker.invoke(arn('echo-async'), event())) as { response: unknown };
    assert.deepEqual(result.response, { seen: { functionName: 'echo-async', hasRequestId: true, remaining: true } });
  });

  it('runs the CommonJS callback form, by full ARN', async () => {
    const result = (await invoker.invoke(arn('echo-callback'), event())) as { response: unknown };
    assert.deepEqual(result.response, { form: 'callback' });
  });

  it('runs a TypeScript handler under a named export', async () => {
    const result = (await invoker.invoke(arn('typed'), event())) as { response: unknown };
    assert.deepEqual(result.response, { form: 'typescript' });
  });

  it('reports a thrown error and a callback error as the function failing with its message', async () => {
    await assert.rejects(invoker.invoke(arn('throws'), event()), { name: 'FunctionFailure', kind: 'function-error', message: 'Invalid email domain' });
    await assert.rejects(invoker.invoke(arn('callbackError'), event()), { name: 'FunctionFailure', kind: 'function-error', message: 'called back with an error' });
  });

  it('stops a function that overruns its time, and the next call still works', async () => {
    await assert.rejects(invoker.invoke(arn('hangs'), event()), { name: 'FunctionFailure', kind: 'invocation-failed', message: /timed out/ });
    await assert.rejects(invoker.invoke(arn('hangs'), event()), { name: 'FunctionFailure', kind: 'invocation-failed', message: /timed out/ });
    await invoker.invoke(arn('echo-async'), event());
  });

  it('cannot call a missing export or an unmapped ARN', async () => {
    await assert.rejects(invoker.invoke(arn('missingExport'), event()), { name: 'FunctionFailure', kind: 'invocation-failed', message: /does not export/ });
    await assert.rejects(invoker.invoke(arn('nobody'), event()), { name: 'FunctionFailure', kind: 'invocation-failed', message: /no function is configured for arn:aws:lambda:us-east-1:123456789012:function:nobody/ });
  });

  it('reloads a file changed on disk', async () => {
    assert.deepEqual(((await invoker.invoke(arn('reloaded'), event())) as { response: { seen?: unknown } }).response.seen !== undefined, true);
    writeFileSync(join(dir, 'reloaded.mjs'), 'export const handler = async (event) => ({ ...event, response: { version: 2 } });\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'reloaded.mjs'), later, later);
    assert.deepEqual(((await invoker.invoke(arn('reloaded'), event())) as { response: unknown }).response, { version: 2 });
  });
});

describe('url runtime', () => {
  let server: FunctionServer;
  let invoker: FunctionInvoker;
  before(async () => {
    const echo = await loadHandler(join(fixtures, 'echo-async.mjs'));
    server = await startUrlFunctions({
      echo, throws: await loadHandler(join(fixtures, 'failures.mjs'), 'throws'),
      garbage: async () => { throw Object.assign(new Error('x'), { raw: true }); },
    });
    invoker = createFunctionInvoker({
      region: 'us-east-1', timeoutMs: 1000,
      functions: parseFunctionTable({
        echo: { url: `${server.url}/echo`, secret: 's3cret' }, throws: { url: `${server.url}/throws` },
        missing: { url: `${server.url}/missing` }, unreachable: { url: 'http://127.0.0.1:1/' },
      }, '/'),
    });
  });
  after(async () => {
    await invoker.close();
    await server.close();
  });

  it('POSTs the event, signed with the secret, and takes the JSON reply', async () => {
    const result = (await invoker.invoke(arn('echo'), event())) as { response: { seen: { functionName: string } } };
    assert.equal(result.response.seen.functionName, 'echo');
    const sent = server.requests.at(-1)!;
    const expected = signatureHeaders('s3cret', sent.body, Number(sent.headers['x-gatehouse-timestamp']) * 1000);
    assert.equal(sent.headers['x-gatehouse-signature'], expected['x-gatehouse-signature']);
  });

  it('maps an error body, a 404 and a refused connection', async () => {
    await assert.rejects(invoker.invoke(arn('throws'), event()), { name: 'FunctionFailure', kind: 'function-error', message: 'Invalid email domain' });
    await assert.rejects(invoker.invoke(arn('missing'), event()), { name: 'FunctionFailure', kind: 'invocation-failed', message: /HTTP 404/ });
    await assert.rejects(invoker.invoke(arn('unreachable'), event()), { name: 'FunctionFailure', kind: 'invocation-failed', message: /could not be reached/ });
  });
});

describe('lambda runtime (Invoke API)', () => {
  let server: FunctionServer;
  let invoker: FunctionInvoker;
  const saved = { ...process.env };
  before(async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    server = await startLambdaEndpoint({
      echo: await loadHandler(join(fixtures, 'echo-async.mjs')),
      throws: await loadHandler(join(fixtures, 'failures.mjs'), 'throws'),
    });
    invoker = createFunctionInvoker({ region: 'us-east-1', timeoutMs: 2000, lambdaEndpoint: server.url });
  });
  after(async () => {
    process.env = saved;
    await invoker.close();
    await server.close();
  });

  it('invokes through the Invoke API, SigV4-signed, for an ARN no file maps', async () => {
    const result = (await invoker.invoke(arn('echo'), event())) as { response: { seen: { functionName: string } } };
    assert.equal(result.response.seen.functionName, 'echo');
    const sent = server.requests.at(-1)!;
    assert.equal(sent.path, `/2015-03-31/functions/${encodeURIComponent(arn('echo'))}/invocations`);
    assert.match(String(sent.headers.authorization), /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/lambda\/aws4_request/);
    assert.equal(sent.headers['x-amz-invocation-type'], 'RequestResponse');
  });

  it('maps X-Amz-Function-Error and an unknown function', async () => {
    await assert.rejects(invoker.invoke(arn('throws'), event()), { name: 'FunctionFailure', kind: 'function-error', message: 'Invalid email domain' });
    await assert.rejects(invoker.invoke(arn('nobody'), event()), { name: 'FunctionFailure', kind: 'invocation-failed', message: /could not be invoked \(ResourceNotFoundException\)/ });
  });
});
