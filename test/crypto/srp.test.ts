import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { N, claimSignature, createVerifier, k, pow, powG, publicValue, serverEphemeral, serverSessionKey, toBigInt } from '../../src/crypto/srp.js';
import { srpClient } from '../support/srp-client.js';

/** amazon-cognito-identity-js's answer (test/support/srp-client.ts) to a challenge made by the server's math. */
async function clientAnswer(poolName: string, userId: string, stored: { salt: string; verifier: string }, password: string) {
  const client = await srpClient(`us-east-1_${poolName}`);
  const { b, B } = serverEphemeral(stored.verifier);
  const secretBlock = randomBytes(64);
  const timestamp = 'Tue Jan 2 03:04:05 UTC 2024';
  const answer = await client.answer({ USER_ID_FOR_SRP: userId, SRP_B: B.toString(16), SALT: stored.salt, SECRET_BLOCK: secretBlock.toString('base64') }, password, timestamp);
  const serverKey = serverSessionKey(BigInt(`0x${client.A}`), B, b, stored.verifier);
  assert.ok(serverKey);
  return { expected: claimSignature(serverKey, poolName, userId, secretBlock, timestamp), given: Buffer.from(answer.PASSWORD_CLAIM_SIGNATURE!, 'base64') };
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  for (; exponent > 0n; exponent >>= 1n, base = (base * base) % modulus) if (exponent & 1n) result = (result * base) % modulus;
  return result;
}

describe('SRP math', () => {
  it('k is the value the clients derive', () => {
    assert.equal(k.toString(16), '538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
  });

  it('modular exponentiation agrees with plain square-and-multiply, for any base and exponent', () => {
    // Bases outside the prime-order subgroup (5, N - 2, half of all random values) and the ends of
    // the range are what Node 22's native Diffie-Hellman refused; the arithmetic must not care.
    const bases = [0n, 1n, 2n, 5n, N - 2n, N - 1n, N, N + 7n, ...Array.from({ length: 4 }, () => toBigInt(randomBytes(384)) % N)];
    const exponents = [0n, 1n, 2n, 15n, 16n, toBigInt(randomBytes(32)), toBigInt(randomBytes(384))];
    for (const base of bases) for (const exponent of exponents.slice(0, 6)) assert.equal(pow(base, exponent), modPow(base, exponent, N));
    for (const exponent of exponents) assert.equal(powG(exponent), modPow(2n, exponent, N));
    assert.equal(pow(bases[8]!, exponents[6]!), modPow(bases[8]!, exponents[6]!, N));
  });

  it('refuses public values a client never sends', () => {
    for (const hex of ['', '0', '00', '1', (N - 1n).toString(16), N.toString(16), (N + 2n).toString(16), (2n * N).toString(16), 'xyz', '-5', '0x12', 'f'.repeat(2049)]) {
      assert.equal(publicValue(hex), undefined, hex.slice(0, 20));
    }
    assert.equal(publicValue('2'), 2n);
    assert.equal(publicValue('05'), 5n);
    assert.equal(publicValue((N - 2n).toString(16).toUpperCase()), N - 2n);
    const { verifier } = createVerifier('Pool', 'user', 'password');
    const { b, B } = serverEphemeral(verifier);
    for (const A of [0n, 1n, N - 1n, N, 2n * N]) assert.equal(serverSessionKey(A, B, b, verifier), undefined);
    assert.ok(serverSessionKey(5n, B, b, verifier));
  });

  it('derives the same key and signature as amazon-cognito-identity-js', async () => {
    const poolName = 'AbC123xyZ';
    const userId = 'f0e1d2c3-0000-4000-8000-000000000001';
    const { expected, given } = await clientAnswer(poolName, userId, createVerifier(poolName, userId, 'Correct-Horse-9'), 'Correct-Horse-9');
    assert.deepEqual(given, expected);
  });

  it('a wrong password derives a different key', async () => {
    const { expected, given } = await clientAnswer('Pool', 'user', createVerifier('Pool', 'user', 'right-password'), 'wrong-password');
    assert.equal(given.length, expected.length);
    assert.notDeepEqual(given, expected);
  });
});
