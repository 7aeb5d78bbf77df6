/**
 * The client side of USER_SRP_AUTH for the load generator (../shared/spec/cognito-wire-digest.md
 * §2.2), on the server's native helpers so a sign-in costs the loader as little CPU as possible:
 * the ephemeral pairs (a, A = g^a) are made before the timed window, and per sign-in the loader
 * computes u, x, S = (B − k·g^x)^(a + u·x) (one 3072-bit exponentiation), the key K and the claim
 * signature. k·g^x depends only on the password and the salt, so it is kept per user and salt;
 * a server that sends a new salt every time (a stub) makes the loader compute it every time.
 */
import { randomBytes } from 'node:crypto';
import { N, claimSignature, computeX, derivedKey, hexHash, k, padHex, pow, powG, toBigInt } from '../src/crypto/srp.js';

/** A client's secret a and public A (plain hex, as the clients send SRP_A). */
export interface SrpEphemeral {
  a: bigint;
  A: string;
}

/**
 * `count` ephemerals. amazon-cognito-identity-js draws a from 128 random bytes; 32 are as good for
 * the exchange and halve the loader's exponentiation (the server's work does not depend on a).
 */
export function srpEphemerals(count: number): SrpEphemeral[] {
  return Array.from({ length: count }, () => {
    for (;;) {
      const a = toBigInt(randomBytes(32));
      const A = powG(a);
      if (A % N !== 0n) return { a, A: A.toString(16) };
    }
  });
}

/** What a PASSWORD_VERIFIER challenge gives the client. */
export interface VerifierChallenge {
  SALT: string;
  SRP_B: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

/** The RespondToAuthChallenge answer to PASSWORD_VERIFIER, as the clients build it. */
export type VerifierAnswer = Record<'USERNAME' | 'PASSWORD_CLAIM_SECRET_BLOCK' | 'TIMESTAMP' | 'PASSWORD_CLAIM_SIGNATURE', string>;

export class SrpClient {
  readonly #poolName: string;
  /** k·g^x mod N by user id and salt. */
  readonly #kgx = new Map<string, bigint>();

  constructor(poolId: string) {
    this.#poolName = poolId.slice(poolId.indexOf('_') + 1);
  }

  answer(ephemeral: SrpEphemeral, challenge: VerifierChallenge, password: string, now = new Date()): VerifierAnswer {
    const userId = challenge.USER_ID_FOR_SRP;
    const B = BigInt(`0x${challenge.SRP_B}`);
    if (B % N === 0n) throw new Error('SRP_B is a multiple of N');
    const A = BigInt(`0x${ephemeral.A}`);
    const u = BigInt(`0x${hexHash(padHex(A) + padHex(B))}`);
    if (u === 0n) throw new Error('u is zero');
    const x = computeX(challenge.SALT, this.#poolName, userId, password);
    const S = pow((((B - this.#kgxOf(userId, challenge.SALT, x)) % N) + N) % N, ephemeral.a + u * x);
    const timestamp = cognitoTimestamp(now);
    const signature = claimSignature(derivedKey(u, S), this.#poolName, userId, Buffer.from(challenge.SECRET_BLOCK, 'base64'), timestamp);
    return {
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: signature.toString('base64'),
    };
  }

  #kgxOf(userId: string, salt: string, x: bigint): bigint {
    const key = `${userId}\n${salt}`;
    let value = this.#kgx.get(key);
    if (value === undefined) {
      value = (k * powG(x)) % N;
      // A stub server's fresh salt per challenge must not grow the cache without bound.
      if (this.#kgx.size > 1024) this.#kgx.clear();
      this.#kgx.set(key, value);
    }
    return value;
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `ddd MMM D HH:mm:ss UTC YYYY`, the day without a leading zero, as amazon-cognito-identity-js writes it. */
export function cognitoTimestamp(date: Date): string {
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} `
    + `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}
