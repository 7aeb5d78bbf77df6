/**
 * Pre-signs Cognito JSON 1.1 requests with SigV4, synchronously, before a timed window starts:
 * SigV4 covers the body, so every unique CreateGroup needs its own signature, and signing inside
 * the window would take CPU from the server on a small machine. A signature stays valid for
 * 15 minutes (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
 */
import { createHash, createHmac } from 'node:crypto';
import { serialiseRequest } from './http-connection.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A request ready to write to the wire: nothing is computed per send. */
export interface PreparedRequest {
  /** The operation, for error reports. */
  operation: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The whole `POST /` as it goes on the wire. */
  wire: Buffer;
  /**
   * For a multi-step exchange (SRP sign-in): builds the next request from this one's 200 body.
   * The exchange counts as one success, timed from its first request to its last answer.
   */
  followUp?: (body: string) => PreparedRequest;
}

const SERVICE = 'cognito-idp';
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService';
const SIGNED_HEADERS = 'content-type;host;x-amz-date;x-amz-target';

/** Signs many requests for one host, region and instant; the signing key is derived once. */
export class Signer {
  readonly #host: string;
  readonly #amzDate: string;
  readonly #scope: string;
  readonly #key: Buffer;
  readonly #credential: string;

  constructor(url: string, readonly credentials: Credentials, readonly region: string, now = new Date()) {
    this.#host = new URL(url).host;
    this.#amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
    const date = this.#amzDate.slice(0, 8);
    this.#scope = `${date}/${region}/${SERVICE}/aws4_request`;
    this.#key = signingKey(credentials.secretAccessKey, date, region);
    this.#credential = `${credentials.accessKeyId}/${this.#scope}`;
  }

  sign(operation: string, input: unknown): PreparedRequest {
    const body = Buffer.from(JSON.stringify(input));
    const headers: Record<string, string> = { ...jsonHeaders(this.#host, operation), 'x-amz-date': this.#amzDate };
    const canonicalHeaders = SIGNED_HEADERS.split(';').map((name) => `${name}:${headers[name]}\n`).join('');
    const canonicalRequest = ['POST', '/', '', canonicalHeaders, SIGNED_HEADERS, sha256(body)].join('\n');
    const stringToSign = `AWS4-HMAC-SHA256\n${this.#amzDate}\n${this.#scope}\n${sha256(canonicalRequest)}`;
    const signature = createHmac('sha256', this.#key).update(stringToSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${this.#credential}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
    headers['content-length'] = String(body.length);
    return { operation, headers, body, wire: serialiseRequest(headers, body) };
  }
}

/**
 * A request for an operation the model marks `authtype: none` (InitiateAuth, SignUp, ...): what
 * the SDK sends for those, with no signature.
 */
export function unsignedRequest(url: string, operation: string, input: unknown): PreparedRequest {
  const body = Buffer.from(JSON.stringify(input));
  const headers = { ...jsonHeaders(new URL(url).host, operation), 'content-length': String(body.length) };
  return { operation, headers, body, wire: serialiseRequest(headers, body) };
}

function jsonHeaders(host: string, operation: string): Record<string, string> {
  return { 'content-type': 'application/x-amz-json-1.1', host, 'x-amz-target': `${TARGET_PREFIX}.${operation}` };
}

function signingKey(secret: string, date: string, region: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(SERVICE).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
