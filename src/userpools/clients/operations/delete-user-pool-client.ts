/** DeleteUserPoolClient: removes the client and its secrets. */
import type { DeleteUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { clientNotFound } from '../app-clients.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const deleteUserPoolClient = operation<DeleteUserPoolClientRequest, Record<string, never>>('DeleteUserPoolClient', async function deleteUserPoolClient({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  if (!(await store.clients.remove(pool.id, input.ClientId!))) throw clientNotFound(input.ClientId!);
  return {};
});
