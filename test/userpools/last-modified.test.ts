/**
 * Dates that must change do change: each update moves LastModifiedDate to the server's clock and
 * leaves the creation date alone. In process with the movable clock, so "later" is asserted
 * strictly (the end-to-end tests, on the wall clock, can only ask for "not earlier"). Regression
 * test for an `updated_at` frozen in a store: every comparison with `>=` let it through.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  AdminDisableUserCommand, AdminGetUserCommand, AdminSetUserPasswordCommand, AdminUpdateUserAttributesCommand, CreateGroupCommand,
  DescribeUserPoolClientCommand, DescribeUserPoolCommand, GetGroupCommand, UpdateGroupCommand, UpdateUserPoolClientCommand, UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../support/engines.js';
import { createPoolWithClient } from '../support/fixtures.js';
import { useInProcess } from '../support/in-process.js';
import { createUser } from '../support/users.js';

const STEP = 5_000;

interface Dated {
  created: Date | undefined;
  modified: Date | undefined;
}

describeEngines('last-modified dates (in process)', (engine) => {
  const server = useInProcess(engine);

  /** Reads the dates, moves the clock, makes the change, and checks the dates it reads back. */
  async function assertMoves(label: string, read: () => Promise<Dated>, change: () => Promise<Dated | void>): Promise<void> {
    const before = await read();
    assert.ok(before.created && before.modified, `${label}: dates`);
    server.clock.advance(STEP);
    const answered = await change();
    const now = server.clock.now();
    for (const after of [...(answered ? [answered] : []), await read()]) {
      assert.ok(after.modified!.getTime() > before.modified!.getTime(), `${label}: ${after.modified!.toISOString()} is not later than ${before.modified!.toISOString()}`);
      assert.ok(Math.abs(after.modified!.getTime() - now) < 1, `${label}: modified ${after.modified!.getTime()}, clock ${now}`);
      assert.equal(after.created!.getTime(), before.created!.getTime(), `${label}: the creation date stays`);
    }
  }

  it('moves a group\'s LastModifiedDate on UpdateGroup, in the answer and on reading', async () => {
    const { client } = server;
    const { poolId } = await createPoolWithClient(client, 'groups');
    await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Description: 'Editors' }));
    const dates = (group: { CreationDate?: Date; LastModifiedDate?: Date } | undefined): Dated => ({ created: group?.CreationDate, modified: group?.LastModifiedDate });
    const read = async () => dates((await client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: 'editors' }))).Group);
    await assertMoves('UpdateGroup Description', read, async () => dates((await client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Description: 'Copy editors' }))).Group));
    await assertMoves('UpdateGroup Precedence', read, async () => dates((await client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Precedence: 3 }))).Group));
  });

  it('moves a pool\'s and an app client\'s LastModifiedDate on their updates', async () => {
    const { client } = server;
    const { poolId, app } = await createPoolWithClient(client, 'pool');
    await assertMoves('UpdateUserPool', async () => {
      const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      return { created: UserPool!.CreationDate, modified: UserPool!.LastModifiedDate };
    }, async () => { await client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, UserPoolTags: { team: 'identity' } })); });
    await assertMoves('UpdateUserPoolClient', async () => {
      const { UserPoolClient } = await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: app.clientId }));
      return { created: UserPoolClient!.CreationDate, modified: UserPoolClient!.LastModifiedDate };
    }, async () => {
      const { UserPoolClient } = await client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: app.clientId, ClientName: 'renamed' }));
      return { created: UserPoolClient!.CreationDate, modified: UserPoolClient!.LastModifiedDate };
    });
  });

  it('moves a user\'s UserLastModifiedDate on an attribute change, a new password and disabling', async () => {
    const { client } = server;
    const { poolId } = await createPoolWithClient(client, 'users');
    await createUser(client, poolId, 'ada', { name: 'Ada' });
    const read = async () => {
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ada' }));
      return { created: user.UserCreateDate, modified: user.UserLastModifiedDate };
    };
    await assertMoves('AdminUpdateUserAttributes', read, async () => { await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'ada', UserAttributes: [{ Name: 'name', Value: 'Ada L' }] })); });
    await assertMoves('AdminSetUserPassword', read, async () => { await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ada', Password: 'Correct-Horse-9', Permanent: true })); });
    await assertMoves('AdminDisableUser', read, async () => { await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'ada' })); });
  });
});
