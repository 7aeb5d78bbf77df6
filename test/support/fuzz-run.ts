/**
 * Runs generated requests (fuzz-inputs.ts) for every operation of a service model against a
 * running server, each a fast-check property: no 5xx (501 NotImplementedException aside), an
 * answer to every request within a time bound, an AWS `__type` on every error with no control
 * character in its message, and no state change from refused requests, checked by snapshots of a
 * fixture pool (ListUserPools, DescribeUserPool, ListUsers, ListGroups, ListUserPoolClients)
 * around each batch of an operation that may write, when the server accepted no request that may
 * write while the batch ran.
 * A failing property is shrunk by fast-check and reported; the other operations go on.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { ServiceModel } from '../../src/protocol/service-model.js';
import { inParallel } from './bad-input-probes.js';
import { bodyArbitrary, type FuzzFixture } from './fuzz-inputs.js';
import type { Gatehouse } from './gatehouse.js';
import { allPages } from './paging.js';
import { signedFetch, type AwsReply } from './signed-fetch.js';

export interface OperationStats {
  operation: string;
  cases: number;
  ok: number;
  refused: number;
  notImplemented: number;
  serverErrors: number;
  noAnswer: number;
  slowest: number;
}

export interface FuzzReport {
  stats: OperationStats[];
  failures: string[];
  stateChecks: { compared: number; skipped: number };
  seconds: number;
}

export interface FuzzOptions {
  model: ServiceModel;
  fixture: FuzzFixture;
  casesPerOperation: number;
  seed: number;
  /** Operations fuzzed at once. */
  width?: number;
  /** Cases between two snapshots of the fixture pool. */
  batch?: number;
  /** An answer slower than this is a failure (a request must not hold the server). */
  slowMs?: number;
  only?: string[];
  onOperationDone?: (stats: OperationStats) => void;
  /** Filled as operations start, for a report of a run cut short. */
  live?: OperationStats[];
  onFailure?: (failure: string) => void;
  /** Called once the arbitraries are built, just before the first request. */
  onStart?: () => void;
}

const READ_ONLY = /^(List|Describe|Get(?!UserAttributeVerificationCode|TokensFromRefreshToken|Id$|OpenIdToken|CredentialsForIdentity))/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What is wrong with a reply, or undefined. */
export function replyProblem(reply: AwsReply): string | undefined {
  const type = reply.json?.__type;
  if (reply.status === 501 && type === 'NotImplementedException') return undefined;
  if (reply.status >= 500) return `${reply.status} ${reply.text.slice(0, 200)}`;
  if (reply.status < 400) return reply.text === '' || reply.json ? undefined : `2xx body is not JSON: ${reply.text.slice(0, 100)}`;
  if (typeof type !== 'string' || !type) return `error without __type: ${reply.status} ${reply.text.slice(0, 200)}`;
  if (reply.headers.get('x-amzn-errortype') !== `${type}:`) return `x-amzn-ErrorType ${reply.headers.get('x-amzn-errortype')} for ${type}`;
  if (typeof reply.json!.message !== 'string') return `error without message: ${reply.text.slice(0, 200)}`;
  if (CONTROL.test(reply.json!.message as string)) return `control character echoed in the message: ${JSON.stringify((reply.json!.message as string).slice(0, 200))}`;
  return undefined;
}

/** What a refused request must leave as it was. */
export async function snapshot(server: Pick<Gatehouse, 'url'>, fixture: FuzzFixture): Promise<unknown> {
  const call = async (target: string, body: Record<string, unknown>) => {
    const reply = await signedFetch(server, target, body);
    return reply.status === 200 ? reply.json : { status: reply.status, type: reply.json?.__type };
  };
  const paged = (target: string, body: Record<string, unknown>, items: string, tokenIn: string, tokenOut = tokenIn) => allPages(async (token) => {
    const page = (await call(target, { ...body, ...(token ? { [tokenIn]: token } : {}) })) as Record<string, unknown>;
    return { items: (page[items] as unknown[] | undefined) ?? [page], token: page[tokenOut] as string | undefined };
  }, 200).then(({ items: all }) => all);
  const pool = { UserPoolId: fixture.UserPoolId };
  return {
    pools: await paged('ListUserPools', { MaxResults: 60 }, 'UserPools', 'NextToken'),
    pool: await call('DescribeUserPool', pool),
    users: await paged('ListUsers', { ...pool, Limit: 60 }, 'Users', 'PaginationToken'),
    groups: await paged('ListGroups', { ...pool, Limit: 60 }, 'Groups', 'NextToken'),
    clients: await paged('ListUserPoolClients', { ...pool, MaxResults: 60 }, 'UserPoolClients', 'NextToken'),
  };
}

