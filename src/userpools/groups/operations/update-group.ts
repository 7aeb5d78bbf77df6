/** UpdateGroup: changes only the members sent; the others keep their values. */
import type { UpdateGroupRequest, UpdateGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { describeGroup, groupNotFound } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const updateGroup = operation<UpdateGroupRequest, UpdateGroupResponse>('UpdateGroup', async function updateGroup({ store, clock }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const group = await store.groups.update(pool.id, input.GroupName!, {
    description: input.Description, roleArn: input.RoleArn, precedence: input.Precedence, updatedAt: clock.now(),
  });
  if (!group) throw groupNotFound();
  return { Group: describeGroup(group) };
});
