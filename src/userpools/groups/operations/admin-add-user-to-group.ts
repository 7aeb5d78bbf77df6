/** AdminAddUserToGroup: adds the user to the group; adding a member again changes nothing; a group or user deleted meanwhile is not found. */
import type { AdminAddUserToGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import { ConcurrentModification } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { requireGroup } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';

export const adminAddUserToGroup = operation<AdminAddUserToGroupRequest, Record<string, never>>('AdminAddUserToGroup', async function adminAddUserToGroup({ store, clock }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const group = await requireGroup(store, pool.id, input.GroupName!);
  const user = await requireUser(store, pool, input.Username!);
  if (!(await store.users.addToGroup(pool.id, group.groupName, user.usernameKey, clock.now()))) {
    // The group or the user was deleted after the lookups above: answer as if it had gone first.
    await requireGroup(store, pool.id, input.GroupName!);
    await requireUser(store, pool, input.Username!);
    throw ConcurrentModification('The group or the user changed while the user was being added; try again.');
  }
  return {};
});
