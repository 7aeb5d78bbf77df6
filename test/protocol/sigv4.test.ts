/**
 * verifySignature against requests signed by the AWS SDK's own signer (@smithy/signature-v4), in
 * both forms, over the paths, queries, headers and bodies real clients send, and against tampering.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HttpRequest } from '@smithy/types';
import { verifySignature, type SignedRequest } from '../../src/protocol/sigv4.js';
import { ADMIN } from '../support/gatehouse.js';
import { jsonRequest, signRequest, wirePath, type FetchOptions, type SignOptions } from '../support/signed-fetch.js';

const NOW = Date.UTC(2024, 4, 17, 12, 30, 0);
const MINUTE = 60_000;
const BODY = JSON.stringify({ MaxResults: 10 });
const secrets = (id: string) => (id === ADMIN.accessKeyId ? ADMIN.secretAccessKey : undefined);
const verifyOptions = { service: 'cognito-idp', regions: ['us-east-1'] as readonly string[], secrets, mustSign: ['x-amz-target'], now: NOW };

/** What the edge hands the verifier: raw path and query, lower-case headers, body bytes. */
function received(request: HttpRequest, changes: { body?: string; headers?: Record<string, string | string[] | undefined> } = {}): SignedRequest {
  const headers: SignedRequest['headers'] = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  Object.assign(headers, changes.headers);
  return { method: request.method, url: wirePath(request), headers, body: Buffer.from(changes.body ?? (request.body as string)) };
}

async function signed(options: SignOptions & Pick<FetchOptions, 'path' | 'query' | 'headers'> & { body?: string } = {}): Promise<HttpRequest> {
  const request = jsonRequest('http://127.0.0.1:9329', 'ListUserPools', options.body ?? BODY, options);
  return signRequest(request, { signingDate: new Date(NOW), ...options });
}

const verify = (request: SignedRequest, overrides: Partial<typeof verifyOptions> = {}) => verifySignature(request, { ...verifyOptions, ...overrides });

describe('verifySignature: requests the SDK signs', () => {
  it('accepts the Authorization header form and names the signer', async () => {
    assert.deepEqual(verify(received(await signed())), { accessKeyId: ADMIN.accessKeyId, region: 'us-east-1' });
  });

  it('accepts the presigned query-string form, which hashes the body', async () => {
    const request = await signed({ presign: true });
    assert.ok(request.query!['X-Amz-Signature'], 'the signature travels in the query');
    assert.equal(request.headers.authorization, undefined);
    assert.equal(verify(received(request)).accessKeyId, ADMIN.accessKeyId);
  });


  const paths = [
    '/',
    '/identitypools/us-east-1%3A0f9b2e4c-1111-2222-3333-444455556666/identities/us-east-1%3Aabc/datasets/my%20data%2Bset',
    '/identitypools/pool/identities/id/datasets/caf%C3%A9%21%27%28%29%2A',
    '/a/b/',
    '/a//b',
    '/a/./b/../c',
    '/path%2Fwith%2Fencoded%2Fslashes',
    '/~user/_-.',
  ];
  for (const path of paths) {
    it(`accepts the path ${path}`, async () => {
      assert.equal(verify(received(await signed({ path }))).accessKeyId, ADMIN.accessKeyId);
      assert.equal(verify(received(await signed({ path, presign: true }))).accessKeyId, ADMIN.accessKeyId);
    });
  }

  it('accepts query strings with reserved characters, empty values and repeated names', async () => {
    const query = { nextToken: 'a b+c/=&?', maxResults: '10', empty: '', repeated: ['b', 'a'], 'ünï': 'çødé', '~tilde': '*star*' };
    assert.equal(verify(received(await signed({ query }))).accessKeyId, ADMIN.accessKeyId);
    assert.equal(verify(received(await signed({ query, presign: true }))).accessKeyId, ADMIN.accessKeyId);
  });

  it('accepts repeated headers, joined with commas, and values with runs of spaces', async () => {
    const request = await signed({ headers: { 'x-custom': 'one,two', 'x-spaced': '  a   b  ' } });
    // On the wire a client may send the list as two header lines; each value is trimmed on its own.
    assert.equal(verify(received(request, { headers: { 'x-custom': ['one', '  two '], 'x-spaced': 'a b' } })).accessKeyId, ADMIN.accessKeyId);
  });

  for (const [label, body] of [['empty', ''], ['unicode', JSON.stringify({ Name: 'Grüße 👋 \u2028' })], ['large', JSON.stringify({ Blob: 'x'.repeat(300_000) })]] as const) {
    it(`accepts an ${label} body`, async () => {
      assert.equal(verify(received(await signed({ body }))).accessKeyId, ADMIN.accessKeyId);
    });
  }

  it('accepts a region the server is told to accept besides its own, and reports it', async () => {
    assert.equal(verify(received(await signed({ region: 'eu-west-3' })), { regions: ['us-east-1', 'eu-west-3'] }).region, 'eu-west-3');
  });

  it('accepts a request signed up to 15 minutes either side of its clock', async () => {
    for (const skew of [-14 * MINUTE, 14 * MINUTE]) {
      assert.equal(verify(received(await signed({ signingDate: new Date(NOW + skew) }))).accessKeyId, ADMIN.accessKeyId);
    }
  });
});

