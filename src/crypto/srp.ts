/**
 * The server side of Cognito's SRP-6a variant (../shared/spec/cognito-wire-digest.md §2), byte-
 * compatible with amazon-cognito-identity-js and Amplify. Modular exponentiation on the 3072-bit
 * group runs natively through node:crypto's Diffie-Hellman (g^x via generateKeys with a set
 * private key, X^y via computeSecret); BigInt only multiplies and adds.
 */
import { createDiffieHellman, createHash, createHmac, getDiffieHellman, randomBytes } from 'node:crypto';

const PRIME = getDiffieHellman('modp15').getPrime(); // RFC 3526 3072-bit MODP group, as Cognito uses
const GENERATOR = Buffer.from([2]);
export const N = toBigInt(PRIME);
export const g = 2n;

export function toBigInt(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

/** Lowercase hex, even length, with a 00 prefix when the high bit is set (Java BigInteger style). */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
export const hexHash = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));

export const k = toBigInt(Buffer.from(hexHash(padHex(N) + padHex(g)), 'hex'));

function bytes(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

/** g^exponent mod N. */
export function powG(exponent: bigint): bigint {
  const dh = createDiffieHellman(PRIME, GENERATOR);
  dh.setPrivateKey(bytes(exponent));
  dh.generateKeys();
  return toBigInt(dh.getPublicKey());
}

/** base^exponent mod N. */
export function pow(base: bigint, exponent: bigint): bigint {
  const dh = createDiffieHellman(PRIME, GENERATOR);
  dh.setPrivateKey(bytes(exponent));
  return toBigInt(dh.computeSecret(bytes(base % N)));
}

/** x = H(salt | H(poolName | userId | ":" | password)), as hex strings are concatenated by the clients. */
export function computeX(saltHex: string, poolName: string, userId: string, password: string): bigint {
  const inner = sha256Hex(`${poolName}${userId}:${password}`);
  return BigInt(`0x${hexHash(padHex(BigInt(`0x${saltHex}`)) + inner)}`);
}

/** A new salt and verifier for a password: what the server keeps instead of the password. */
export function createVerifier(poolName: string, userId: string, password: string): { salt: string; verifier: string } {
  const salt = randomBytes(16).toString('hex');
  return { salt, verifier: powG(computeX(salt, poolName, userId, password)).toString(16) };
}

/** The server's ephemeral pair for one exchange: b secret, B = (k·v + g^b) mod N sent. */
export function serverEphemeral(verifierHex: string): { b: bigint; B: bigint } {
  const v = BigInt(`0x${verifierHex}`);
  for (;;) {
    const b = toBigInt(randomBytes(32));
    const B = (k * v + powG(b)) % N;
    if (B !== 0n) return { b, B };
  }
}

/**
 * The 16-byte key both sides derive: u = H(A | B), S = (A · v^u)^b mod N, K = HKDF(S, u).
 * Undefined when A is invalid (A mod N = 0) or u = 0, which a real client never produces.
 */
export function serverSessionKey(A: bigint, B: bigint, b: bigint, verifierHex: string): Buffer | undefined {
  if (A % N === 0n) return undefined;
  const u = BigInt(`0x${hexHash(padHex(A) + padHex(B))}`);
  if (u === 0n) return undefined;
  const v = BigInt(`0x${verifierHex}`);
  return derivedKey(u, pow((A * pow(v, u)) % N, b));
}

/** K: HKDF over S salted with u, one block, 16 bytes (the "Caldera Derived Key"); both sides use it. */
export function derivedKey(u: bigint, S: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  return createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).digest().subarray(0, 16);
}

/** PASSWORD_CLAIM_SIGNATURE: HMAC(K, poolName | userId | secretBlock | timestamp), base64. */
export function claimSignature(key: Buffer, poolName: string, userId: string, secretBlock: Buffer, timestamp: string): Buffer {
  return createHmac('sha256', key).update(Buffer.concat([Buffer.from(poolName, 'utf8'), Buffer.from(userId, 'utf8'), secretBlock, Buffer.from(timestamp, 'utf8')])).digest();
}
