/**
 * Tagging a user pool by its ARN. Tags live in the ARN-keyed tag store rather than in the pool's
 * settings, so TagResource and UserPoolTags (Create/Update/DescribeUserPool) see one set.
 * A pool carries at most 50 tags (Cognito's TagResource reference).
 */
import { InvalidParameter, ResourceNotFound } from '../../errors.js';
import type { Tags } from '../../store/resource-tags.js';
import type { Services } from '../../services.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { poolArn, requirePool } from '../pools/pool-lookup.js';

export const MAX_TAGS_PER_POOL = 50;

const tooManyTags = () => InvalidParameter(`A user pool can have at most ${MAX_TAGS_PER_POOL} tags.`);

/** Adds tags to a pool's existing ones. */
export async function addPoolTags(store: Services['store'], arn: string, tags: Tags): Promise<void> {
  if (!(await store.tags.put(arn, tags, MAX_TAGS_PER_POOL))) throw tooManyTags();
}

/** Makes `tags` the pool's whole tag set (CreateUserPool, UpdateUserPool's UserPoolTags). */
export async function replacePoolTags(store: Services['store'], arn: string, tags: Tags): Promise<void> {
  checkTagCount(tags);
  await store.tags.replace(arn, tags);
}

export function checkTagCount(tags: Tags): void {
  if (Object.keys(tags).length > MAX_TAGS_PER_POOL) throw tooManyTags();
}

const POOL_ARN = /^arn:[\w-]+:cognito-idp:([\w-]*):(\d+):userpool\/(.+)$/;

/**
 * The pool an ARN names. An ARN of anything but a user pool is malformed here; a user pool ARN of
 * another region or account, or of a pool that does not exist, names no resource we have.
 */
export async function poolForArn(services: Pick<Services, 'store' | 'config'>, arn: string): Promise<{ pool: PoolRecord; arn: string }> {
  const match = POOL_ARN.exec(arn);
  if (!match) throw InvalidParameter(`Invalid ARN: ${arn}`);
  const [, region, account, poolId] = match as unknown as [string, string, string, string];
  if (region !== services.config.region || account !== services.config.accountId) {
    throw ResourceNotFound(`User pool ${poolId} does not exist.`);
  }
  const pool = await requirePool(services.store, poolId);
  // Tags are stored under the canonical ARN, whatever partition spelling the caller used.
  return { pool, arn: poolArn(services.config, pool.id) };
}
