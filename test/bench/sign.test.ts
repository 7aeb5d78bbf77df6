/** The benchmark's pre-signer must produce what the SDK's signer produces and what Gatehouse accepts. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { Signer } from '../../bench/sign.js';
import { verifySignature } from '../../src/protocol/sigv4.js';

const credentials = { accessKeyId: 'AKIAGATEHOUSEBENCH01', secretAccessKey: 'bench/secret' };
const now = new Date('2025-06-01T12:34:56Z');
const input = { UserPoolId: 'us-east-1_abcdefghi', GroupName: 'bench-group-7' };

it('signs exactly as @smithy/signature-v4 does', async () => {
  const ours = new Signer('http://127.0.0.1:9329', credentials, 'us-east-1', now).sign('CreateGroup', input);
  const { authorization, 'content-length': _length, ...signedHeaders } = ours.headers;
  const sdk = new SignatureV4({ credentials, region: 'us-east-1', service: 'cognito-idp', sha256: Sha256, applyChecksum: false });
  const signed = await sdk.sign(
    { method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 9329, path: '/', query: {}, headers: signedHeaders, body: ours.body.toString() },
    { signingDate: now },
  );
  assert.equal(authorization, signed.headers.authorization);
});

it('passes Gatehouse verification and fails it under another secret', () => {
  const request = new Signer('http://127.0.0.1:9329', credentials, 'us-east-1', now).sign('CreateGroup', input);
  const wire = { method: 'POST', url: '/', headers: request.headers, body: request.body };
  const principal = verifySignature(wire, { service: 'cognito-idp', regions: ['us-east-1'], secrets: () => credentials.secretAccessKey, mustSign: ['x-amz-target'], now: now.getTime() });
  assert.equal(principal.accessKeyId, credentials.accessKeyId);
  assert.throws(() => verifySignature(wire, { service: 'cognito-idp', regions: ['us-east-1'], secrets: () => 'other', now: now.getTime() }), { name: 'InvalidSignatureException' });
});

it('puts the whole request on the wire in one buffer', () => {
  const request = new Signer('http://127.0.0.1:9329', credentials, 'us-east-1', now).sign('DescribeUserPool', { UserPoolId: 'p' });
  const text = request.wire.toString();
  assert.match(text, /^POST \/ HTTP\/1\.1\r\n/);
  assert.match(text, /\r\nx-amz-target: AWSCognitoIdentityProviderService\.DescribeUserPool\r\n/);
  assert.ok(text.endsWith('\r\n\r\n{"UserPoolId":"p"}'));
});
