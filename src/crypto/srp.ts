/**
 * The server side of Cognito's SRP-6a variant (../shared/spec/cognito-wire-digest.md §2), byte-
 * compatible with amazon-cognito-identity-js and Amplify. Modular exponentiation on the 3072-bit
 * group is BigInt square-and-multiply with a 4-bit window (about 4 ms per 256-bit exponent on
 * Node 20, 22 and 24 alike). node:crypto's Diffie-Hellman was used before, but it does not behave
 * the same on every supported Node: on 22 computeSecret refuses values outside the prime-order
 * subgroup (so a hostile SRP_A became a 500) and runs a 3072-bit subgroup check per call (7.5 ms),
 * and on 24 createDiffieHellman with this prime takes seconds per object. BigInt gives the same
 * answers everywhere, and hostile public values are refused in one place, publicValue().
 */
import { createHash, createHmac, getDiffieHellman, randomBytes } from 'node:crypto';

const PRIME = getDiffieHellman('modp15').getPrime(); // RFC 3526 3072-bit MODP group, as Cognito uses
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

/** base^exponent mod N: left to right over 4-bit windows of the exponent (non-negative). */
export function pow(base: bigint, exponent: bigint): bigint {
  const b = ((base % N) + N) % N;
  const table = [1n, b];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % N);
  const digits = exponent.toString(16);
  let result = 1n;
  for (let i = 0; i < digits.length; i++) {
    if (i > 0) for (let s = 0; s < 4; s++) result = (result * result) % N;
    const digit = parseInt(digits[i]!, 16);
    if (digit !== 0) result = (result * table[digit]!) % N;
  }
  return result;
}

/** g^exponent mod N; with g = 2 each multiplication is a doubling, so only the squarings cost. */
export function powG(exponent: bigint): bigint {
  let result = 1n;
  for (const bit of exponent.toString(2)) {
    result = (result * result) % N;
    if (bit === '1') {
      result <<= 1n;
      if (result >= N) result -= N;
    }
  }
  return result;
}

/**
 * A client's public value (SRP_A, and a device's SRP_A later) from its hex, or undefined when it
 * must be refused: not hex, A mod N = 0, or outside 1 < A < N - 1 (0, 1 and N - 1 force a
 * predictable S; values of N and above are not reduced for the client). A real client never
 * sends one of these.
 */
export function publicValue(hex: string): bigint | undefined {
  if (!/^[0-9a-fA-F]{1,2048}$/.test(hex)) return undefined;
  const A = BigInt(`0x${hex}`);
  return acceptablePublicValue(A) ? A : undefined;
}

const acceptablePublicValue = (A: bigint) => A > 1n && A < N - 1n;

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
 * Undefined when A is one publicValue() refuses or u = 0, which a real client never produces.
 */
export function serverSessionKey(A: bigint, B: bigint, b: bigint, verifierHex: string): Buffer | undefined {
  if (!acceptablePublicValue(A)) return undefined;
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
