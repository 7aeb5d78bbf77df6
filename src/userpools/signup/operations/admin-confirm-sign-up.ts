/** AdminConfirmSignUp: confirms an UNCONFIRMED user without a code; any other status is refused. */
import type { AdminConfirmSignUpRequest } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';

export const adminConfirmSignUp = operation<AdminConfirmSignUpRequest, Record<string, never>>('AdminConfirmSignUp', async function adminConfirmSignUp({ store, clock }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  if (user.status !== 'UNCONFIRMED') throw NotAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  await store.users.update(pool.id, user.usernameKey, { status: 'CONFIRMED', updatedAt: clock.now() });
  return {};
});
