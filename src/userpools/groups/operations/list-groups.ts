/** ListGroups: the pool's groups in name order, Limit at a time (0 or absent: the maximum, 60). */
import type { ListGroupsRequest, ListGroupsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { decodePageToken, encodePageToken, isString } from '../../../protocol/pagination.js';
import { describeGroup } from '../groups.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const listGroups = operation<ListGroupsRequest, ListGroupsResponse>('ListGroups', async function listGroups({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const limit = input.Limit || 60;
  const after = decodePageToken(input.NextToken, isString);
  const groups = await store.groups.listAfter(pool.id, after, limit + 1);
  const page = groups.slice(0, limit);
  return {
    Groups: page.map(describeGroup),
    ...(groups.length > limit ? { NextToken: encodePageToken(page.at(-1)!.groupName) } : {}),
  };
});
