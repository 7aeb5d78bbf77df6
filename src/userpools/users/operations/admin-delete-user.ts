/** AdminDeleteUser: removes the user and, through the schema's cascades, its attributes, memberships, codes and tokens. */
import type { AdminDeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../user-lookup.js';

export const adminDeleteUser = operation<AdminDeleteUserRequest, Record<string, never>>('AdminDeleteUser', async function adminDeleteUser({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  await store.users.remove(pool.id, user.usernameKey);
  return {};
});
