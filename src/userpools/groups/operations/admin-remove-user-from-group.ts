/** AdminRemoveUserFromGroup: removes the user from the group; removing a non-member changes nothing. */
import type { AdminRemoveUserFromGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requireGroup } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';

export const adminRemoveUserFromGroup = operation<AdminRemoveUserFromGroupRequest, Record<string, never>>('AdminRemoveUserFromGroup', async function adminRemoveUserFromGroup({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const group = await requireGroup(store, pool.id, input.GroupName!);
  const user = await requireUser(store, pool, input.Username!);
  await store.users.removeFromGroup(pool.id, group.groupName, user.usernameKey);
  return {};
});
