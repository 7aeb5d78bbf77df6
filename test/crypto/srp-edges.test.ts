/**
 * Edges of the SRP arithmetic that random values rarely reach: an empty byte string, and g^x whose
 * last doubling passes N, so that only the final reduction keeps the result below N.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { N, powG, toBigInt } from '../../src/crypto/srp.js';

/** Plain square-and-multiply, the reference. */
function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  for (base %= modulus; exponent > 0n; exponent >>= 1n, base = (base * base) % modulus) if (exponent & 1n) result = (result * base) % modulus;
  return result;
}

describe('SRP arithmetic edges', () => {
  it('reads bytes as a big-endian number, and no bytes as zero', () => {
    assert.equal(toBigInt(Buffer.alloc(0)), 0n);
    assert.equal(toBigInt(Buffer.from([0x01, 0x00])), 256n);
    assert.equal(toBigInt(Buffer.from([0x00, 0xff])), 255n);
  });

  it('reduces g^x below N when the last doubling passes N', () => {
    const overflowing: bigint[] = [];
    for (let e = 3n; overflowing.length < 3; e += 2n) if (2n * modPow(2n, e - 1n, N) >= N) overflowing.push(e);
    for (const e of overflowing) {
      const result = powG(e);
      assert.ok(result < N, `2^${e} is reduced`);
      assert.equal(result, modPow(2n, e, N));
    }
  });
});
