/**
 * DeleteUserPool: removes the pool and everything it owns. Clients, their secrets, groups and
 * signing keys go with the pool row (foreign-key cascades); tags are keyed by ARN, so they are
 * removed here, and cached signing keys are forgotten.
 */
import type { DeleteUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { poolArn, requirePool } from '../pool-lookup.js';

export const deleteUserPool = operation<DeleteUserPoolRequest, Record<string, never>>('DeleteUserPool', async function deleteUserPool({ store, keys, config }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  if (pool.settings.DeletionProtection === 'ACTIVE') {
    throw InvalidParameter('The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.');
  }
  await store.pools.remove(pool.id);
  await store.tags.removeAll(poolArn(config, pool.id));
  keys.forget(pool.id);
  return {};
});
