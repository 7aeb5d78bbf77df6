/**
 * Reading SigV4 material (src/protocol/sigv4-parse.ts) on its own: what is taken from the
 * Authorization header and from a presigned query string, and the exact name and text of each
 * refusal, which clients show to people.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAmzDate, header, parseAmzDate, parseSignatureMaterial, type Headers } from '../../src/protocol/sigv4-parse.js';

const CREDENTIAL = 'AKIDEXAMPLE/20240517/us-east-1/cognito-idp/aws4_request';
const AUTH = `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, SignedHeaders=host;x-amz-date, Signature=abc123`;
const incomplete = (message: string) => ({ name: 'IncompleteSignatureException', message });
const fromHeaders = (headers: Headers) => parseSignatureMaterial(headers, new URLSearchParams());
const fromQuery = (query: Record<string, string>) => parseSignatureMaterial({}, new URLSearchParams(query));
const PRESIGNED = {
  'X-Amz-Algorithm': 'AWS4-HMAC-SHA256', 'X-Amz-Credential': CREDENTIAL, 'X-Amz-Date': '20240517T123000Z',
  'X-Amz-SignedHeaders': 'host', 'X-Amz-Signature': 'def456',
};

describe('SigV4 material from the Authorization header', () => {
  it('reads the credential scope, signed headers, signature and date', () => {
    assert.deepEqual(fromHeaders({ authorization: AUTH, 'x-amz-date': '20240517T123000Z' }), {
      accessKeyId: 'AKIDEXAMPLE', date: '20240517', region: 'us-east-1', service: 'cognito-idp',
      signedHeaders: ['host', 'x-amz-date'], signature: 'abc123', amzDate: '20240517T123000Z', presigned: false, expiresSeconds: undefined,
    });
  });

  it('trims the fields and skips parts that are not name=value', () => {
    const material = fromHeaders({ authorization: `AWS4-HMAC-SHA256  Credential = ${CREDENTIAL} ,junk,=x, SignedHeaders=host ,Signature= abc `, 'x-amz-date': '20240517T123000Z' });
    assert.deepEqual([material.accessKeyId, material.signedHeaders, material.signature], ['AKIDEXAMPLE', ['host'], 'abc']);
  });

  it('takes the date from a Date header when there is no X-Amz-Date', () => {
    assert.equal(fromHeaders({ authorization: AUTH, date: 'Fri, 17 May 2024 12:30:00 GMT' }).amzDate, '20240517T123000Z');
    assert.equal(fromHeaders({ authorization: AUTH, 'x-amz-date': '20240517T000000Z', date: 'Fri, 17 May 2024 12:30:00 GMT' }).amzDate, '20240517T000000Z', 'X-Amz-Date wins');
  });

  it('answers a missing header, another scheme and missing fields as AWS does', () => {
    assert.throws(() => fromHeaders({}), { name: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    assert.throws(() => fromHeaders({ authorization: '' }), { name: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    assert.throws(() => fromHeaders({ authorization: 'Bearer abc' }), incomplete(
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=Bearer",
    ));
    assert.throws(() => fromHeaders({ authorization: 'AWS4-HMAC-SHA256' }), { name: 'IncompleteSignatureException' }, 'the algorithm alone, no space');
    assert.throws(() => fromHeaders({ authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}` }), incomplete(
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    ));
    assert.throws(() => fromHeaders({ authorization: `AWS4-HMAC-SHA256 Signature=abc, SignedHeaders=host` }), incomplete("Authorization header requires 'Credential' parameter."));
    assert.throws(() => fromHeaders({ authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, SignedHeaders=host, Signature=` }), incomplete("Authorization header requires 'Signature' parameter."));
    assert.throws(() => fromHeaders({ authorization: AUTH }), incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
    assert.throws(() => fromHeaders({ authorization: AUTH, date: 'not a date' }), incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
  });

  it('refuses two Authorization headers, and one alongside a presigned query', () => {
    assert.throws(() => fromHeaders({ authorization: [AUTH, AUTH] }), incomplete('The Authorization header must appear only once.'));
    assert.equal(fromHeaders({ authorization: [AUTH], 'x-amz-date': '20240517T123000Z' }).signature, 'abc123', 'one value in an array is one header');
    const both = 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified';
    assert.throws(() => parseSignatureMaterial({ authorization: AUTH }, new URLSearchParams({ 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' })), incomplete(both));
    assert.throws(() => parseSignatureMaterial({ authorization: AUTH }, new URLSearchParams({ 'X-Amz-Signature': 'abc' })), incomplete(both));
  });

  it('refuses a credential that is not key/date/region/service/aws4_request', () => {
    const refused = (key: string) => incomplete(`Credential should be scoped to a valid region, service and date. Credential=${key}/...`);
    for (const [credential, key] of [
      ['AKID/20240517/us-east-1/cognito-idp', 'AKID'], ['AKID/20240517/us-east-1/cognito-idp/aws4_request/x', 'AKID'],
      ['AKID/20240517/us-east-1/cognito-idp/aws4_requesx', 'AKID'], ['AKID/2024051/us-east-1/cognito-idp/aws4_request', 'AKID'],
      ['AKID/2024-05-17/us-east-1/cognito-idp/aws4_request', 'AKID'], ['AKID/x20240517/us-east-1/cognito-idp/aws4_request', 'AKID'],
      ['/20240517/us-east-1/cognito-idp/aws4_request', ''], ['AKID/20240517//cognito-idp/aws4_request', 'AKID'], ['AKID/20240517/us-east-1//aws4_request', 'AKID'],
    ] as const) {
      assert.throws(() => fromHeaders({ authorization: AUTH.replace(CREDENTIAL, credential), 'x-amz-date': '20240517T123000Z' }), refused(key), credential);
    }
  });
});

describe('SigV4 material from a presigned query string', () => {
  it('reads the material and the expiry', () => {
    assert.deepEqual(fromQuery({ ...PRESIGNED, 'X-Amz-Expires': '300' }), {
      accessKeyId: 'AKIDEXAMPLE', date: '20240517', region: 'us-east-1', service: 'cognito-idp',
      signedHeaders: ['host'], signature: 'def456', amzDate: '20240517T123000Z', presigned: true, expiresSeconds: 300,
    });
    assert.equal(fromQuery(PRESIGNED).expiresSeconds, undefined);
    assert.equal(fromQuery({ ...PRESIGNED, 'X-Amz-Expires': '604800' }).expiresSeconds, 604800, 'a week exactly');
    assert.equal(fromQuery({ ...PRESIGNED, 'X-Amz-Expires': '0' }).expiresSeconds, 0);
  });

  it('is presigned by either the algorithm or the signature parameter', () => {
    const { 'X-Amz-Algorithm': _, ...withoutAlgorithm } = PRESIGNED;
    assert.throws(() => fromQuery(withoutAlgorithm), incomplete('Unsupported signing algorithm: null'));
    assert.throws(() => fromQuery({ ...PRESIGNED, 'X-Amz-Algorithm': 'AWS4-HMAC-SHA1' }), incomplete('Unsupported signing algorithm: AWS4-HMAC-SHA1'));
  });

  it('names every missing parameter', () => {
    assert.throws(() => fromQuery({ 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' }), incomplete([
      "AWS query-string parameters must include 'X-Amz-Credential'.", "AWS query-string parameters must include 'X-Amz-Signature'.",
      "AWS query-string parameters must include 'X-Amz-SignedHeaders'.", "AWS query-string parameters must include 'X-Amz-Date'.",
    ].join(' ')));
    assert.throws(() => fromQuery({ ...PRESIGNED, 'X-Amz-Date': '' }), incomplete("AWS query-string parameters must include 'X-Amz-Date'."));
  });

  it('refuses an expiry that is not a whole number of seconds, or longer than a week', () => {
    for (const expires of ['', 'abc', '-1', '1.5', '1e3', ' 300', '12345678']) {
      assert.throws(() => fromQuery({ ...PRESIGNED, 'X-Amz-Expires': expires }), incomplete('X-Amz-Expires should be a number'), JSON.stringify(expires));
    }
    assert.throws(() => fromQuery({ ...PRESIGNED, 'X-Amz-Expires': '604801' }), incomplete('X-Amz-Expires must be less than a week (in seconds) that is 604800'));
  });

  it('refuses each material parameter given twice', () => {
    for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Security-Token']) {
      const query = new URLSearchParams({ ...PRESIGNED, 'X-Amz-Expires': '300', 'X-Amz-Security-Token': 't' });
      query.append(name, 'again');
      assert.throws(() => parseSignatureMaterial({}, query), incomplete(`AWS query-string parameter '${name}' must appear only once.`), name);
    }
  });
});

describe('SigV4 dates and headers', () => {
  it('reads and writes the ISO 8601 basic format, and refuses anything else', () => {
    assert.equal(parseAmzDate('20240517T123005Z'), Date.UTC(2024, 4, 17, 12, 30, 5));
    assert.equal(formatAmzDate(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), '20240102T030405Z');
    for (const text of ['20240230T000000Z', '20241301T000000Z', '20240517T250000Z', '2024-05-17T12:30:05Z', '20240517T123005', 'x20240517T123005Z', '20240517T123005Zx', '']) {
      assert.throws(() => parseAmzDate(text), incomplete(`Date must be in ISO-8601 'basic format'. Got '${text}'. See http://en.wikipedia.org/wiki/ISO_8601`), text);
    }
  });

  it('joins a repeated header with commas', () => {
    assert.equal(header({ a: ['1', '2'] }, 'a'), '1,2');
    assert.equal(header({ a: 'x' }, 'a'), 'x');
    assert.equal(header({}, 'a'), undefined);
  });
});
