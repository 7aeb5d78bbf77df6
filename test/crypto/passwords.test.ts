/** argon2id settings: parsing GATEHOUSE_ARGON2, hashing and verifying, and telling an old hash to be upgraded. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ARGON2, parseArgon2Parameters, passwordHasher } from '../../src/crypto/passwords.js';

describe('argon2 parameters', () => {
  it('parses m, t and p, with p defaulting to 1 and spaces allowed', () => {
    assert.deepEqual(parseArgon2Parameters('m=7168,t=5,p=1'), DEFAULT_ARGON2);
    assert.deepEqual(parseArgon2Parameters('m=19456, t=2'), { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    assert.deepEqual(parseArgon2Parameters('p=2,m=1024,t=1'), { memoryCost: 1024, timeCost: 1, parallelism: 2 });
  });

  it('refuses missing, fractional, zero or negative values and less than 1 MiB of memory', () => {
    for (const text of ['', 'm=7168', 't=5,p=1', 'm=7168,t=0', 'm=7168,t=5,p=0', 'm=7168,t=-1', 'm=7168.5,t=5', 'm=1023,t=5', 'm=x,t=5', 'm=7168,t=5,p=1.5']) {
      assert.throws(() => parseArgon2Parameters(text), { message: `invalid argon2 parameters: ${text} (expected e.g. m=7168,t=5,p=1)` }, text);
    }
  });
});

describe('password hasher', () => {
  const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
  const hasher = passwordHasher(cheap);

  it('hashes with argon2id under the given parameters and verifies only the same password', async () => {
    const stored = await hasher.hash('Correct horse 1!');
    assert.match(stored, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    assert.equal(await hasher.verify(stored, 'Correct horse 1!'), true);
    assert.equal(await hasher.verify(stored, 'Correct horse 1?'), false);
    assert.notEqual(await hasher.hash('Correct horse 1!'), stored, 'a fresh salt each time');
  });

  it('asks for a rehash when any parameter differs, and not when none does', async () => {
    const stored = await hasher.hash('pw');
    assert.equal(hasher.needsRehash(stored), false);
    for (const other of [{ ...cheap, memoryCost: 2048 }, { ...cheap, timeCost: 2 }, { ...cheap, parallelism: 2 }]) {
      assert.equal(passwordHasher(other).needsRehash(stored), true, JSON.stringify(other));
      assert.equal(await passwordHasher(other).verify(stored, 'pw'), true, 'an old hash still verifies');
    }
  });
});
