/** The master key and the secret box that seals client secrets, signing keys and admin credentials at rest. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadMasterKey } from '../../src/crypto/master-key.js';
import { secretBox } from '../../src/crypto/secret-box.js';

/** jose's answer to a JWE it cannot decrypt, whatever the reason (it does not say which, by design). */
const decryptionFailed = { name: 'JWEDecryptionFailed', code: 'ERR_JWE_DECRYPTION_FAILED' };

const freshDir = () => mkdtempSync(join(tmpdir(), 'gatehouse-key-'));
const key = () => new Uint8Array(randomBytes(32));

describe('secret box', () => {
  it('round-trips, and never seals the same plaintext twice alike', async () => {
    const box = secretBox(key());
    const plaintext = 'client secret ✓ 51 chars, or a PEM key';
    const first = await box.seal(plaintext);
    const second = await box.seal(plaintext);
    assert.notEqual(first, second, 'a fresh IV each time');
    assert.ok(!first.includes(plaintext));
    assert.equal(await box.open(first), plaintext);
    assert.equal(await box.open(second), plaintext);
  });

  it('cannot be opened under another master key', async () => {
    const sealed = await secretBox(key()).seal('secret');
    await assert.rejects(secretBox(key()).open(sealed), decryptionFailed);
  });

  it('refuses a sealed value that was tampered with', async () => {
    const box = secretBox(key());
    const parts = (await box.seal('secret')).split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0]! ^= 1;
    parts[3] = ciphertext.toString('base64url');
    await assert.rejects(box.open(parts.join('.')), decryptionFailed);
  });
});

describe('master key', () => {
  it('takes GATEHOUSE_MASTER_KEY when it is base64 of 32 bytes', () => {
    const configured = randomBytes(32);
    assert.deepEqual(Buffer.from(loadMasterKey(configured.toString('base64'), freshDir())), configured);
  });

  it('refuses a GATEHOUSE_MASTER_KEY of the wrong length', () => {
    for (const bytes of [16, 31, 33, 64]) {
      assert.throws(() => loadMasterKey(randomBytes(bytes).toString('base64'), freshDir()), /GATEHOUSE_MASTER_KEY must be base64 of exactly 32 bytes/);
    }
    assert.throws(() => loadMasterKey('not base64 at all!', freshDir()), /GATEHOUSE_MASTER_KEY/);
  });

  it('generates a key into the data folder once, readable by the owner only, and reuses it', async () => {
    const dir = join(freshDir(), 'nested');
    const first = loadMasterKey(undefined, dir);
    assert.equal(first.length, 32);
    assert.equal(statSync(join(dir, 'master.key')).mode & 0o777, 0o600);
    assert.deepEqual(loadMasterKey(undefined, dir), first);
    assert.equal(Buffer.from(readFileSync(join(dir, 'master.key'), 'utf8'), 'base64').length, 32);
    const sealed = await secretBox(first).seal('kept across restarts');
    assert.equal(await secretBox(loadMasterKey(undefined, dir)).open(sealed), 'kept across restarts');
  });
});
