/** ListUsersInGroup: the group's members in username order, Limit at a time (0 or absent: the maximum, 60). */
import type { ListUsersInGroupRequest, ListUsersInGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { decodePageToken, isString, pageOf } from '../../../protocol/pagination.js';
import { requireGroup } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { userType } from '../../users/user-lookup.js';

export const listUsersInGroup = operation<ListUsersInGroupRequest, ListUsersInGroupResponse>('ListUsersInGroup', async function listUsersInGroup({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const group = await requireGroup(store, pool.id, input.GroupName!);
  const limit = input.Limit || 60;
  const rows = await store.users.listInGroup(pool.id, group.groupName, { after: decodePageToken(input.NextToken, isString), limit: limit + 1 });
  const { page, next } = pageOf(rows, limit, (user) => user.usernameKey);
  return { Users: page.map((user) => userType(user)), ...(next ? { NextToken: next } : {}) };
});
