/**
 * AdminSetUserPassword: a permanent password confirms the user (CONFIRMED); a temporary one puts
 * it in FORCE_CHANGE_PASSWORD with a fresh temporary-password validity. Either way the password
 * must satisfy the pool's policy, and earlier failed sign-ins are forgotten.
 */
import type { AdminSetUserPasswordRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { checkPasswordPolicy } from '../password-policy.js';
import { passwordSecrets } from '../password-secrets.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';

export const adminSetUserPassword = operation<AdminSetUserPasswordRequest, Record<string, never>>('AdminSetUserPassword', async function adminSetUserPassword(services, input) {
  const { store, clock } = services;
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  checkPasswordPolicy(pool, input.Password!);
  const secrets = await passwordSecrets(services, pool.id, user.username, input.Password!);
  await store.users.update(pool.id, user.usernameKey, {
    ...secrets, status: input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD', failedSignIns: 0, lockedUntil: 0, updatedAt: clock.now(),
  });
  return {};
});
