import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { N, claimSignature, createVerifier, k, pow, powG, publicValue, serverEphemeral, serverSessionKey, toBigInt } from '../../src/crypto/srp.js';

// The library's SRP helper and big-integer class; its type definitions do not declare them.
interface ClientHelper {
  getLargeAValue(callback: (err: unknown, A: { toString(radix: number): string }) => void): void;
  getPasswordAuthenticationKey(username: string, password: string, B: unknown, salt: unknown, callback: (err: unknown, key: Buffer) => void): void;
}
const load = createRequire(import.meta.url);
const AuthenticationHelper = load('amazon-cognito-identity-js').AuthenticationHelper as new (poolName: string) => ClientHelper;
const BigInteger = load('amazon-cognito-identity-js/lib/BigInteger.js').default as new (value: string, radix: number) => unknown;

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
    const password = 'Correct-Horse-9';
    const { salt, verifier } = createVerifier(poolName, userId, password);
    const helper = new AuthenticationHelper(poolName);
    const A: { toString(radix: number): string } = await new Promise((resolve, reject) => helper.getLargeAValue((err: unknown, value: { toString(radix: number): string }) => (err ? reject(err) : resolve(value))));
    const { b, B } = serverEphemeral(verifier);
    const clientKey: Buffer = await new Promise((resolve, reject) => helper.getPasswordAuthenticationKey(
      userId, password, new BigInteger(B.toString(16), 16), new BigInteger(salt, 16),
      (err: unknown, key: Buffer) => (err ? reject(err) : resolve(key)),
    ));
    const serverKey = serverSessionKey(BigInt(`0x${A.toString(16)}`), B, b, verifier);
    assert.ok(serverKey);
    assert.deepEqual(Buffer.from(clientKey), serverKey);
    const secretBlock = randomBytes(64);
    const timestamp = 'Tue Jan 2 03:04:05 UTC 2024';
    const clientSignature = createHmac('sha256', clientKey).update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), secretBlock, Buffer.from(timestamp)])).digest();
    assert.deepEqual(claimSignature(serverKey, poolName, userId, secretBlock, timestamp), clientSignature);
  });

  it('a wrong password derives a different key', async () => {
    const { salt, verifier } = createVerifier('Pool', 'user', 'right-password');
    const helper = new AuthenticationHelper('Pool');
    const A: { toString(radix: number): string } = await new Promise((resolve, reject) => helper.getLargeAValue((err: unknown, value: { toString(radix: number): string }) => (err ? reject(err) : resolve(value))));
    const { b, B } = serverEphemeral(verifier);
    const clientKey: Buffer = await new Promise((resolve, reject) => helper.getPasswordAuthenticationKey(
      'user', 'wrong-password', new BigInteger(B.toString(16), 16), new BigInteger(salt, 16),
      (err: unknown, key: Buffer) => (err ? reject(err) : resolve(key)),
    ));
    assert.notDeepEqual(Buffer.from(clientKey), serverSessionKey(BigInt(`0x${A.toString(16)}`), B, b, verifier));
  });
});
