/**
 * Raw AWS JSON requests, signed by the SDK's own signer (@smithy/signature-v4), for tests that
 * need what an SDK client will not send: malformed bodies, odd paths, presigned URLs, tampering.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { ADMIN, REGION, type Gatehouse } from './gatehouse.js';

export const IDP_PREFIX = 'AWSCognitoIdentityProviderService';
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignOptions {
  credentials?: Credentials;
  region?: string;
  service?: string;
  signingDate?: Date;
  /** Query-string (presigned) form instead of the Authorization header. */
  presign?: boolean;
  expiresIn?: number;
  /** Headers the signer must leave out of the signature. */
  unsignableHeaders?: Set<string>;
}

export interface FetchOptions extends SignOptions {
  /** Send without any signature. */
  unsigned?: boolean;
  path?: string;
  query?: Record<string, string | string[]>;
  /** Extra headers, or overrides of the defaults (content-type, x-amz-target); undefined removes one. */
  headers?: Record<string, string | undefined>;
}

export interface AwsReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON. */
  json: Record<string, unknown> | undefined;
}

/** `ListUserPools` becomes `AWSCognitoIdentityProviderService.ListUserPools`; a dotted target stays as given. */
export const fullTarget = (target: string) => (target.includes('.') ? target : `${IDP_PREFIX}.${target}`);

/** The request the SDK would build for a JSON 1.1 call, before signing. */
export function jsonRequest(url: string, target: string | undefined, body: string, options: Pick<FetchOptions, 'path' | 'query' | 'headers'> = {}): HttpRequest {
  const { protocol, hostname, port, host } = new URL(url);
  const headers: Record<string, string> = { host, 'content-type': JSON_CONTENT_TYPE };
  if (target !== undefined) headers['x-amz-target'] = fullTarget(target);
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', protocol, hostname, port: port ? Number(port) : undefined, path: options.path ?? '/', query: options.query ?? {}, headers, body };
}

export async function signRequest(request: HttpRequest, options: SignOptions = {}): Promise<HttpRequest> {
  const signer = new SignatureV4({
    credentials: options.credentials ?? ADMIN,
    region: options.region ?? REGION,
    service: options.service ?? 'cognito-idp',
    sha256: Sha256,
  });
  const signingDate = options.signingDate ?? new Date();
  if (options.presign) {
    // The target header must stay a header: the presigner would otherwise hoist every x-amz-* into the query.
    return signer.presign(request, { signingDate, expiresIn: options.expiresIn ?? 300, unhoistableHeaders: new Set(['x-amz-target']), unsignableHeaders: options.unsignableHeaders });
  }
  return signer.sign(request, { signingDate, unsignableHeaders: options.unsignableHeaders });
}

/** SigV4's URI encoding (RFC 3986 unreserved characters left alone), as the SDK puts the query on the wire. */
export const uriEscape = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Path and query as they go on the wire. */
export function wirePath(request: HttpRequest): string {
  const pairs = Object.entries(request.query ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).map((item) => `${uriEscape(name)}=${uriEscape(item)}`));
  return pairs.length ? `${request.path}?${pairs.join('&')}` : request.path;
}

/** Sends an AWS JSON request: signed with the admin key by default, body JSON-encoded unless already a string. */
export async function signedFetch(server: Pick<Gatehouse, 'url'>, target: string | undefined, body: unknown, options: FetchOptions = {}): Promise<AwsReply> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const unsigned = jsonRequest(server.url, target, payload, options);
  const request = options.unsigned ? unsigned : await signRequest(unsigned, options);
  const headers = { ...request.headers };
  delete headers.host; // fetch sets it from the URL, to the same value
  const response = await fetch(`${server.url}${wirePath(request)}`, { method: 'POST', headers, body: payload });
  return readReply(response);
}

export async function readReply(response: Response): Promise<AwsReply> {
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
