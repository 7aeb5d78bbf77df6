/**
 * Reads the SigV4 material of a request, from the Authorization header or from the query string
 * (presigned form), with the error names and texts AWS answers malformed material with.
 */
import { IncompleteSignature, MissingAuthenticationToken } from '../errors.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export type Headers = Record<string, string | string[] | undefined>;

export interface SignatureMaterial {
  accessKeyId: string;
  /** YYYYMMDD of the credential scope. */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** ISO 8601 basic format, e.g. 20240102T030405Z. */
  amzDate: string;
  presigned: boolean;
  /** X-Amz-Expires of a presigned request, in seconds. */
  expiresSeconds: number | undefined;
}

/** Presigned requests may live at most a week (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html). */
const MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

/** Query parameters that carry signature material; each may appear once. */
const QUERY_MATERIAL = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Security-Token'];

export function parseSignatureMaterial(headers: Headers, query: URLSearchParams): SignatureMaterial {
  // Two signatures on one request (a bad one and a good one, or a header and a query form) are
  // refused outright: which of them a proxy, a log or the verifier reads would otherwise differ.
  const authorizations = headers.authorization;
  if (Array.isArray(authorizations) && authorizations.length > 1) throw IncompleteSignature('The Authorization header must appear only once.');
  const presigned = query.has('X-Amz-Algorithm') || query.has('X-Amz-Signature');
  if (presigned && authorizations !== undefined) {
    throw IncompleteSignature('Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified');
  }
  for (const name of QUERY_MATERIAL) {
    if (query.getAll(name).length > 1) throw IncompleteSignature(`AWS query-string parameter '${name}' must appear only once.`);
  }
  return presigned ? parseQuery(query) : parseHeader(headers);
}

function parseHeader(headers: Headers): SignatureMaterial {
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

function parseQuery(query: URLSearchParams): SignatureMaterial {
  if (query.get('X-Amz-Algorithm') !== ALGORITHM) throw IncompleteSignature(`Unsupported signing algorithm: ${query.get('X-Amz-Algorithm')}`);
  const missing = ['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'].filter((name) => !query.get(name));
  if (missing.length) throw IncompleteSignature(missing.map((name) => `AWS query-string parameters must include '${name}'.`).join(' '));
  return {
    ...parseCredential(query.get('X-Amz-Credential')!),
    signedHeaders: query.get('X-Amz-SignedHeaders')!.split(';'),
    signature: query.get('X-Amz-Signature')!,
    amzDate: query.get('X-Amz-Date')!,
    presigned: true,
    expiresSeconds: parseExpires(query.get('X-Amz-Expires')),
  };
}

function parseExpires(expires: string | null): number | undefined {
  if (expires === null) return undefined;
  // A lenient Number() would turn "abc" into NaN, and NaN comparisons would make the URL immortal.
  if (!/^\d{1,7}$/.test(expires)) throw IncompleteSignature('X-Amz-Expires should be a number');
  const seconds = Number(expires);
  if (seconds > MAX_EXPIRES_SECONDS) throw IncompleteSignature(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES_SECONDS}`);
  return seconds;
}

function parseCredential(credential: string): Pick<SignatureMaterial, 'accessKeyId' | 'date' | 'region' | 'service'> {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]!) || !parts[0] || !parts[2] || !parts[3]) {
    throw IncompleteSignature(`Credential should be scoped to a valid region, service and date. Credential=${parts[0]}/...`);
  }
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  return { accessKeyId, date, region, service };
}

/** Epoch milliseconds of an ISO 8601 basic-format timestamp. */
export function parseAmzDate(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  const time = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
  if (Number.isNaN(time) || formatAmzDate(time) !== amzDate) throw IncompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  return time;
}

export const formatAmzDate = (time: number) => new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, '');

function dateHeaderAsAmzDate(date: string | undefined): string | undefined {
  const time = date ? Date.parse(date) : NaN;
  return Number.isNaN(time) ? undefined : formatAmzDate(time);
}

/** A header's value; repeated headers are joined with commas, as SigV4 joins them. */
export function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