describe('verifySignature: tampering and bad material', () => {
  const mismatch = { name: 'InvalidSignatureException', message: /^The request signature we calculated does not match the signature you provided\./ };

  it('refuses a changed body, even though the signed x-amz-content-sha256 still claims the old one', async () => {
    const request = await signed();
    assert.ok(request.headers['x-amz-content-sha256'], 'the SDK declares the payload hash');
    assert.throws(() => verify(received(request, { body: JSON.stringify({ MaxResults: 60 }) })), mismatch);
    assert.throws(() => verify(received(request, { body: '' })), mismatch);
  });

  it('refuses a changed body under a presigned URL that hashed it', async () => {
    const request = await signed({ presign: true });
    assert.throws(() => verify(received(request, { body: '{}' })), mismatch);
  });

  it('refuses a changed signed header', async () => {
    const request = await signed();
    assert.throws(() => verify(received(request, { headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.DeleteUserPool' } })), mismatch);
    assert.throws(() => verify(received(request, { headers: { 'content-type': 'application/json' } })), mismatch);
  });

  it('refuses a changed path, query or method', async () => {
    const request = await signed({ query: { a: '1' } });
    assert.throws(() => verify({ ...received(request), url: '/?a=2' }), mismatch);
    assert.throws(() => verify({ ...received(request), url: '/other?a=1' }), mismatch);
    assert.throws(() => verify({ ...received(request), method: 'PUT' }), mismatch);
  });

  it('refuses a signature that leaves out the target header, so it cannot be replayed as another operation', async () => {
    const request = await signed({ unsignableHeaders: new Set(['x-amz-target']) });
    assert.throws(() => verify(received(request)), { name: 'InvalidSignatureException', message: "The 'x-amz-target' header must be signed." });
  });

  it('refuses the wrong secret', async () => {
    const request = await signed({ credentials: { accessKeyId: ADMIN.accessKeyId, secretAccessKey: 'not-the-secret' } });
    assert.throws(() => verify(received(request)), mismatch);
  });

  it('refuses a credential scoped to another service', async () => {
    const request = await signed({ service: 'cognito-identity' });
    assert.throws(() => verify(received(request)), { name: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'cognito-idp'. " });
  });

  it('refuses a request signed more than 15 minutes ago, or ahead', async () => {
    const late = await signed({ signingDate: new Date(NOW - 16 * MINUTE) });
    const early = await signed({ signingDate: new Date(NOW + 16 * MINUTE) });
    assert.throws(() => verify(received(late)), {
      name: 'InvalidSignatureException',
      message: 'Signature expired: 20240517T121400Z is now earlier than 20240517T121500Z (20240517T123000Z - 15 min.)',
    });
    assert.throws(() => verify(received(early)), {
      name: 'InvalidSignatureException',
      message: 'Signature not yet current: 20240517T124600Z is still later than 20240517T124500Z (20240517T123000Z + 15 min.)',
    });
  });

  it('refuses a presigned URL once it has expired, or whose expiry was altered', async () => {
    const request = await signed({ presign: true, expiresIn: 60 });
    assert.throws(() => verify(received(request), { now: NOW + 61_000 }), { name: 'InvalidSignatureException', message: /^Signature expired/ });
    const stretched = { ...request, query: { ...request.query, 'X-Amz-Expires': '3600' } };
    assert.throws(() => verify(received(stretched), { now: NOW + 61_000 }), mismatch);
    const garbled = { ...request, query: { ...request.query, 'X-Amz-Expires': 'forever' } };
    assert.throws(() => verify(received(garbled)), { name: 'IncompleteSignatureException' });
  });

  it('refuses an unknown access key, and any session token', async () => {
    const request = await signed({ credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' } });
    const unrecognized = { name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
    assert.throws(() => verify(received(request)), unrecognized);
    const withToken = await signed({ credentials: { ...ADMIN, sessionToken: 'token' } });
    assert.throws(() => verify(received(withToken)), unrecognized);
  });

  it('answers a missing Authorization header with MissingAuthenticationTokenException', async () => {
    const request = await signed();
    assert.throws(() => verify(received(request, { headers: { authorization: undefined } })), { name: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('answers malformed material with IncompleteSignatureException', async () => {
    const request = await signed();
    const auth = request.headers.authorization!;
    const malformed: Record<string, string | undefined>[] = [
      { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9' },
      { authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20240517/us-east-1/cognito-idp/aws4_request' },
      { authorization: auth.replace(/Credential=[^,]+/, 'Credential=AKIA/20240517/us-east-1/cognito-idp') },
      { authorization: auth.replace(/Credential=[^,]+/, 'Credential=AKIA/2024-05-17/us-east-1/cognito-idp/aws4_request') },
      { 'x-amz-date': '2024-05-17T12:30:00Z' },
      { 'x-amz-date': '20241317T123000Z' },
      { 'x-amz-date': undefined },
    ];
    for (const headers of malformed) {
      assert.throws(() => verify(received(request, { headers })), { name: 'IncompleteSignatureException' }, JSON.stringify(headers));
    }
  });

  it('refuses a credential date that differs from the request date', async () => {
    const request = await signed();
    const auth = request.headers.authorization!.replace('/20240517/', '/20240516/');
    assert.throws(() => verify(received(request, { headers: { authorization: auth } })), { name: 'InvalidSignatureException', message: /^Date in Credential scope does not match/ });
  });

  it('refuses a signature that is not hex, or is truncated', async () => {
    const request = await signed();
    for (const signature of ['zz', request.headers.authorization!.slice(-64, -2)]) {
      const auth = request.headers.authorization!.replace(/Signature=\w+/, `Signature=${signature}`);
      assert.throws(() => verify(received(request, { headers: { authorization: auth } })), mismatch);
    }
  });

  it('refuses a credential scoped to a region other than the server\'s (issue 6)', async () => {
    const wrongRegion = { name: 'InvalidSignatureException', message: 'Credential should be scoped to a valid region. ' };
    for (const region of ['zz-nowhere-9', 'eu-west-3']) {
      const request = await signed({ region });
      assert.throws(() => verify(received(request)), wrongRegion, region);
    }
  });

  it('refuses two Authorization headers, whichever of them is good (issue 6)', async () => {
    const good = (await signed()).headers.authorization!;
    const bad = good.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`);
    const twice = { name: 'IncompleteSignatureException', message: 'The Authorization header must appear only once.' };
    const request = await signed();
    for (const authorization of [[bad, good], [good, bad], [good, good]]) {
      assert.throws(() => verify(received(request, { headers: { authorization } })), twice);
    }
  });

  it('refuses a request signed both in its header and in its query string', async () => {
    const presigned = await signed({ presign: true });
    const header = (await signed()).headers.authorization!;
    assert.throws(() => verify(received(presigned, { headers: { authorization: header } })), { name: 'IncompleteSignatureException', message: /^Only one auth mechanism allowed/ });
  });

  it('refuses repeated signature material in the query string', async () => {
    const request = await signed({ presign: true });
    const url = `${wirePath(request)}&X-Amz-Signature=${'0'.repeat(64)}`;
    assert.throws(() => verify({ ...received(request), url }), { name: 'IncompleteSignatureException', message: "AWS query-string parameter 'X-Amz-Signature' must appear only once." });
  });

  it('never honours UNSIGNED-PAYLOAD in a presigned URL: the payload hash is that of the body received (issue 6)', async () => {
    const request = await signed({ presign: true, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    assert.throws(() => verify(received(request, { body: '{"any":"body"}' })), mismatch);
    assert.throws(() => verify(received(request)), mismatch);
  });
});
