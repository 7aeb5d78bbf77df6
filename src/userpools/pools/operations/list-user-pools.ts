/** ListUserPools: pools in a stable order, MaxResults at a time. */
import type { ListUserPoolsRequest, ListUserPoolsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { decodePageToken, encodePageToken, isString } from '../../../protocol/pagination.js';

export const listUserPools = operation<ListUserPoolsRequest, ListUserPoolsResponse>('ListUserPools', async function listUserPools({ store }, input) {
  const limit = input.MaxResults ?? 60; // required by the model, so the edge has checked it
  const after = decodePageToken(input.NextToken, isString);
  const pools = await store.pools.listAfter(after, limit + 1);
  const page = pools.slice(0, limit);
  return {
    UserPools: page.map((pool) => ({
      Id: pool.id,
      Name: pool.name,
      LambdaConfig: pool.settings.LambdaConfig ?? {},
      CreationDate: new Date(pool.createdAt),
      LastModifiedDate: new Date(pool.updatedAt),
    })),
    ...(pools.length > limit ? { NextToken: encodePageToken(page.at(-1)!.id) } : {}),
  };
});
