/**
 * Enabling and disabling a user. A disabled user cannot sign in, and disabling revokes its refresh
 * tokens and with them its access tokens (as AdminDisableUser does in Cognito), so that enabling
 * the user again does not bring an old session back.
 */
import type { Services } from '../../services.js';
import { requirePool } from '../pools/pool-lookup.js';
import { requireUser } from './user-lookup.js';

export async function setUserEnabled({ store, clock }: Pick<Services, 'store' | 'clock'>, poolId: string, username: string, enabled: boolean): Promise<Record<string, never>> {
  const pool = await requirePool(store, poolId);
  const user = await requireUser(store, pool, username);
  const now = clock.now();
  await store.users.update(pool.id, user.usernameKey, { enabled, updatedAt: now });
  if (!enabled) await store.refreshTokens.revokeAllForUser(pool.id, user.usernameKey, now);
  return {};
}
