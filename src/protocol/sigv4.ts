/**
 * Verifies AWS Signature Version 4 on an incoming request, in the header form
 * (`Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`) and the
 * query-string (presigned) form. The canonical request is rebuilt exactly as the SDKs build it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html): the path
 * URI-encoded once more, query pairs encoded and sorted, signed headers trimmed.
 * Signing keys are derived once per secret, day, region and service and cached.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  IncompleteSignature, InvalidSignature, MissingAuthenticationToken, UnrecognizedClient,
} from '../errors.js';

export interface SignedRequest {
  method: string;
  /** The raw request target: path and query, as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Who a request was signed by. */
export interface Principal {
  accessKeyId: string;
  region: string;
}

/** Returns the secret for an access key id, or undefined when the key is unknown. */
export type SecretLookup = (accessKeyId: string) => string | undefined;

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS accepts requests signed up to 15 minutes either side of its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const MISMATCH = 'The request signature we calculated does not match the signature you provided. '
  + 'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

interface Parsed {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  presigned: boolean;
  expiresSeconds: number | undefined;
}

export function verifySignature(request: SignedRequest, service: string, lookup: SecretLookup, now = Date.now()): Principal {
  const [path, rawQuery = ''] = splitUrl(request.url);
  const query = new URLSearchParams(rawQuery);
  const parsed = query.has('X-Amz-Algorithm') ? parseQuery(query) : parseHeader(request.headers);
  if (parsed.service !== service) throw InvalidSignature(`Credential should be scoped to correct service: '${service}'. `);
  const time = parseAmzDate(parsed.amzDate);
  if (parsed.presigned) {
    if (now > time + (parsed.expiresSeconds ?? 900) * 1000) throw InvalidSignature('Signature expired.');
  } else if (Math.abs(now - time) > MAX_SKEW_MS) {
    const stamp = (t: number) => new Date(t).toISOString().replace(/[-:]|\.\d{3}/g, '');
    throw InvalidSignature(`Signature expired: ${parsed.amzDate} is now earlier than ${stamp(now - MAX_SKEW_MS)} (${stamp(now)} - 15 min.)`);
  }
  if (!parsed.amzDate.startsWith(parsed.date)) throw InvalidSignature('Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.');
  const secret = lookup(parsed.accessKeyId);
  if (secret === undefined || header(request.headers, 'x-amz-security-token') || query.has('X-Amz-Security-Token')) {
    throw UnrecognizedClient('The security token included in the request is invalid.');
  }

  const head = [
    request.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query, parsed.presigned),
    parsed.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(request.headers[name])}\n`).join(''),
    parsed.signedHeaders.join(';'),
  ].join('\n');
  const scope = `${parsed.date}/${parsed.region}/${parsed.service}/aws4_request`;
  const key = signingKey(secret, parsed.date, parsed.region, parsed.service);
  const given = Buffer.from(parsed.signature, 'hex');
  for (const payload of payloadHashes(request, parsed.presigned)) {
    const stringToSign = `${ALGORITHM}\n${parsed.amzDate}\n${scope}\n${sha256(`${head}\n${payload}`)}`;
    const expected = createHmac('sha256', key).update(stringToSign).digest();
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { accessKeyId: parsed.accessKeyId, region: parsed.region };
  }
  throw InvalidSignature(MISMATCH);
}

/** True when the request carries any SigV4 material at all. */
export function isSigned(request: Pick<SignedRequest, 'url' | 'headers'>): boolean {
  return header(request.headers, 'authorization') !== undefined || request.url.includes('X-Amz-Algorithm=');
}

function parseHeader(headers: SignedRequest['headers']): Parsed {
  const authorization = header(headers, 'authorization');
  if (!authorization) throw MissingAuthenticationToken('Missing Authentication Token');
  if (!authorization.startsWith(`${ALGORITHM} `)) {
    throw IncompleteSignature(`Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${authorization.split(' ')[0]}`);
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !fields.get(name));
  if (missing.length) throw IncompleteSignature(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  const amzDate = header(headers, 'x-amz-date') ?? dateHeaderAsAmzDate(header(headers, 'date'));
  if (!amzDate) throw IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  return {
    ...parseCredential(fields.get('Credential')!),
    signedHeaders: fields.get('SignedHeaders')!.split(';'),
    signature: fields.get('Signature')!,
    amzDate,
    presigned: false,
    expiresSeconds: undefined,
  };
}

function parseQuery(query: URLSearchParams): Parsed {
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) throw IncompleteSignature(`Unsupported signing algorithm: ${query.get('X-Amz-Algorithm')}`);
  const missing = ['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'].filter((name) => !query.get(name));
  if (missing.length) throw IncompleteSignature(missing.map((name) => `AWS query-string parameters must include '${name}'.`).join(' '));
  const expires = query.get('X-Amz-Expires');
  return {
    ...parseCredential(query.get('X-Amz-Credential')!),
    signedHeaders: query.get('X-Amz-SignedHeaders')!.split(';'),
    signature: query.get('X-Amz-Signature')!,
    amzDate: query.get('X-Amz-Date')!,
    presigned: true,
    expiresSeconds: expires === null ? undefined : Number(expires),
  };
}

function parseCredential(credential: string): Pick<Parsed, 'accessKeyId' | 'date' | 'region' | 'service'> {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]!)) {
    throw IncompleteSignature(`Credential should be scoped to a valid region, service and date. Credential=${parts[0]}/...`);
  }
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  return { accessKeyId, date, region, service };
}

function parseAmzDate(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) throw IncompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

function dateHeaderAsAmzDate(date: string | undefined): string | undefined {
  const time = date ? Date.parse(date) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

function splitUrl(url: string): [string, string?] {
  const q = url.indexOf('?');
  return q < 0 ? [url] : [url.slice(0, q), url.slice(q + 1)];
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Non-S3 services normalise the path and encode each (already encoded) segment once more. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = segments.join('/') || '/';
  return (normalized.startsWith('/') ? normalized : `/${normalized}`).split('/').map(encode).join('/');
}

function canonicalQuery(query: URLSearchParams, presigned: boolean): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of query) {
    if (presigned && name === 'X-Amz-Signature') continue;
    pairs.push([encode(name), encode(value)]);
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function canonicalHeaderValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(',') : value ?? '';
  return joined.trim().replace(/\s+/g, ' ');
}

/**
 * The payload hashes a signer may have used: the declared one, else the body's; presigners differ
 * (botocore signs presigned URLs with UNSIGNED-PAYLOAD, the JS SDK hashes the body).
 */
function payloadHashes(request: SignedRequest, presigned: boolean): string[] {
  const declared = header(request.headers, 'x-amz-content-sha256');
  if (declared) return [declared];
  return presigned ? [sha256(request.body), 'UNSIGNED-PAYLOAD'] : [sha256(request.body)];
}

function header(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
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
