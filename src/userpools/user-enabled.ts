/** Enabling and disabling a user: a disabled user cannot sign in, and its tokens stop working. */
import type { Services } from '../services.js';
import { requirePool } from './pool-lookup.js';
import { requireUser } from './user-lookup.js';

export async function setUserEnabled({ store, clock }: Pick<Services, 'store' | 'clock'>, poolId: string, username: string, enabled: boolean): Promise<Record<string, never>> {
  const pool = await requirePool(store, poolId);
  const user = await requireUser(store, pool, username);
  await store.users.update(pool.id, user.usernameKey, { enabled, updatedAt: clock.now() });
  return {};
}
