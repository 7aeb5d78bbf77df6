/**
 * A software passkey authenticator for tests, built on node:crypto: it answers
 * StartWebAuthnRegistration's creation options with a "none" attestation over a fresh P-256 key,
 * and a WEB_AUTHN challenge's request options with a signed assertion, as a browser's
 * navigator.credentials would (RegistrationResponseJSON, AuthenticationResponseJSON). Only the
 * minimal CBOR the two messages need is written here.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/** CBOR for unsigned and negative integers, byte and text strings, and maps. */
function cbor(value: unknown): Buffer {
  const head = (major: number, length: number) => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    const out = Buffer.alloc(3);
    out[0] = (major << 5) | 25;
    out.writeUInt16BE(length, 1);
    return out;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Map) return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  throw new Error(`cbor: cannot encode ${typeof value}`);
}

interface CreationOptions { challenge: string; rp: { id: string } }
interface RequestOptions { challenge: string; rpId: string }

export interface PasskeyAuthenticator {
  credentialId: string;
  /** navigator.credentials.create(), as JSON. */
  create(options: CreationOptions, origin: string, overrides?: { rpId?: string }): Record<string, unknown>;
  /** navigator.credentials.get(), as JSON; each assertion counts one up unless told to repeat the last count. */
  get(options: RequestOptions, origin: string, overrides?: { repeatCounter?: boolean }): Record<string, unknown>;
}

export function passkeyAuthenticator(userHandle = 'user'): PasskeyAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const id = randomBytes(16);
  let counter = 0;
  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  return {
    credentialId: b64url(id),
    create(options, origin, overrides = {}) {
      const rpId = overrides.rpId ?? options.rp.id;
      const jwk = (publicKey as KeyObject).export({ format: 'jwk' });
      const cose = cbor(new Map<number, unknown>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')]]));
      const length = Buffer.alloc(2);
      length.writeUInt16BE(id.length);
      const authData = Buffer.concat([sha256(rpId), Buffer.from([0x45]), Buffer.alloc(4), Buffer.alloc(16), length, id, cose]);
      const attestationObject = cbor(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
      return {
        id: b64url(id), rawId: b64url(id), type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
        response: { clientDataJSON: b64url(clientData('webauthn.create', options.challenge, origin)), attestationObject: b64url(attestationObject), transports: ['internal'] },
      };
    },
    get(options, origin, overrides = {}) {
      if (!overrides.repeatCounter) counter += 1;
      const count = Buffer.alloc(4);
      count.writeUInt32BE(counter);
      const authenticatorData = Buffer.concat([sha256(options.rpId), Buffer.from([0x05]), count]);
      const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
      const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), privateKey);
      return {
        id: b64url(id), rawId: b64url(id), type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
        response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(signature), userHandle: b64url(Buffer.from(userHandle)) },
      };
    },
  };
}
