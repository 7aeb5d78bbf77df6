/**
 * The in-process tier: the real app (`buildApp`, every route, the JSON edge with SigV4 and model
 * validation) over a real database on either engine, driven without sockets through Fastify's
 * `inject()`, with a clock the test moves. The AWS SDK v3 client is pointed at it through a
 * request handler that hands each request to `inject()`, so tests read like the end-to-end ones
 * and still run in milliseconds. Signatures are checked against the wall clock (what a signer's
 * skew is about); everything the domain times (codes, sessions, tokens, lockouts) follows the
 * moved clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before } from 'node:test';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { createServices } from '../../src/server/services.js';
import type { Services } from '../../src/services.js';
import { migrateTo, migrateToLatest } from '../../src/store/migrate.js';
import { createStore } from '../../src/store/store.js';
import { ADMIN, REGION, createTestDatabase, type Engine } from './gatehouse.js';
import { lateBound } from './late-bound.js';
import { startMailbox, type Mailbox } from './mailbox.js';
import { smsOutbox, type SmsOutbox } from './sms.js';
import { fullTarget, wirePath } from './signed-fetch.js';

/** A clock that stands still until the test moves it. */
export interface MovableClock {
  now(): number;
  advance(ms: number): void;
}

export interface InProcessOptions {
  /** Catch the server's mail in a real SMTP listener. */
  mail?: boolean;
  /** Have the server write its SMS to a file outbox. */
  sms?: boolean;
  /** More settings, as environment variables (GATEHOUSE_*). */
  env?: Record<string, string>;
  /**
   * Let concurrent requests interleave between their queries, as they do across worker processes
   * and on PostgreSQL: better-sqlite3 answers synchronously, so without this a request's queries
   * run back to back and no race can show on SQLite.
   */
  interleave?: boolean;
  /** Migrate only up to this migration (e.g. '001-foundation'), for tests of upgrades; default: all. */
  schema?: string;
}

export interface InProcess {
  app: FastifyInstance;
  services: Services;
  clock: MovableClock;
  /** The SDK v3 client, signed with the admin key, reaching the app through inject(). */
  client: CognitoIdentityProviderClient;
  /** A URL-shaped name for the app, for code that wants one; nothing listens on it. */
  url: string;
  mailbox: Mailbox;
  sms: SmsOutbox;
  /** A raw request through inject(), for what an SDK will not send. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const URL_FOR_INJECT = 'http://in-process.gatehouse.test';

export function movableClock(start = Date.now()): MovableClock {
  let now = start;
  return { now: () => now, advance: (ms) => { now += ms; } };
}

export async function startInProcess(engine: Engine, options: InProcessOptions = {}): Promise<InProcess> {
  const mailbox = options.mail ? await startMailbox() : undefined;
  const sms = options.sms ? smsOutbox() : undefined;
  const databaseUrl = engine === 'postgres' ? await createTestDatabase() : undefined;
  const config = loadConfig({ data: mkdtempSync(join(tmpdir(), 'gatehouse-inproc-')), databaseUrl, publicUrl: URL_FOR_INJECT }, {
    // Cheap hashes: these tests are about rules, not about the cost of argon2id.
    GATEHOUSE_ARGON2: 'm=1024,t=1,p=1',
    GATEHOUSE_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
    GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
    ...(mailbox ? { GATEHOUSE_SMTP_URL: mailbox.url } : {}),
    ...sms?.env,
    ...options.env,
  });
  const clock = movableClock();
  const created = createServices(config, pino({ level: process.env.GATEHOUSE_TEST_LOG ?? 'silent' }), clock);
  const services: Services = options.interleave
    ? { ...created, store: createStore(created.store.db.withPlugin(yieldAfterEachQuery), created.store.engine) }
    : created;
  await (options.schema ? migrateTo(services.store.db, options.schema) : migrateToLatest(services.store.db));
  const app = buildApp(services, (id) => (id === ADMIN.accessKeyId ? ADMIN.secretAccessKey : undefined));
  await app.ready();
  const client = new CognitoIdentityProviderClient({
    endpoint: URL_FOR_INJECT, region: REGION, credentials: ADMIN, maxAttempts: 1, requestHandler: injectHandler(app),
  });
  return {
    app, services, clock, client, url: URL_FOR_INJECT,
    mailbox: lateBound(() => mailbox, 'a mailbox (ask for { mail: true })'),
    sms: lateBound(() => sms, 'an SMS outbox (ask for { sms: true })'),
    inject: (request) => app.inject(request),
    async close() {
      client.destroy();
      await app.close();
      await services.store.db.destroy();
      await mailbox?.close();
    },
  };
}

/** Hands control back to the event loop after every query, so that other requests' queries can run in between. */
const yieldAfterEachQuery: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    await new Promise((resolve) => setImmediate(resolve));
    return args.result;
  },
};

/** node:test hooks: one in-process server for the suite, started before its tests and closed after. */
export function useInProcess(engine: Engine, options: InProcessOptions = {}): InProcess {
  let server: InProcess | undefined;
  before(async () => {
    server = await startInProcess(engine, options);
  });
  after(async () => {
    await server?.close();
  });
  return lateBound(() => server, 'the in-process server (it starts in a before hook)');
}

/** The SDK's transport, replaced by a call into the app: the request is exactly what the SDK built and signed. */
function injectHandler(app: FastifyInstance): RequestHandler<HttpRequest, HttpResponse> {
  return {
    async handle(request: HttpRequest) {
      const reply = await app.inject({
        method: request.method as InjectOptions['method'],
        url: wirePath(request),
        headers: request.headers,
        payload: requestBody(request.body),
      });
      const response: HttpResponse = {
        statusCode: reply.statusCode,
        headers: Object.fromEntries(Object.entries(reply.headers).map(([name, value]) => [name, String(value)])),
        body: Readable.from([reply.rawPayload]),
      };
      return { response };
    },
  };
}

/** The SDK's body as bytes, without calling the string methods its JSON codec bolts onto them. */
function requestBody(body: unknown): string | Buffer | undefined {
  if (body === undefined || body === null || typeof body === 'string') return body ?? undefined;
  const bytes = body as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An unsigned AWS JSON call straight into the app, without the SDK's middleware: for bursts of truly concurrent requests. */
export async function injectJson(server: Pick<InProcess, 'inject'>, target: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const reply = await server.inject({
    method: 'POST', url: '/', payload: JSON.stringify(body),
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': fullTarget(target), ...headers },
  });
  return { status: reply.statusCode, json: reply.body ? (JSON.parse(reply.body) as Record<string, unknown>) : {} };
}
