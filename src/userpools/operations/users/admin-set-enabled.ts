/** AdminEnableUser and AdminDisableUser. A disabled user cannot sign in, and its tokens stop working. */
import type { AdminDisableUserRequest, AdminEnableUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import type { Services } from '../../../services.js';
import { requirePool } from '../../pool-lookup.js';
import { requireUser } from '../../user-lookup.js';

async function setEnabled({ store, clock }: Pick<Services, 'store' | 'clock'>, input: AdminEnableUserRequest | AdminDisableUserRequest, enabled: boolean) {
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  await store.users.update(pool.id, user.usernameKey, { enabled, updatedAt: clock.now() });
  return {};
}

export const adminEnableUser = operation<AdminEnableUserRequest, Record<string, never>>('AdminEnableUser', (services, input) => setEnabled(services, input, true));
export const adminDisableUser = operation<AdminDisableUserRequest, Record<string, never>>('AdminDisableUser', (services, input) => setEnabled(services, input, false));
