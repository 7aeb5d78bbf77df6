/** Finding a pool or failing the way Cognito fails, and naming it as Cognito names it. */
import type { Config } from '../../config.js';
import { ResourceNotFound } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { PoolRecord } from '../../store/user-pools.js';

export async function requirePool(store: Pick<Store, 'pools'>, poolId: string): Promise<PoolRecord> {
  const pool = await store.pools.find(poolId);
  if (!pool) throw ResourceNotFound(`User pool ${poolId} does not exist.`);
  return pool;
}

/** `arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>` */
export function poolArn(config: Pick<Config, 'region' | 'accountId'>, poolId: string): string {
  return `arn:aws:cognito-idp:${config.region}:${config.accountId}:userpool/${poolId}`;
}
