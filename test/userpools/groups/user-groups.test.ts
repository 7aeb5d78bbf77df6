import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminAddUserToGroupCommand, AdminDeleteUserCommand, AdminListGroupsForUserCommand, AdminRemoveUserFromGroupCommand, CreateGroupCommand, DeleteGroupCommand, ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPool } from '../../support/fixtures.js';
import { clientOf, useInProcess } from '../../support/in-process.js';
import { createUser } from '../../support/users.js';

describeEngines('group membership (in process)', (engine) => {
  const client = clientOf(useInProcess(engine));
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'memberships', { AliasAttributes: ['email'] });
  });

  const group = (GroupName: string, Precedence?: number) => client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName, Precedence }));
  const add = (Username: string, GroupName: string) => client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName }));
  const remove = (Username: string, GroupName: string) => client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username, GroupName }));
  const groupsOf = async (Username: string) => (await client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username }))).Groups!.map((g) => g.GroupName);
  const members = async (GroupName: string) => (await client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName }))).Users!.map((u) => u.Username);
  const groupNotFound = { name: 'ResourceNotFoundException', message: 'Group not found.' };
  const userNotFound = { name: 'UserNotFoundException', message: 'User does not exist.' };

  it('adds a user to groups, by username or alias, once however often asked', async () => {
    await group('readers', 3);
    await group('writers');
    await createUser(client, poolId, 'ann', { email: 'ann@example.com', email_verified: 'true' });
    await add('ann', 'writers');
    await add('ann@example.com', 'readers');
    await add('ann', 'readers');
    const { Groups } = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'ann' }));
    assert.deepEqual(Groups!.map((g) => g.GroupName), ['readers', 'writers']);
    assert.equal(Groups![0]!.Precedence, 3);
    assert.equal(Groups![0]!.UserPoolId, poolId);
    assert.ok(Groups![0]!.CreationDate instanceof Date);
    const { Users } = await client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'readers' }));
    assert.deepEqual(Users!.map((u) => [u.Username, u.UserStatus, u.Enabled]), [['ann', 'FORCE_CHANGE_PASSWORD', true]]);
    assert.ok(Users![0]!.Attributes!.some((a) => a.Name === 'email' && a.Value === 'ann@example.com'));
  });

  it('removes a user from a group, and removing a non-member changes nothing', async () => {
    await group('editors');
    await createUser(client, poolId, 'ben');
    await add('ben', 'editors');
    await remove('ben', 'editors');
    assert.deepEqual(await groupsOf('ben'), []);
    assert.deepEqual(await members('editors'), []);
    await remove('ben', 'editors');
  });

  it('refuses unknown groups and users', async () => {
    await createUser(client, poolId, 'cid');
    await assert.rejects(add('cid', 'ghosts'), groupNotFound);
    await assert.rejects(add('nobody', 'readers'), userNotFound);
    await assert.rejects(remove('cid', 'ghosts'), groupNotFound);
    await assert.rejects(remove('nobody', 'readers'), userNotFound);
    await assert.rejects(groupsOf('nobody'), userNotFound);
    await assert.rejects(members('ghosts'), groupNotFound);
  });

  it('pages through a user\'s groups and a group\'s members', async () => {
    const names = ['g1', 'g2', 'g3', 'g4', 'g5'];
    for (const name of names) await group(name);
    await createUser(client, poolId, 'dee');
    for (const name of names) await add('dee', name);
    const seenGroups: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'dee', Limit: 2, NextToken }));
      assert.ok(page.Groups!.length <= 2);
      seenGroups.push(...page.Groups!.map((g) => g.GroupName!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.deepEqual(seenGroups, names);

    const users = ['m1', 'm2', 'm3', 'm4', 'm5'];
    for (const name of users) {
      await createUser(client, poolId, name);
      await add(name, 'g1');
    }
    const seenUsers: string[] = [];
    let pages = 0;
    do {
      const page = await client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'g1', Limit: 4, NextToken }));
      seenUsers.push(...page.Users!.map((u) => u.Username!));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    assert.equal(pages, 2);
    assert.deepEqual(seenUsers.sort(), ['dee', ...users]);
  });

  it('drops memberships when the group is deleted', async () => {
    await group('temporary');
    await createUser(client, poolId, 'eli');
    await add('eli', 'temporary');
    await client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'temporary' }));
    assert.deepEqual(await groupsOf('eli'), []);
    await group('temporary');
    assert.deepEqual(await members('temporary'), [], 'a new group of the same name starts empty');
  });

  it('drops memberships when the user is deleted', async () => {
    await group('leaving');
    await createUser(client, poolId, 'fox');
    await add('fox', 'leaving');
    await client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'fox' }));
    assert.deepEqual(await members('leaving'), []);
    await createUser(client, poolId, 'fox');
    assert.deepEqual(await groupsOf('fox'), [], 'a new user of the same name has no groups');
  });
});
