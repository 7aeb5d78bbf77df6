/**
 * ListUsers: the pool's users in username order, Limit at a time (0 or absent: the maximum, 60),
 * optionally narrowed by one Filter and trimmed to AttributesToGet (users/user-search.ts).
 */
import type { ListUsersRequest, ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { decodePageToken, isString, pageOf } from '../../../protocol/pagination.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { userType } from '../user-lookup.js';
import { attributesToGet, parseUserFilter } from '../user-search.js';

export const listUsers = operation<ListUsersRequest, ListUsersResponse>('ListUsers', async function listUsers({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const filter = parseUserFilter(input.Filter);
  const attributes = attributesToGet(pool, input.AttributesToGet);
  const after = decodePageToken(input.PaginationToken, isString);
  if (filter === 'nobody') return { Users: [] };
  const limit = input.Limit || 60;
  const rows = await store.users.list(pool.id, { after, limit: limit + 1, filter });
  const { page, next } = pageOf(rows, limit, (user) => user.usernameKey);
  return { Users: page.map((user) => userType(user, attributes)), ...(next ? { PaginationToken: next } : {}) };
});
