/** GetGroup: one group by name. */
import type { GetGroupRequest, GetGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { describeGroup, requireGroup } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const getGroup = operation<GetGroupRequest, GetGroupResponse>('GetGroup', async function getGroup({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  return { Group: describeGroup(await requireGroup(store, pool.id, input.GroupName!)) };
});
