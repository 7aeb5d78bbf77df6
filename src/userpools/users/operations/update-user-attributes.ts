/**
 * UpdateUserAttributes: the signed-in user changes its attributes, within what its app client may
 * write. Changed contacts are unverified and, where the pool auto-verifies them, sent a code
 * (users/attribute-update.ts has the rules).
 */
import type { CodeDeliveryDetailsType, UpdateUserAttributesRequest, UpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import type { Services } from '../../../services.js';
import type { UserRecord } from '../../../store/users.js';
import type { PoolRecord } from '../../../store/user-pools.js';
import { applyAttributeChange, planAttributeChange } from '../attribute-changes.js';
import { planAttributeUpdate, type AttributeUpdatePlan } from '../attribute-update.js';
import { contactDestination, deliverCode } from '../../messages/code-delivery.js';
import { issueCode } from '../../messages/one-time-codes.js';
import { authenticateClientCaller } from '../../tokens/token-caller.js';
import { attributeMap, validateAttributes } from '../user-attributes.js';

export const updateUserAttributes = operation<UpdateUserAttributesRequest, UpdateUserAttributesResponse>('UpdateUserAttributes', async function updateUserAttributes(services, input) {
  const { pool, user, client } = await authenticateClientCaller(services, input.AccessToken!);
  const changes = attributeMap(input.UserAttributes);
  validateAttributes(pool, changes, { writer: 'user', creating: false, writable: client.settings.WriteAttributes });
  const plan = planAttributeUpdate(pool, user, changes);
  await applyPlan(services, pool, user, plan);
  const CodeDeliveryDetailsList: CodeDeliveryDetailsType[] = [];
  for (const { attribute, address } of plan.codes) {
    const code = await issueCode(services, user, `verify:${attribute}`, address);
    CodeDeliveryDetailsList.push(await deliverCode(services, pool, user, contactDestination(attribute, address), 'verification', code));
  }
  return CodeDeliveryDetailsList.length ? { CodeDeliveryDetailsList } : {};
});

async function applyPlan(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, user: UserRecord, plan: AttributeUpdatePlan): Promise<void> {
  const { store, clock } = services;
  const change = planAttributeChange(pool, user, plan.set, []);
  await applyAttributeChange(services, pool, user, change);
  await store.pendingAttributes.discard(pool.id, user.usernameKey, plan.settled);
  // A code sent to the old value must not verify the new one.
  for (const name of change.unverified) await store.codes.discard({ poolId: pool.id, usernameKey: user.usernameKey, purpose: `verify:${name}` });
  for (const [name, value] of Object.entries(plan.pending)) await store.pendingAttributes.put(pool.id, user.usernameKey, name, value, clock.now());
}
