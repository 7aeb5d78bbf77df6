/** AdminListGroupsForUser: the user's groups in name order, Limit at a time (0 or absent: the maximum, 60). */
import type { AdminListGroupsForUserRequest, AdminListGroupsForUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { decodePageToken, isString, pageOf } from '../../../protocol/pagination.js';
import { describeGroup } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';

export const adminListGroupsForUser = operation<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse>('AdminListGroupsForUser', async function adminListGroupsForUser({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  const limit = input.Limit || 60;
  const rows = await store.groups.listForUser(pool.id, user.usernameKey, decodePageToken(input.NextToken, isString), limit + 1);
  const { page, next } = pageOf(rows, limit, (group) => group.groupName);
  return { Groups: page.map(describeGroup), ...(next ? { NextToken: next } : {}) };
});
