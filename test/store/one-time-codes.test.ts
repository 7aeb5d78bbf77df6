/**
 * The one-time codes store on its own, on both engines: single use, expiry, the attempt limit that
 * counts every guess before it is compared, and a new code replacing the old one with its count.
 * Milliseconds per test, so that every rule of `consume` has one (the in-process tests in
 * test/userpools/messages/ prove the same through the API).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';
import { describeEngines } from '../support/engines.js';
import { createTestDatabase } from '../support/gatehouse.js';

const POOL = 'us-east-1_codes';
const NOW = 1_800_000_000_000;
const LATER = NOW + 60_000;
const MAX = 3;

/** Lets the queries of concurrent calls interleave, as they do across processes and on PostgreSQL. */
const yieldAfterEachQuery: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    await new Promise((resolve) => setImmediate(resolve));
    return args.result;
  },
};

describeEngines('one-time codes store', (engine) => {
  let store: Store;
  let users = 0;
  before(async () => {
    const databaseUrl = engine === 'postgres' ? await createTestDatabase() : undefined;
    const opened = openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'gatehouse-codes-')), databaseUrl });
    await migrateToLatest(opened.db);
    store = createStore(opened.db.withPlugin(yieldAfterEachQuery), opened.engine);
    await store.pools.insert({ id: POOL, name: 'codes', settings: {}, createdAt: 1, updatedAt: 1 });
  });
  after(async () => { await store.db.destroy(); });

  /** A new user's key for the purpose, the code stored as `hash`, expiring at LATER. */
  async function withCode(hash = 'right', purpose = 'confirm-sign-up') {
    const name = `user${++users}`;
    await store.users.create({
      poolId: POOL, username: name, usernameKey: name, sub: `sub-${name}`, status: 'UNCONFIRMED', enabled: true,
      passwordHash: null, srpSalt: null, srpVerifier: null, passwordSetAt: null, createdAt: NOW, updatedAt: NOW, attributes: {},
    }, []);
    const key = { poolId: POOL, usernameKey: name, purpose };
    await store.codes.put(key, hash, LATER, NOW);
    return key;
  }

  it('uses a matching code once; there is nothing to use for another purpose or user', async () => {
    const key = await withCode();
    assert.equal(await store.codes.consume({ ...key, purpose: 'forgot-password' }, 'right', NOW, MAX), 'missing');
    assert.equal(await store.codes.consume({ ...key, usernameKey: 'nobody' }, 'right', NOW, MAX), 'missing');
    assert.equal(await store.codes.consume(key, 'right', NOW, MAX), 'ok');
    assert.equal(await store.codes.consume(key, 'right', NOW, MAX), 'missing', 'used up');
  });

  it('expires at its expiry time, not a millisecond later', async () => {
    const key = await withCode();
    assert.equal(await store.codes.consume(key, 'right', LATER, MAX), 'expired');
    assert.equal(await store.codes.consume(key, 'right', LATER + 1, MAX), 'expired');
    const live = await withCode();
    assert.equal(await store.codes.consume(live, 'right', LATER - 1, MAX), 'ok');
  });

  it('answers a wrong guess with a mismatch, and the guess that reaches the limit burns the code', async () => {
    const key = await withCode();
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'mismatch');
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'mismatch');
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'exhausted', 'the third of three');
    assert.equal(await store.codes.consume(key, 'right', NOW, MAX), 'missing', 'burned: gone');
  });

  it('still takes the right code as the last allowed guess', async () => {
    const key = await withCode();
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'mismatch');
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'mismatch');
    assert.equal(await store.codes.consume(key, 'right', NOW, MAX), 'ok');
  });

  it('counts an expired guess too, and says exhausted while the spent code is still there', async () => {
    const key = await withCode();
    for (let i = 0; i < MAX; i++) assert.equal(await store.codes.consume(key, 'right', LATER, MAX), 'expired');
    assert.equal(await store.codes.consume(key, 'right', NOW, MAX), 'exhausted', 'no attempt left, though the row remains');
  });

  it('compares no more than the limit of a burst of parallel guesses, so the right one behind them is refused', async () => {
    // Thirty wrong guesses ahead of the right one: more than PostgreSQL's pool has connections, so
    // the right one's reservation queues behind the first ones however the server orders them.
    const key = await withCode();
    const outcomes = await Promise.all([...Array.from({ length: 30 }, () => store.codes.consume(key, 'wrong', NOW, MAX)), store.codes.consume(key, 'right', NOW, MAX)]);
    assert.ok(!outcomes.includes('ok'), outcomes.join());
    assert.equal(outcomes.filter((outcome) => outcome === 'mismatch').length, MAX - 1, outcomes.join());
    assert.ok(outcomes.includes('exhausted'), outcomes.join());
    assert.equal(await store.codes.consume(key, 'right', NOW, MAX), 'missing', 'the burst burned the code');
  });

  it('lets exactly one of parallel right guesses use the code', async () => {
    const key = await withCode();
    const outcomes = await Promise.all(Array.from({ length: 2 }, () => store.codes.consume(key, 'right', NOW, MAX)));
    assert.deepEqual([...outcomes].sort(), ['missing', 'ok']);
  });

  it('replaces the code and its count when a new one is put', async () => {
    const key = await withCode('old');
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'mismatch');
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'mismatch');
    await store.codes.put(key, 'new', LATER + 5, NOW + 1);
    assert.equal(await store.codes.consume(key, 'old', LATER + 1, MAX), 'mismatch', 'the old code is gone; the new expiry holds');
    assert.equal(await store.codes.consume(key, 'wrong', NOW, MAX), 'mismatch', 'the count restarted');
    assert.equal(await store.codes.consume(key, 'new', NOW, MAX), 'ok');
  });

  it('discards a code, and only that one', async () => {
    const key = await withCode();
    await store.codes.put({ ...key, purpose: 'forgot-password' }, 'other', LATER, NOW);
    await store.codes.discard(key);
    assert.equal(await store.codes.consume(key, 'right', NOW, MAX), 'missing');
    assert.equal(await store.codes.consume({ ...key, purpose: 'forgot-password' }, 'other', NOW, MAX), 'ok');
  });
});
