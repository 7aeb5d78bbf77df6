/** AdminUserGlobalSignOut: GlobalSignOut on an administrator's word, by username or alias. */
import type { AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';

export const adminUserGlobalSignOut = operation<AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse>('AdminUserGlobalSignOut', async function adminUserGlobalSignOut({ store, clock }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  await store.refreshTokens.revokeAllForUser(pool.id, user.usernameKey, clock.now());
  return {};
});
