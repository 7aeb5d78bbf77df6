/** CreateGroup: a group whose name is unique in its pool. */
import type { CreateGroupRequest, CreateGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { GroupExists } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { isUniqueViolation } from '../../../store/sql-errors.js';
import { describeGroup } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const createGroup = operation<CreateGroupRequest, CreateGroupResponse>('CreateGroup', async function createGroup({ store, clock }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const now = clock.now();
  const group = {
    poolId: pool.id, groupName: input.GroupName!, description: input.Description, roleArn: input.RoleArn, precedence: input.Precedence,
    createdAt: now, updatedAt: now,
  };
  try {
    await store.groups.insert(group);
  } catch (error) {
    if (isUniqueViolation(error)) throw GroupExists(`A group with the name ${group.groupName} already exists.`);
    throw error;
  }
  return { Group: describeGroup(group) };
});
