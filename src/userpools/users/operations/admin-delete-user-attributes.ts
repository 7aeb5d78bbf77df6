/** AdminDeleteUserAttributes: removes attributes (never required or immutable ones), and the aliases they carried. */
import type { AdminDeleteUserAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { applyAttributeChange, checkRemovable, planAttributeChange } from '../attribute-changes.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../user-lookup.js';

export const adminDeleteUserAttributes = operation<AdminDeleteUserAttributesRequest, Record<string, never>>('AdminDeleteUserAttributes', async function adminDeleteUserAttributes(services, input) {
  const pool = await requirePool(services.store, input.UserPoolId!);
  const user = await requireUser(services.store, pool, input.Username!);
  const names = [...new Set(input.UserAttributeNames!)];
  checkRemovable(pool, names);
  await applyAttributeChange(services, pool, user, planAttributeChange(pool, user, {}, names));
  return {};
});
