/**
 * Found by the fuzz test on PostgreSQL: AdminAddUserToGroup racing DeleteGroup (or AdminDeleteUser)
 * hit the membership's foreign key and answered 500. Whatever wins, each call gets its 200 or its
 * not-found error.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { signedFetch } from '../../../support/signed-fetch.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

describeEngines('group races', (engine) => {
  const { server, client } = useGatehouse(engine);

  it('answers AdminAddUserToGroup racing the deletion of its group or user with 200 or not found, never 500', async () => {
    const poolId = await createPool(client, 'group-races');
    const seen = new Set<string>();
    for (let round = 0; round < 25; round++) {
      const group = `g${round}`;
      const user = `u${round}`;
      assert.equal((await signedFetch(server, 'CreateGroup', { UserPoolId: poolId, GroupName: group })).status, 200);
      assert.equal((await signedFetch(server, 'AdminCreateUser', { UserPoolId: poolId, Username: user, MessageAction: 'SUPPRESS' })).status, 200);
      const deletion = round % 2 ? signedFetch(server, 'DeleteGroup', { UserPoolId: poolId, GroupName: group })
        : signedFetch(server, 'AdminDeleteUser', { UserPoolId: poolId, Username: user });
      const [added, deleted] = await Promise.all([signedFetch(server, 'AdminAddUserToGroup', { UserPoolId: poolId, GroupName: group, Username: user }), deletion]);
      assert.equal(deleted.status, 200, deleted.text);
      const outcome = added.status === 200 ? 'added' : String(added.json?.__type);
      assert.ok(['added', 'ResourceNotFoundException', 'UserNotFoundException'].includes(outcome), `round ${round}: ${added.status} ${added.text}`);
      seen.add(outcome);
    }
    assert.ok(seen.size >= 1, [...seen].join());
  });
});
