/**
 * Names sort and page bytewise on every engine. SQLite compares text by bytes; the test command's
 * PostgreSQL cluster has an ICU en-US default collation, under which 'a' < 'A' < 'B' < 'é' and
 * '_x' sorts before letters, so every ordered or ranged query that forgets `collate "C"` answers
 * differently there. The same scenario (names whose ICU order differs from their byte order) runs
 * on each engine, in process, and every list must come back in byte order, page by page, and the
 * same on both: ListUsers (plain, with `^=` on the username and on an attribute), ListGroups,
 * AdminListGroupsForUser, ListUsersInGroup and ListUserPools; and `sub ^=` is case-sensitive.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import {
  AdminAddUserToGroupCommand, AdminListGroupsForUserCommand, CreateGroupCommand, ListGroupsCommand, ListUserPoolsCommand,
  ListUsersCommand, ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { engines } from '../../support/engines.js';
import { createPool } from '../../support/fixtures.js';
import { startInProcess, type InProcess } from '../../support/in-process.js';
import { allPages } from '../../support/paging.js';
import { createUser } from '../../support/users.js';

/** Usernames (in a case-sensitive pool) and group names whose ICU en-US order is not their byte order. */
const NAMES = ['a', 'B', '_x', 'é', 'e', 'Ab', 'aB', 'A', 'b', '-z', 'Z9', 'ß', 'É', 'ea', 'eZ'];

const bytewise = (names: string[]) => [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
const icu = new Intl.Collator('en-US');
const sameOrder = (names: string[]) => [...names].sort(icu.compare).join() === bytewise(names).join();

interface Lists {
  users: string[];
  usernamePrefix: string[];
  attributePrefix: string[];
  /** `sub ^=` with a user's sub prefix in lower case (as stored) and in upper case. */
  subPrefix: { lower: string[]; upper: string[]; owner: string };
  groups: string[];
  groupsForUser: string[];
  usersInGroup: string[];
  /** Pool ids are random, so only their order is compared. */
  poolIds: string[];
  /** How many pools there are, and whether ICU would order their ids differently. */
  pools: { count: number; icuDiffers: boolean };
}

async function scenario(server: InProcess): Promise<Lists> {
  const { client } = server;
  // Pools until their random ids order differently under ICU than bytewise (a handful, usually).
  const created: string[] = [];
  while (created.length < 2 || sameOrder(created)) {
    assert.ok(created.length < 100, 'pool ids that ICU orders as bytes do, again and again');
    created.push(await createPool(client, `extra ${created.length}`));
  }
  const poolId = await createPool(client, 'byte order', { UsernameConfiguration: { CaseSensitive: true } });
  for (const name of NAMES) await createUser(client, poolId, name, { given_name: name });
  for (const name of NAMES) await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name }));
  for (const name of NAMES) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'a', GroupName: name }));
    if (name !== 'a') await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: name, GroupName: 'a' }));
  }
  const listUsers = async (Filter?: string) => (await allPages(async (PaginationToken) => {
    const page = await client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2, PaginationToken, Filter }));
    return { items: page.Users!.map((user) => user.Username!), token: page.PaginationToken };
  })).items;
  const subs = (await client.send(new ListUsersCommand({ UserPoolId: poolId, AttributesToGet: ['sub'] }))).Users!
    .map((user) => ({ owner: user.Username!, prefix: user.Attributes![0]!.Value!.slice(0, 8) }));
  const { owner, prefix } = subs.find((sub) => /[a-f]/.test(sub.prefix))!;
  return {
    subPrefix: { owner, lower: await listUsers(`sub ^= "${prefix}"`), upper: await listUsers(`sub ^= "${prefix.toUpperCase()}"`) },
    users: await listUsers(),
    usernamePrefix: await listUsers('username ^= "a"'),
    attributePrefix: await listUsers('given_name ^= "e"'),
    groups: (await allPages(async (NextToken) => {
      const page = await client.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 2, NextToken }));
      return { items: page.Groups!.map((group) => group.GroupName!), token: page.NextToken };
    })).items,
    groupsForUser: (await allPages(async (NextToken) => {
      const page = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'a', Limit: 2, NextToken }));
      return { items: page.Groups!.map((group) => group.GroupName!), token: page.NextToken };
    })).items,
    usersInGroup: (await allPages(async (NextToken) => {
      const page = await client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'a', Limit: 2, NextToken }));
      return { items: page.Users!.map((user) => user.Username!), token: page.NextToken };
    })).items,
    pools: { count: created.length + 1, icuDiffers: !sameOrder([...created, poolId]) },
    poolIds: (await allPages(async (NextToken) => {
      const page = await client.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken }));
      return { items: page.UserPools!.map((pool) => pool.Id!), token: page.NextToken };
    })).items,
  };
}

describe(`byte order of names on ${engines.join(' and ')}`, () => {
  const results = new Map<string, Lists>();
  const servers: InProcess[] = [];
  before(async () => {
    for (const engine of engines) {
      const server = await startInProcess(engine);
      servers.push(server);
      results.set(engine, await scenario(server));
    }
  });
  after(async () => {
    for (const server of servers) await server.close();
  });

  const expected: Omit<Lists, 'poolIds' | 'pools' | 'subPrefix'> = {
    users: bytewise(NAMES),
    usernamePrefix: ['a', 'aB'],
    attributePrefix: ['e', 'eZ', 'ea'],
    groups: bytewise(NAMES),
    groupsForUser: bytewise(NAMES),
    usersInGroup: bytewise(NAMES),
  };

  it('the data really orders differently under ICU en-US than bytewise, and so does the PostgreSQL cluster', async (t) => {
    assert.ok(!sameOrder(NAMES));
    const postgres = servers.find((server) => server.services.store.engine === 'postgres');
    if (!postgres) return t.skip('no PostgreSQL cluster (GATEHOUSE_TEST_PG_URL)');
    if (process.env.GATEHOUSE_TEST_PG_COLLATION === 'libc') return t.skip('scripts/test.sh found no ICU locale provider; collate "C" goes untested');
    const { rows } = await sql<{ icu: boolean }>`select 'a' < 'B' as icu`.execute(postgres.services.store.db);
    assert.equal(rows[0]!.icu, true, 'the test database compares text by a linguistic collation, not bytewise');
    assert.notDeepEqual(NAMES.filter((name) => icu.compare(name, 'e') >= 0 && icu.compare(name, 'f') < 0), expected.attributePrefix);
  });

  for (const list of Object.keys(expected) as (keyof typeof expected)[]) {
    it(`${list}: every engine pages in byte order`, () => {
      for (const [engine, lists] of results) assert.deepEqual(lists[list], expected[list], `${list} on ${engine}`);
    });
  }

  it('subPrefix: a sub prefix matches as stored (lower case) and not in upper case, on every engine', () => {
    for (const [engine, { subPrefix }] of results) assert.deepEqual([subPrefix.lower, subPrefix.upper], [[subPrefix.owner], []], `sub ^= on ${engine}`);
  });

  it('poolIds: every engine pages ListUserPools in byte order of the ids', () => {
    for (const [engine, lists] of results) {
      assert.equal(lists.poolIds.length, lists.pools.count, `pools on ${engine}`);
      assert.ok(lists.pools.icuDiffers, `ICU orders the pool ids on ${engine} differently`);
      assert.deepEqual(lists.poolIds, bytewise(lists.poolIds), `ListUserPools on ${engine}`);
    }
  });
});
