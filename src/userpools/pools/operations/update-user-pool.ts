/**
 * UpdateUserPool: replaces the pool's settings, resetting every member the request leaves out, as
 * Cognito does. The write is conditional on the version read, so two concurrent updates cannot
 * silently merge; the loser gets ConcurrentModificationException and may retry.
 */
import type { UpdateUserPoolRequest, UpdateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import { ConcurrentModification } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { poolArn, requirePool } from '../pool-lookup.js';
import { updatedPoolSettings } from '../pool-settings.js';
import { checkTagCount, replacePoolTags } from '../../tags/pool-tags.js';

export const updateUserPool = operation<UpdateUserPoolRequest, UpdateUserPoolResponse>('UpdateUserPool', async function updateUserPool({ store, clock, config }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const settings = updatedPoolSettings(pool.settings, input);
  if (input.UserPoolTags) checkTagCount(input.UserPoolTags);
  const written = await store.pools.update(pool.id, pool.version, { name: input.PoolName, settings, updatedAt: clock.now() });
  if (!written) throw ConcurrentModification(`User pool ${pool.id} was modified by another request; retry the update.`);
  // Tags are kept unless the request names a new set.
  if (input.UserPoolTags) await replacePoolTags(store, poolArn(config, pool.id), input.UserPoolTags);
  return {};
});
