/**
 * Verifies AWS Signature Version 4 on an incoming request, in the header form
 * (`Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`) and the
 * query-string (presigned) form. The canonical request is rebuilt exactly as the SDKs build it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html): the path
 * normalised and URI-encoded once more, query pairs encoded and sorted, signed headers trimmed.
 * Signing keys are derived once per secret, day, region and service and cached.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidSignature, UnrecognizedClient } from '../errors.js';
import {
  ALGORITHM, formatAmzDate, header, parseAmzDate, parseSignatureMaterial, type Headers, type SignatureMaterial,
} from './sigv4-parse.js';

export interface SignedRequest {
  method: string;
  /** The raw request target: path and query, as received. */
  url: string;
  /** Lower-case names; a repeated header as an array of its values. */
  headers: Headers;
  body: Buffer;
}

/** Who a request was signed by. */
export interface Principal {
  accessKeyId: string;
  region: string;
}

/** Returns the secret for an access key id, or undefined when the key is unknown. */
export type SecretLookup = (accessKeyId: string) => string | undefined;

export interface VerifyOptions {
  /** The signing name the credential scope must carry, e.g. `cognito-idp`. */
  service: string;
  /** Regions the credential scope may name: the server's own, and any extra ones it is told to accept. */
  regions: readonly string[];
  secrets: SecretLookup;
  /**
   * Headers the signature must cover. `host` always; a JSON edge adds `x-amz-target`, which
   * selects the operation: left unsigned, a captured request could be replayed as another one.
   */
  mustSign?: readonly string[];
  now?: number;
}

/** AWS accepts requests signed up to 15 minutes either side of its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const MISMATCH = 'The request signature we calculated does not match the signature you provided. '
  + 'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function verifySignature(request: SignedRequest, options: VerifyOptions): Principal {
  const now = options.now ?? Date.now();
  const [path, rawQuery = ''] = splitUrl(request.url);
  const query = new URLSearchParams(rawQuery);
  const material = parseSignatureMaterial(request.headers, query);
  if (material.service !== options.service) throw InvalidSignature(`Credential should be scoped to correct service: '${options.service}'. `);
  // AWS refuses a signature for another region's endpoint: it could be a request meant for elsewhere, replayed here.
  if (!options.regions.includes(material.region)) throw InvalidSignature('Credential should be scoped to a valid region. ');
  checkTime(material, now);
  const secret = options.secrets(material.accessKeyId);
  if (secret === undefined || header(request.headers, 'x-amz-security-token') !== undefined || query.has('X-Amz-Security-Token')) {
    throw UnrecognizedClient('The security token included in the request is invalid.');
  }
  for (const name of ['host', ...(options.mustSign ?? [])]) {
    if (!material.signedHeaders.includes(name)) throw InvalidSignature(`The '${name}' header must be signed.`);
  }

  const head = [
    request.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query),
    material.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(request.headers[name])}\n`).join(''),
    material.signedHeaders.join(';'),
  ].join('\n');
  const scope = `${material.date}/${material.region}/${material.service}/aws4_request`;
  const key = signingKey(secret, material.date, material.region, material.service);
  const given = Buffer.from(material.signature, 'hex');
  // Always the hash of the bytes received: a declared x-amz-content-sha256 is never trusted, nor
  // UNSIGNED-PAYLOAD in a presigned URL (S3's exception, not these services'), or a captured
  // request could carry another body.
  const stringToSign = `${ALGORITHM}\n${material.amzDate}\n${scope}\n${sha256(`${head}\n${sha256(request.body)}`)}`;
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  if (given.length === expected.length && timingSafeEqual(given, expected)) return { accessKeyId: material.accessKeyId, region: material.region };
  throw InvalidSignature(MISMATCH);
}

/** Header-form signatures live 15 minutes either side of our clock; presigned ones until they expire. */
function checkTime(material: SignatureMaterial, now: number): void {
  const time = parseAmzDate(material.amzDate);
  if (!material.amzDate.startsWith(material.date)) {
    throw InvalidSignature('Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.');
  }
  if (time > now + MAX_SKEW_MS) {
    throw InvalidSignature(`Signature not yet current: ${material.amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 15 min.)`);
  }
  if (material.presigned) {
    const expires = time + (material.expiresSeconds ?? MAX_SKEW_MS / 1000) * 1000;
    if (now > expires) throw InvalidSignature(`Signature expired: ${material.amzDate} is now earlier than ${formatAmzDate(now - (expires - time))} (${formatAmzDate(now)} - ${material.expiresSeconds ?? 900} sec.)`);
  } else if (now - time > MAX_SKEW_MS) {
    throw InvalidSignature(`Signature expired: ${material.amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 15 min.)`);
  }
}

function splitUrl(url: string): [string, string?] {
  const q = url.indexOf('?');
  return q < 0 ? [url] : [url.slice(0, q), url.slice(q + 1)];
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Non-S3 services drop empty and `.` segments, resolve `..`, keep a trailing slash, then encode
 * the (already encoded) path once more: `/a%20b` is signed as `/a%2520b`.
 */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(encode(segment));
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

function canonicalQuery(query: URLSearchParams): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of query) {
    if (name.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([encode(name), encode(value)]);
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Each value trimmed and its inner whitespace collapsed; repeated headers joined by commas. */
function canonicalHeaderValue(value: string | string[] | undefined): string {
  const values = Array.isArray(value) ? value : [value ?? ''];
  return values.map((item) => item.trim().replace(/\s+/g, ' ')).join(',');
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const keyCache = new Map<string, Buffer>();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}\0${date}\0${region}\0${service}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
    const kRegion = createHmac('sha256', kDate).update(region).digest();
    const kService = createHmac('sha256', kRegion).update(service).digest();
    key = createHmac('sha256', kService).update('aws4_request').digest();
    if (keyCache.size > 1000) keyCache.clear();
    keyCache.set(cacheKey, key);
  }
  return key;
}