export async function fuzzOperations(server: Pick<Gatehouse, 'url'>, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const { model, fixture } = options;
  const batch = options.batch ?? 25;
  const slowMs = options.slowMs ?? 10_000;
  const failures: string[] = [];
  const fail = (failure: string) => { failures.push(failure); options.onFailure?.(failure); };
  const stateChecks = { compared: 0, skipped: 0 };
  // A snapshot comparison proves something only if no request that may change state was accepted
  // while it ran: when the last such acceptance arrived, and the requests of that kind still in flight.
  let lastAcceptedMutation = -Infinity;
  const mutationsInFlight = new Set<Promise<unknown>>();
  const operations = Object.keys(model.operations).filter((name) => !options.only || options.only.includes(name));

  // Built before any request goes out: building blocks this process, and would pass for a slow server.
  const bodies = new Map(operations.map((name) => [name, bodyArbitrary(model, model.operations[name]!.input, { fixture })]));
  options.onStart?.();

  const fuzzOne = async (operation: string): Promise<OperationStats> => {
    // Each operation's seed follows from its name, so that --only reproduces a failure of a full run.
    const opSeed = options.seed + [...operation].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) % 1_000_003, 0);
    const { auth } = model.operations[operation]!;
    const stats: OperationStats = { operation, cases: 0, ok: 0, refused: 0, notImplemented: 0, serverErrors: 0, noAnswer: 0, slowest: 0 };
    options.live?.push(stats);
    const mutating = !READ_ONLY.test(operation);
    const body = bodies.get(operation)!;

    const send = async (text: string): Promise<string | undefined> => {
      stats.cases++;
      const start = performance.now();
      let reply: AwsReply;
      const request = signedFetch(server, `${model.targetPrefix}.${operation}`, text, { unsigned: auth === 'none', service: model.signingName });
      if (mutating) {
        mutationsInFlight.add(request);
        void request.finally(() => mutationsInFlight.delete(request)).catch(() => undefined);
      }
      try {
        reply = await request;
      } catch (error) {
        stats.noAnswer++;
        return `no answer: ${(error as Error).message}`;
      }
      const ms = performance.now() - start;
      stats.slowest = Math.max(stats.slowest, ms);
      if (reply.status < 300) {
        stats.ok++;
        if (mutating) lastAcceptedMutation = performance.now();
      } else if (reply.status === 501) stats.notImplemented++;
      else if (reply.status >= 500) stats.serverErrors++;
      else stats.refused++;
      if (ms > slowMs) return `answered after ${Math.round(ms)} ms`;
      return replyProblem(reply);
    };

    let failed = 0;
    for (let done = 0, round = 0; done < options.casesPerOperation; round++) {
      const runs = Math.min(batch, options.casesPerOperation - done);
      done += runs;
      const snapshotStart = performance.now();
      // Reads (List*, Describe*, Get*) are not snapshotted: the check is for what a refused write may leave.
      const before = mutating ? await snapshot(server, fixture) : undefined;
      try {
        await fc.assert(fc.asyncProperty(body, async (text) => {
          const problem = await send(text);
          if (problem) throw new Error(problem);
        }), { numRuns: runs, seed: opSeed + round, endOnFailure: false, maxSkipsPerRun: 1 });
      } catch (error) {
        const lines = (error as Error).message.split('\n');
        const cause = ((error as Error).cause as Error | undefined)?.message ?? lines.find((line) => /^Got (error|following error)/.test(line)) ?? '';
        fail(`${operation}: ${cause.slice(0, 300)} | ${lines.slice(0, 3).join(' | ').slice(0, 700)}`);
        // The operation goes on with its next batch; three failures are enough to tell.
        if (++failed >= 3) break;
        continue;
      }
      if (!mutating) continue;
      const after = await snapshot(server, fixture);
      await Promise.allSettled([...mutationsInFlight]);
      if (lastAcceptedMutation >= snapshotStart) stateChecks.skipped++;
      else {
        stateChecks.compared++;
        if (!isDeepStrictEqual(before, after)) {
          fail(`${operation}: refused requests changed state (seed ${opSeed + round}): ${firstDifference(before, after)}`);
          if (++failed >= 3) break;
        }
      }
    }
    options.onOperationDone?.(stats);
    return stats;
  };

  const stats = await inParallel(operations, options.width ?? 4, fuzzOne);
  return { stats, failures, stateChecks, seconds: (Date.now() - started) / 1000 };
}

function firstDifference(before: unknown, after: unknown, path = ''): string {
  if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) {
    return `${path || 'snapshot'}: ${JSON.stringify(before)?.slice(0, 200)} became ${JSON.stringify(after)?.slice(0, 200)}`;
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(a, b)) return firstDifference(a, b, `${path}.${key}`);
  }
  return path;
}

/** The summary table: one row per operation, then the totals. */
export function summaryTable(report: FuzzReport): string {
  const rows = report.stats.map((s) => [s.operation, s.cases, s.refused, s.ok, s.notImplemented, s.serverErrors + s.noAnswer, Math.round(s.slowest)]);
  const total = (i: number) => rows.reduce((sum, row) => sum + (row[i] as number), 0);
  rows.push(['TOTAL', total(1), total(2), total(3), total(4), total(5), Math.max(0, ...rows.map((row) => row[6] as number))]);
  const header = ['operation', 'cases', '4xx', '2xx', '501', '5xx/none', 'slowest ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** A pool (deletion protection on), an app client, a user and a group, for the generated requests to aim at. */
export async function createFuzzFixture(server: Pick<Gatehouse, 'url'>): Promise<FuzzFixture> {
  const call = async (target: string, body: Record<string, unknown>) => {
    const reply = await signedFetch(server, target, body);
    if (reply.status !== 200) throw new Error(`fuzz fixture: ${target} answered ${reply.status} ${reply.text}`);
    return reply.json!;
  };
  const { UserPool } = (await call('CreateUserPool', { PoolName: 'fuzz-fixture', DeletionProtection: 'ACTIVE', UserPoolTags: { team: 'fuzz' } })) as { UserPool: { Id: string; Arn: string } };
  const { UserPoolClient } = (await call('CreateUserPoolClient', { UserPoolId: UserPool.Id, ClientName: 'fuzz', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })) as { UserPoolClient: { ClientId: string } };
  await call('AdminCreateUser', { UserPoolId: UserPool.Id, Username: 'fuzz-user', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'fuzz@example.com' }] });
  await call('CreateGroup', { UserPoolId: UserPool.Id, GroupName: 'fuzz-group', Description: 'fixture' });
  return { UserPoolId: UserPool.Id, ClientId: UserPoolClient.ClientId, Username: 'fuzz-user', GroupName: 'fuzz-group', ResourceArn: UserPool.Arn };
}
