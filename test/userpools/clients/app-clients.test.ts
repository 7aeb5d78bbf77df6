/** What sign-in will rely on: finding a client by id alone, its secrets in clear, and its effective policy. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { secretBox } from '../../../src/crypto/secret-box.js';
import { openDatabase } from '../../../src/store/database.js';
import { migrateToLatest } from '../../../src/store/migrate.js';
import { createStore, type Store } from '../../../src/store/store.js';
import { clientPolicy, clientSecretValues, requireClient } from '../../../src/userpools/clients/app-clients.js';

describe('app clients for sign-in', () => {
  let store: Store;
  const secrets = secretBox(new Uint8Array(randomBytes(32)));
  before(async () => {
    const { db, engine } = openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'gatehouse-unit-')), databaseUrl: undefined });
    await migrateToLatest(db);
    store = createStore(db, engine);
    await store.pools.insert({ id: 'us-east-1_pool', name: 'p', settings: {}, createdAt: 1, updatedAt: 1 });
    const client = { poolId: 'us-east-1_pool', clientName: 'c', settings: {}, createdAt: 1, updatedAt: 1 };
    await store.clients.insert({ ...client, clientId: 'public' }, undefined);
    await store.clients.insert({ ...client, clientId: 'confidential' }, { secretId: 'confidential--1', sealed: await secrets.seal('first-secret'), createdAt: 1 });
    await store.clients.addSecret('us-east-1_pool', 'confidential', { sealed: await secrets.seal('second-secret'), now: 1, idFor: (at) => `confidential--${at}` }, 2);
  });
  after(async () => { await store.db.destroy(); });

  it('finds a client by its id alone, or fails as Cognito fails', async () => {
    assert.equal((await requireClient(store, 'public')).poolId, 'us-east-1_pool');
    await assert.rejects(requireClient(store, 'nobody'), { name: 'ResourceNotFoundException', message: 'User pool client nobody does not exist.' });
  });

  it('opens every current secret, oldest first, and none for a public client', async () => {
    assert.deepEqual(await clientSecretValues({ store, secrets }, await requireClient(store, 'confidential')), ['first-secret', 'second-secret']);
    assert.deepEqual(await clientSecretValues({ store, secrets }, await requireClient(store, 'public')), []);
    assert.deepEqual((await store.clients.secrets('us-east-1_pool', 'confidential')).map((s) => s.secretId), ['confidential--1', 'confidential--2']);
  });

  it('applies the documented defaults to a client that set nothing', () => {
    assert.deepEqual(clientPolicy({ RefreshTokenValidity: 30 }), {
      authFlows: new Set(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']),
      preventUserExistenceErrors: 'LEGACY',
      accessTokenSeconds: 3600, idTokenSeconds: 3600, refreshTokenSeconds: 30 * 86400, authSessionSeconds: 180,
      tokenRevocation: true, propagateUserContextData: false, refreshTokenRotation: { enabled: false, retryGracePeriodSeconds: 0 },
    });
  });

  it('reads validities in their units and legacy flows in ALLOW_ terms', () => {
    const policy = clientPolicy({
      AccessTokenValidity: 15, IdTokenValidity: 2, RefreshTokenValidity: 90, TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'minutes' },
      ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 20 },
    });
    assert.equal(policy.accessTokenSeconds, 900);
    assert.equal(policy.idTokenSeconds, 7200);
    assert.equal(policy.refreshTokenSeconds, 5400);
    assert.deepEqual(policy.authFlows, new Set(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH']));
    assert.deepEqual(policy.refreshTokenRotation, { enabled: true, retryGracePeriodSeconds: 20 });
    assert.deepEqual(clientPolicy({ ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY'] }).authFlows, new Set(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    assert.deepEqual(clientPolicy({ ExplicitAuthFlows: ['ALLOW_USER_AUTH'] }).authFlows, new Set(['ALLOW_USER_AUTH']));
  });
});
