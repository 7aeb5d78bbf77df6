/**
 * In-process services over a fresh database (a SQLite file, or a new database in the test
 * command's PostgreSQL cluster) with a clock the test moves, for the sign-in
 * steps whose behaviour depends on time (session, lockout, temporary password and refresh-token
 * lifetimes). Pools and clients are made by the real operations; users are written to the store
 * directly, since the operations that create them belong to other modules.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateUserPoolClientRequest, CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { loadConfig } from '../../../src/config.js';
import { ids } from '../../../src/crypto/ids.js';
import { passwordHasher } from '../../../src/crypto/passwords.js';
import { secretBox } from '../../../src/crypto/secret-box.js';
import { signingKeys } from '../../../src/crypto/signing-keys.js';
import type { Operation } from '../../../src/protocol/operation.js';
import type { RequestContext, Services } from '../../../src/services.js';
import { openDatabase } from '../../../src/store/database.js';
import { migrateToLatest } from '../../../src/store/migrate.js';
import { createStore } from '../../../src/store/store.js';
import { createFunctionInvoker } from '../../../src/triggers/index.js';
import type { UserStatus } from '../../../src/store/users.js';
import { createUserPoolClient } from '../../../src/userpools/clients/operations/create-user-pool-client.js';
import { createUserPool } from '../../../src/userpools/pools/operations/create-user-pool.js';
import { passwordSecrets } from '../../../src/userpools/passwords/password-secrets.js';
import { aliasKeysOf, usernameKey } from '../../../src/userpools/users/usernames.js';
import { createTestDatabase, type Engine } from '../../support/gatehouse.js';

export interface Harness {
  services: Services;
  /** Moves the clock forward. */
  advance(ms: number): void;
  call<I, O>(op: Operation<I, O>, input: I): Promise<O>;
  createPool(input?: Partial<CreateUserPoolRequest>): Promise<string>;
  createClient(poolId: string, input?: Partial<CreateUserPoolClientRequest>): Promise<{ clientId: string; secret: string | undefined }>;
  createUser(poolId: string, username: string, password: string, options?: { status?: UserStatus; attributes?: Record<string, string> }): Promise<void>;
  close(): Promise<void>;
}

const context: RequestContext = { requestId: 'test', sourceIp: '127.0.0.1', accessKeyId: undefined };
const silent = { warn() {}, info() {}, error() {}, debug() {} } as unknown as Services['log'];

export async function authHarness(engine: Engine): Promise<Harness> {
  const databaseUrl = engine === 'postgres' ? await createTestDatabase() : undefined;
  const { db } = openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'gatehouse-auth-')), databaseUrl });
  await migrateToLatest(db);
  const store = createStore(db, engine);
  let now = Date.now();
  const clock = { now: () => now };
  const secrets = secretBox(new Uint8Array(randomBytes(32)));
  const services: Services = {
    config: loadConfig({}, {}), store, clock, ids, secrets, keys: signingKeys(store, secrets, clock),
    passwords: passwordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
    mailer: { async send() {} }, sms: { async send() {} } as unknown as Services['sms'], log: silent,
    functions: createFunctionInvoker({ region: 'us-east-1' }),
  };
  const call = <I, O>(op: Operation<I, O>, input: I) => op.handler(services, input, context);
  return {
    services,
    advance: (ms) => { now += ms; },
    call,
    async createPool(input = {}) {
      return (await call(createUserPool, { PoolName: 'auth', ...input })).UserPool!.Id!;
    },
    async createClient(poolId, input = {}) {
      const { UserPoolClient } = await call(createUserPoolClient, { UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], ...input });
      return { clientId: UserPoolClient!.ClientId!, secret: UserPoolClient!.ClientSecret };
    },
    async createUser(poolId, username, password, options = {}) {
      const pool = (await store.pools.find(poolId))!;
      const attributes = { sub: ids.uuid(), ...options.attributes };
      const conflict = await store.users.create({
        poolId, username, usernameKey: usernameKey(pool, username), sub: attributes.sub, status: options.status ?? 'CONFIRMED', enabled: true,
        ...(await passwordSecrets(services, poolId, username, password)), createdAt: now, updatedAt: now, attributes,
      }, aliasKeysOf(pool, attributes));
      if (conflict) throw new Error(`cannot create ${username}: ${conflict}`);
    },
    close: () => db.destroy(),
  };
}
