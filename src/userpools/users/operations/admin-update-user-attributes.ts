/**
 * AdminUpdateUserAttributes: sets attributes as an administrator (developer-only and verified
 * flags included); a blank value deletes the attribute (API reference). A changed email or phone
 * number is unverified, and coded for verification in pools that auto-verify it, unless the
 * request sets its *_verified flag.
 */
import type { AdminUpdateUserAttributesRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { applyAttributeChange, checkRemovable, planAttributeChange, sendVerificationCodes } from '../attribute-changes.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { attributeMap, validateAttributes } from '../user-attributes.js';
import { requireUser } from '../user-lookup.js';

export const adminUpdateUserAttributes = operation<AdminUpdateUserAttributesRequest, Record<string, never>>('AdminUpdateUserAttributes', async function adminUpdateUserAttributes(services, input) {
  const pool = await requirePool(services.store, input.UserPoolId!);
  const user = await requireUser(services.store, pool, input.Username!);
  const requested = Object.entries(attributeMap(input.UserAttributes));
  const set = Object.fromEntries(requested.filter(([, value]) => value !== ''));
  const blank = requested.filter(([, value]) => value === '').map(([name]) => name);
  validateAttributes(pool, set, { writer: 'admin', creating: false });
  checkRemovable(pool, blank);
  const change = planAttributeChange(pool, user, set, blank);
  const updated = await applyAttributeChange(services, pool, user, change);
  await sendVerificationCodes(services, pool, updated, change.unverified);
  return {};
});
