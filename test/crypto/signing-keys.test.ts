/**
 * Each pool's signing keys over a real store: two RS256 keys per pool (ID and access tokens), the
 * public halves as a JWKS publishes them, the private halves sealed, and the caches that a failed
 * lookup or a deleted pool must not poison.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignJWT, jwtVerify } from 'jose';
import { secretBox } from '../../src/crypto/secret-box.js';
import { signingKeys } from '../../src/crypto/signing-keys.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';

describe('signing keys', () => {
  let store: Store;
  const box = secretBox(new Uint8Array(randomBytes(32)));
  const clock = { now: () => 1_700_000_000_000 };
  let pools = 0;
  const newPool = async () => {
    const id = `us-east-1_keys${++pools}`;
    await store.pools.insert({ id, name: id, settings: {}, createdAt: 1, updatedAt: 1 });
    return id;
  };
  before(async () => {
    const { db, engine } = openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'gatehouse-keys-')), databaseUrl: undefined });
    await migrateToLatest(db);
    store = createStore(db, engine);
  });
  after(async () => { await store.db.destroy(); });

  it('makes an ID key and an access key per pool, published without their private parts', async () => {
    const keys = signingKeys(store, box, clock);
    const pool = await newPool();
    await keys.createForPool(pool);
    const published = await keys.publicKeys(pool);
    assert.equal(published.length, 2);
    assert.notEqual(published[0]!.kid, published[1]!.kid);
    for (const jwk of published) {
      assert.deepEqual(Object.keys(jwk).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
      assert.deepEqual([jwk.alg, jwk.kty, jwk.use, jwk.e], ['RS256', 'RSA', 'sig', 'AQAB']);
      assert.equal(Buffer.from(jwk.n!, 'base64url').length, 256, 'a 2048-bit modulus');
    }
    const stored = await store.signingKeys.forPool(pool);
    assert.deepEqual(stored.map((key) => key.purpose).sort(), ['access', 'id']);
    for (const key of stored) {
      assert.ok(!key.privateJwk.includes('"d"'), 'the private key is sealed');
      assert.equal(key.createdAt, clock.now());
      assert.ok(JSON.parse(await box.open(key.privateJwk)).d, 'and opens to a private JWK');
    }
    assert.deepEqual(await keys.publicKeys(await newPool()), [], 'another pool publishes nothing');
  });

  it('signs each kind of token with its own key, which verifies it by kid', async () => {
    const keys = signingKeys(store, box, clock);
    const pool = await newPool();
    await keys.createForPool(pool);
    const stored = await store.signingKeys.forPool(pool);
    for (const purpose of ['id', 'access'] as const) {
      const signing = await keys.signingKey(pool, purpose);
      assert.equal(signing.kid, stored.find((key) => key.purpose === purpose)!.kid);
      assert.equal(await keys.signingKey(pool, purpose), signing, 'cached');
      const token = await new SignJWT({ purpose }).setProtectedHeader({ alg: 'RS256', kid: signing.kid }).sign(signing.key);
      const verifying = await keys.verificationKey(pool, signing.kid);
      assert.ok(verifying);
      assert.equal((await jwtVerify(token, verifying)).payload.purpose, purpose);
      const other = await keys.verificationKey(pool, (await keys.signingKey(pool, purpose === 'id' ? 'access' : 'id')).kid);
      await assert.rejects(jwtVerify(token, other!), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    }
    assert.equal(await keys.verificationKey(pool, 'no-such-kid'), undefined);
    assert.equal(await keys.verificationKey(await newPool(), stored[0]!.kid), undefined, 'a kid of another pool');
  });

  it('does not cache a failed lookup: a pool without keys fails, then works once it has them', async () => {
    const keys = signingKeys(store, box, clock);
    const pool = await newPool();
    await assert.rejects(keys.signingKey(pool, 'access'), { message: `pool ${pool} has no access signing key` });
    await keys.createForPool(pool);
    assert.ok((await keys.signingKey(pool, 'access')).kid);
  });

  it('does not cache an unknown kid: it verifies once a key with it exists', async () => {
    const keys = signingKeys(store, box, clock);
    const pool = await newPool();
    const source = await newPool();
    await keys.createForPool(source);
    const [record] = await store.signingKeys.forPool(source);
    assert.equal(await keys.verificationKey(pool, record!.kid), undefined);
    await store.signingKeys.insert({ ...record!, poolId: pool });
    assert.ok(await keys.verificationKey(pool, record!.kid));
  });

  it('forgets the cached keys of a deleted pool, and only of that pool', async () => {
    const keys = signingKeys(store, box, clock);
    const [gone, kept] = [await newPool(), await newPool()];
    for (const pool of [gone, kept]) await keys.createForPool(pool);
    const goneKid = (await keys.signingKey(gone, 'id')).kid;
    await keys.signingKey(gone, 'access');
    const keptKid = (await keys.signingKey(kept, 'id')).kid;
    await keys.verificationKey(gone, goneKid);
    await keys.verificationKey(kept, keptKid);
    await store.db.deleteFrom('signing_keys').execute();
    assert.equal((await keys.signingKey(gone, 'id')).kid, goneKid, 'cached until forgotten');
    keys.forget(gone);
    await assert.rejects(keys.signingKey(gone, 'id'), { message: `pool ${gone} has no id signing key` });
    await assert.rejects(keys.signingKey(gone, 'access'), { message: `pool ${gone} has no access signing key` });
    assert.equal(await keys.verificationKey(gone, goneKid), undefined);
    assert.equal((await keys.signingKey(kept, 'id')).kid, keptKid, 'the other pool keeps its cache');
    assert.ok(await keys.verificationKey(kept, keptKid));
  });
});
