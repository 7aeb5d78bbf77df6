/**
 * The edges of verifySignature (src/protocol/sigv4.ts) that the broad tests in sigv4.test.ts step
 * over: the exact ends of the 15-minute window and of a presigned URL's life, the default life of a
 * presigned URL without X-Amz-Expires, which headers must be signed, and a lower-case method.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HttpRequest } from '@smithy/types';
import { verifySignature, type SignedRequest } from '../../src/protocol/sigv4.js';
import { ADMIN } from '../support/gatehouse.js';
import { jsonRequest, signRequest, wirePath, type SignOptions } from '../support/signed-fetch.js';

const NOW = Date.UTC(2024, 4, 17, 12, 30, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const secrets = (id: string) => (id === ADMIN.accessKeyId ? ADMIN.secretAccessKey : undefined);
const options = { service: 'cognito-idp', regions: ['us-east-1'] as readonly string[], secrets, mustSign: ['x-amz-target'], now: NOW };
const mismatch = { name: 'InvalidSignatureException', message: /^The request signature we calculated does not match/ };

function received(request: HttpRequest, query = request.query): SignedRequest {
  const headers: SignedRequest['headers'] = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return { method: request.method, url: wirePath({ ...request, query }), headers, body: Buffer.from(request.body as string) };
}

const signed = (sign: SignOptions = {}, headers?: Record<string, string | undefined>) =>
  signRequest(jsonRequest('http://127.0.0.1:9329', 'ListUserPools', '{}', { headers }), { signingDate: new Date(NOW), ...sign });
const verify = (request: SignedRequest, now = NOW, overrides: Partial<typeof options> = {}) => verifySignature(request, { ...options, now, ...overrides });

describe('verifySignature: edges', () => {
  it('accepts a header signature exactly 15 minutes either side of its clock, and not a second more', async () => {
    const request = received(await signed());
    assert.equal(verify(request, NOW + 15 * MINUTE).accessKeyId, ADMIN.accessKeyId);
    assert.equal(verify(request, NOW - 15 * MINUTE).accessKeyId, ADMIN.accessKeyId);
    assert.throws(() => verify(request, NOW + 15 * MINUTE + SECOND), {
      name: 'InvalidSignatureException', message: 'Signature expired: 20240517T123000Z is now earlier than 20240517T123001Z (20240517T124501Z - 15 min.)',
    });
    assert.throws(() => verify(request, NOW - 15 * MINUTE - SECOND), {
      name: 'InvalidSignatureException', message: 'Signature not yet current: 20240517T123000Z is still later than 20240517T122959Z (20240517T121459Z + 15 min.)',
    });
  });

  it('accepts a presigned URL until the second it expires, however long after 15 minutes that is', async () => {
    const request = received(await signed({ presign: true, expiresIn: 3600 }));
    assert.equal(verify(request, NOW + 3600 * SECOND).accessKeyId, ADMIN.accessKeyId, 'an hour later, at its expiry');
    assert.throws(() => verify(request, NOW + 3600 * SECOND + 1), {
      name: 'InvalidSignatureException', message: 'Signature expired: 20240517T123000Z is now earlier than 20240517T123000Z (20240517T133000Z - 3600 sec.)',
    });
    assert.throws(() => verify(request, NOW - 15 * MINUTE - SECOND), { name: 'InvalidSignatureException', message: /^Signature not yet current/ });
  });

  it('gives a presigned URL without X-Amz-Expires 900 seconds, before it even looks at the signature', async () => {
    const presigned = await signed({ presign: true, expiresIn: 60 });
    const { 'X-Amz-Expires': _, ...query } = presigned.query!;
    const request = received(presigned, query);
    assert.throws(() => verify(request, NOW + 900 * SECOND), mismatch, 'still live at 900 s: only the signature fails');
    assert.throws(() => verify(request, NOW + 900 * SECOND + 1), {
      name: 'InvalidSignatureException', message: 'Signature expired: 20240517T123000Z is now earlier than 20240517T123000Z (20240517T124500Z - 900 sec.)',
    });
  });

  it('needs host signed always, and the target only when the edge says so', async () => {
    const withoutTarget = received(await signed({ unsignableHeaders: new Set(['x-amz-target']) }));
    assert.throws(() => verify(withoutTarget), { name: 'InvalidSignatureException', message: "The 'x-amz-target' header must be signed." });
    assert.equal(verify(withoutTarget, NOW, { mustSign: undefined }).accessKeyId, ADMIN.accessKeyId);
    const request = received(await signed());
    const authorization = String(request.headers.authorization).replace('SignedHeaders=content-type;host;', 'SignedHeaders=content-type;');
    assert.notEqual(authorization, request.headers.authorization);
    assert.throws(() => verify({ ...request, headers: { ...request.headers, authorization } }, NOW, { mustSign: undefined }), {
      name: 'InvalidSignatureException', message: "The 'host' header must be signed.",
    });
  });

  it('refuses a session token in a presigned query string', async () => {
    const presigned = await signed({ presign: true });
    const request = received(presigned, { ...presigned.query, 'X-Amz-Security-Token': 'token' });
    assert.throws(() => verify(request), { name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
  });

  it('takes the method in any case, as it signs it upper-cased', async () => {
    const request = received(await signed());
    assert.equal(verify({ ...request, method: 'post' }).accessKeyId, ADMIN.accessKeyId);
  });

  it('refuses a well-formed signature of the right length that is wrong in its last byte', async () => {
    const request = received(await signed());
    const authorization = String(request.headers.authorization).replace(/Signature=(\w+)(\w\w)$/, (_, head: string, last: string) => `Signature=${head}${last === '00' ? '01' : '00'}`);
    assert.notEqual(authorization, request.headers.authorization);
    assert.throws(() => verify({ ...request, headers: { ...request.headers, authorization } }), mismatch);
  });
});
