import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminDisableUserCommand, AdminSetUserPasswordCommand, ListUsersCommand, type ListUsersCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPool } from '../../support/fixtures.js';
import { clientOf, useInProcess } from '../../support/in-process.js';
import { attributesOf, createUser } from '../../support/users.js';

const PEOPLE: Record<string, Record<string, string>> = {
  Alice: { email: 'alice@example.com', phone_number: '+15550001001', name: 'Alice Smith', given_name: 'Alice', family_name: 'Smith', preferred_username: 'ally' },
  alan: { email: 'alan@example.com', name: 'Alan O"Brien', given_name: 'Alan', family_name: 'O"Brien' },
  bob: { email: 'bob@corp.test', given_name: 'Bob', family_name: 'Back\\slash' },
  carol: { phone_number: '+15550001002', given_name: 'Carol', family_name: 'Smith' },
  dave: {},
  erin: {},
};
const PLAIN = ['u01', 'u02', 'u03', 'u04', 'u05', 'u06'];
const EVERYONE = [...Object.keys(PEOPLE), ...PLAIN].sort();

describeEngines('ListUsers (in process)', (engine) => {
  const client = clientOf(useInProcess(engine));
  let poolId: string;
  const subs: Record<string, string> = {};
  before(async () => {
    // Case-insensitive, so that `username` (the stored spelling) and the lookup key differ.
    poolId = await createPool(client, 'directory', { UsernameConfiguration: { CaseSensitive: false } });
    for (const [username, attributes] of Object.entries(PEOPLE)) subs[username] = attributesOf((await createUser(client, poolId, username, attributes)).Attributes).sub!;
    for (const username of PLAIN) await createUser(client, poolId, username);
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'dave' }));
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'erin', Password: 'Permanent-Pass1', Permanent: true }));
  });

  const list = (input: Omit<ListUsersCommandInput, 'UserPoolId'> = {}) => client.send(new ListUsersCommand({ UserPoolId: poolId, ...input }));
  const names = async (Filter: string) => (await list({ Filter })).Users!.map((user) => user.Username!).sort();
  const parseError = { name: 'InvalidParameterException', message: 'Error while parsing filter.' };

  it('lists everyone without a filter or with an empty one, with all attributes and state', async () => {
    const { Users, PaginationToken } = await list();
    assert.equal(PaginationToken, undefined);
    assert.deepEqual(Users!.map((user) => user.Username).sort(), EVERYONE);
    const alice = Users!.find((user) => user.Username === 'Alice')!;
    assert.deepEqual(attributesOf(alice.Attributes), { sub: subs.Alice, ...PEOPLE.Alice });
    assert.equal(alice.UserStatus, 'FORCE_CHANGE_PASSWORD');
    assert.equal(alice.Enabled, true);
    assert.deepEqual(await names(''), EVERYONE);
    assert.deepEqual(await names('   '), EVERYONE);
  });

  it('filters on the stored username, case-sensitively', async () => {
    assert.deepEqual(await names('username = "Alice"'), ['Alice']);
    assert.deepEqual(await names('username = "alice"'), []);
    assert.deepEqual(await names('username ^= "al"'), ['alan']);
    assert.deepEqual(await names('username ^= "u0"'), PLAIN);
  });

  it('filters on each searchable standard attribute, exactly or by prefix', async () => {
    assert.deepEqual(await names('email = "alice@example.com"'), ['Alice']);
    assert.deepEqual(await names('email ^= "al"'), ['Alice', 'alan']);
    assert.deepEqual(await names('email ^= "alice@example.co"'), ['Alice']);
    assert.deepEqual(await names('phone_number = "+15550001002"'), ['carol']);
    assert.deepEqual(await names('phone_number ^= "+1555000100"'), ['Alice', 'carol']);
    assert.deepEqual(await names('name ^= "Al"'), ['Alice', 'alan']);
    assert.deepEqual(await names('given_name = "Bob"'), ['bob']);
    assert.deepEqual(await names('given_name ^= "C"'), ['carol']);
    assert.deepEqual(await names('family_name = "Smith"'), ['Alice', 'carol']);
    assert.deepEqual(await names('preferred_username = "ally"'), ['Alice']);
    assert.deepEqual(await names('preferred_username ^= "all"'), ['Alice']);
    assert.deepEqual(await names('family_name = "Smit"'), []);
    assert.deepEqual(await names('email ^= ""'), ['Alice', 'alan', 'bob']);
  });

  it('filters on status, sub and cognito:user_status', async () => {
    assert.deepEqual(await names('status = "Disabled"'), ['dave']);
    assert.deepEqual(await names('status ^= "Dis"'), ['dave']);
    assert.deepEqual(await names('status = "Enabled"'), EVERYONE.filter((name) => name !== 'dave'));
    assert.deepEqual(await names('status = "disabled"'), [], 'status is case-sensitive');
    assert.deepEqual(await names('status ^= ""'), EVERYONE);
    assert.deepEqual(await names(`sub = "${subs.bob}"`), ['bob']);
    assert.deepEqual(await names(`sub ^= "${subs.carol!.slice(0, 13)}"`), ['carol']);
    assert.deepEqual(await names('cognito:user_status = "confirmed"'), ['erin'], 'the status value is case-insensitive');
    assert.deepEqual(await names('cognito:user_status = "CONFIRMED"'), ['erin']);
    assert.deepEqual(await names('cognito:user_status ^= "force_"'), EVERYONE.filter((name) => name !== 'erin'));
    assert.deepEqual(await names('cognito:user_status = "UNCONFIRMED"'), []);
  });

  it('reads quoted values with backslash escapes, spaces around the operator optional', async () => {
    assert.deepEqual(await names('family_name = "O\\"Brien"'), ['alan']);
    assert.deepEqual(await names('name ^= "Alan O\\""'), ['alan']);
    assert.deepEqual(await names('family_name = "Back\\\\slash"'), ['bob']);
    assert.deepEqual(await names('email="bob@corp.test"'), ['bob']);
    assert.deepEqual(await names('  email^="bob"  '), ['bob']);
    assert.deepEqual(await names('given_name = "B\\ob"'), ['bob'], 'an escaped ordinary character is itself');
  });

  it('refuses filters it cannot parse and attributes that are not searchable', async () => {
    for (const filter of ['username = foo', 'username=', 'email', 'email = "unterminated', 'email == "x"', '= "x"', 'email = "x" extra', 'email ~= "x"']) {
      await assert.rejects(list({ Filter: filter }), parseError, filter);
    }
    await assert.rejects(list({ Filter: 'custom:plan = "x"' }), { name: 'InvalidParameterException', message: 'Invalid search attribute: custom:plan' });
    await assert.rejects(list({ Filter: 'address ^= "x"' }), { name: 'InvalidParameterException', message: 'Invalid search attribute: address' });
  });

  it('returns only the attributes asked for', async () => {
    const { Users } = await list({ Filter: 'username ^= "a"', AttributesToGet: ['email', 'given_name'] });
    assert.deepEqual(attributesOf(Users![0]!.Attributes), { email: 'alan@example.com', given_name: 'Alan' });
    const { Users: plain } = await list({ Filter: 'username = "u01"', AttributesToGet: ['email'] });
    assert.deepEqual(plain![0]!.Attributes, []);
    const { Users: all } = await list({ Filter: 'username = "bob"', AttributesToGet: [] });
    assert.deepEqual(attributesOf(all![0]!.Attributes), { sub: subs.bob, ...PEOPLE.bob });
    await assert.rejects(list({ AttributesToGet: ['email', 'shoe_size'] }), { name: 'InvalidParameterException', message: 'One or more requested attributes do not exist.' });
  });

  it('pages through the users with no gaps and no duplicates', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let PaginationToken: string | undefined;
    do {
      const page = await list({ Limit: 5, PaginationToken });
      sizes.push(page.Users!.length);
      seen.push(...page.Users!.map((user) => user.Username!));
      PaginationToken = page.PaginationToken;
    } while (PaginationToken);
    assert.deepEqual(sizes, [5, 5, 2]);
    assert.deepEqual([...seen].sort(), EVERYONE);
    assert.equal(new Set(seen).size, seen.length);
  });

  it('pages through filtered results', async () => {
    const first = await list({ Filter: 'cognito:user_status ^= "F"', Limit: 6 });
    assert.equal(first.Users!.length, 6);
    const second = await list({ Filter: 'cognito:user_status ^= "F"', Limit: 6, PaginationToken: first.PaginationToken });
    assert.equal(second.PaginationToken, undefined);
    assert.deepEqual([...first.Users!, ...second.Users!].map((user) => user.Username).sort(), EVERYONE.filter((name) => name !== 'erin'));
  });

  it('treats Limit 0 as the maximum and refuses more than 60', async () => {
    assert.equal((await list({ Limit: 0 })).Users!.length, EVERYONE.length);
    await assert.rejects(list({ Limit: 61 }), { name: 'InvalidParameterException', message: /Member must have value less than or equal to 60/ });
    await assert.rejects(list({ PaginationToken: 'not-a-token' }), { name: 'InvalidParameterException', message: 'Invalid pagination token.' });
  });
});
