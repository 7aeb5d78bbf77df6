/** ListUserPoolClients: the pool's clients in a stable order, MaxResults at a time. */
import type { ListUserPoolClientsRequest, ListUserPoolClientsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { decodePageToken, encodePageToken, isString } from '../../../protocol/pagination.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const listUserPoolClients = operation<ListUserPoolClientsRequest, ListUserPoolClientsResponse>('ListUserPoolClients', async function listUserPoolClients({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const limit = input.MaxResults ?? 60;
  const after = decodePageToken(input.NextToken, isString);
  const clients = await store.clients.listAfter(pool.id, after, limit + 1);
  const page = clients.slice(0, limit);
  return {
    UserPoolClients: page.map((client) => ({ ClientId: client.clientId, UserPoolId: client.poolId, ClientName: client.clientName })),
    ...(clients.length > limit ? { NextToken: encodePageToken(page.at(-1)!.clientId) } : {}),
  };
});
