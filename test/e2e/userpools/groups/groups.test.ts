import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  CreateGroupCommand, DeleteGroupCommand, GetGroupCommand, ListGroupsCommand, UpdateGroupCommand, type GroupType,
} from '@aws-sdk/client-cognito-identity-provider';
import { SLOW, awsCli } from '../../../support/aws.js';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const ROLE = 'arn:aws:iam::123456789012:role/admins';
const withoutDates = ({ CreationDate, LastModifiedDate, ...rest }: GroupType) => rest;

describeEngines('groups', (engine) => {
  const { server, client } = useGatehouse(engine);
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'groups');
  });

  const get = async (GroupName: string) => (await client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName }))).Group!;
  const notFound = { name: 'ResourceNotFoundException', message: 'Group not found.' };

  it('creates a group with every member and gets it back', async () => {
    const started = Date.now();
    const { Group } = await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins', Description: 'Admins', RoleArn: ROLE, Precedence: 0 }));
    assert.deepEqual(withoutDates(Group!), { GroupName: 'admins', UserPoolId: poolId, Description: 'Admins', RoleArn: ROLE, Precedence: 0 });
    assert.ok(Group!.CreationDate!.getTime() >= started - 1000);
    assert.deepEqual(Group!.LastModifiedDate, Group!.CreationDate);
    assert.deepEqual(await get('admins'), Group);
  });

  it('leaves out the members a group does not have', async () => {
    const { Group } = await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'plain' }));
    assert.deepEqual(withoutDates(Group!), { GroupName: 'plain', UserPoolId: poolId });
  });

  it('refuses a second group of the same name, but not in another pool', async () => {
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'twice' }));
    await assert.rejects(client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'twice', Description: 'again' })),
      { name: 'GroupExistsException', message: 'A group with the name twice already exists.' });
    const other = await createPool(client, 'other');
    await client.send(new CreateGroupCommand({ UserPoolId: other, GroupName: 'twice' }));
    assert.equal((await get('twice')).Description, undefined);
  });

  it('updates only the members sent', async () => {
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Description: 'Editors', RoleArn: ROLE, Precedence: 5 }));
    const { Group } = await client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Precedence: 2 }));
    assert.deepEqual(withoutDates(Group!), { GroupName: 'editors', UserPoolId: poolId, Description: 'Editors', RoleArn: ROLE, Precedence: 2 });
    await client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Description: 'Copy editors' }));
    const edited = await get('editors');
    assert.deepEqual(withoutDates(edited), { GroupName: 'editors', UserPoolId: poolId, Description: 'Copy editors', RoleArn: ROLE, Precedence: 2 });
    assert.ok(edited.LastModifiedDate! >= edited.CreationDate!);
    await assert.rejects(client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'ghosts', Description: 'x' })), notFound);
  });

  it('deletes a group', async () => {
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'doomed' }));
    await client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'doomed' }));
    await assert.rejects(get('doomed'), notFound);
    await assert.rejects(client.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'doomed' })), notFound);
  });

  it('lists groups a page at a time', async () => {
    const listPool = await createPool(client, 'listing');
    const names = ['g1', 'g2', 'g3', 'g4', 'g5'];
    for (const GroupName of names) await client.send(new CreateGroupCommand({ UserPoolId: listPool, GroupName }));
    const seen: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListGroupsCommand({ UserPoolId: listPool, Limit: 2, NextToken }));
      assert.ok(page.Groups!.length <= 2);
      for (const group of page.Groups!) assert.equal(group.UserPoolId, listPool);
      seen.push(...page.Groups!.map((g) => g.GroupName!));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    assert.equal(pages, 3);
    assert.deepEqual(seen.sort(), names);
    assert.equal((await client.send(new ListGroupsCommand({ UserPoolId: listPool }))).Groups!.length, 5);
    await assert.rejects(client.send(new ListGroupsCommand({ UserPoolId: listPool, Limit: 61 })), { name: 'InvalidParameterException' });
  });

  it('names the missing group (unknown pools: test/userpools/unknown-pool.test.ts)', async () => {
    await assert.rejects(get('nobody'), notFound);
  });

  it('works through the AWS CLI', SLOW, async () => {
    const cliPool = await createPool(client, 'cli');
    const created = await awsCli(server, ['create-group', '--user-pool-id', cliPool, '--group-name', 'readers', '--description', 'Readers', '--precedence', '3']);
    assert.equal(created.code, 0, created.stderr);
    const group = (created.json as { Group: Record<string, unknown> }).Group;
    assert.equal(group.GroupName, 'readers');
    assert.equal(group.Precedence, 3);
    const listed = await awsCli(server, ['list-groups', '--user-pool-id', cliPool]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(listed.json, { Groups: [group] });
    const duplicate = await awsCli(server, ['create-group', '--user-pool-id', cliPool, '--group-name', 'readers']);
    assert.match(duplicate.stderr, /GroupExistsException.*A group with the name readers already exists\./);
  });
});
