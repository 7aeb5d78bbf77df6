/** DeleteGroup: removes the group. */
import type { DeleteGroupRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { groupNotFound } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const deleteGroup = operation<DeleteGroupRequest, Record<string, never>>('DeleteGroup', async function deleteGroup({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  if (!(await store.groups.remove(pool.id, input.GroupName!))) throw groupNotFound();
  return {};
});
