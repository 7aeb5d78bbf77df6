/** CreateUserPool: a pool with every setting stored (defaults filled in), its signing keys and its tags. */
import type { CreateUserPoolRequest, CreateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { describePool } from '../describe-pool.js';
import { poolArn } from '../pool-lookup.js';
import { newPoolSettings } from '../pool-settings.js';
import { checkTagCount, replacePoolTags } from '../../tags/pool-tags.js';

export const createUserPool = operation<CreateUserPoolRequest, CreateUserPoolResponse>('CreateUserPool', async function createUserPool(services, input) {
  const { store, clock, ids, keys, config } = services;
  const settings = newPoolSettings(input);
  const tags = input.UserPoolTags ?? {};
  checkTagCount(tags);
  const now = clock.now();
  const pool = { id: ids.userPool(config.region), name: input.PoolName!, settings, createdAt: now, updatedAt: now, version: 1 };
  await store.pools.insert(pool);
  await keys.createForPool(pool.id);
  await replacePoolTags(store, poolArn(config, pool.id), tags);
  return { UserPool: await describePool(services, pool) };
});
