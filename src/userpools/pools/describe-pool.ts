/** UserPoolType as CreateUserPool and DescribeUserPool return it: identity, settings, tags, size. */
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Services } from '../../services.js';
import type { Store } from '../../store/store.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { poolArn } from './pool-lookup.js';

export async function describePool({ store, config }: Pick<Services, 'store' | 'config'>, pool: PoolRecord): Promise<UserPoolType> {
  const arn = poolArn(config, pool.id);
  const { MfaFactors: _factors, ...settings } = pool.settings;
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: arn,
    CreationDate: new Date(pool.createdAt),
    LastModifiedDate: new Date(pool.updatedAt),
    ...settings,
    UserPoolTags: await store.tags.list(arn),
    EstimatedNumberOfUsers: await estimatedNumberOfUsers(store, pool.id),
  };
}

/** How many users the pool holds (Cognito's figure is an estimate; ours is exact). */
export async function estimatedNumberOfUsers(store: Store, poolId: string): Promise<number> {
  return store.users.count(poolId);
}
