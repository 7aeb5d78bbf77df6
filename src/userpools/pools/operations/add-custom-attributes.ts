/** AddCustomAttributes: appends `custom:` (or `dev:custom:`) attributes to the pool's schema. */
import type { AddCustomAttributesRequest, AddCustomAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { ConcurrentModification } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../pool-lookup.js';
import { schemaAttributes, withCustomAttributes } from '../schema-attributes.js';

export const addCustomAttributes = operation<AddCustomAttributesRequest, AddCustomAttributesResponse>('AddCustomAttributes', async function addCustomAttributes({ store, clock }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const SchemaAttributes = withCustomAttributes(schemaAttributes(pool), input.CustomAttributes ?? []);
  const written = await store.pools.update(pool.id, pool.version, { settings: { ...pool.settings, SchemaAttributes }, updatedAt: clock.now() });
  if (!written) throw ConcurrentModification(`User pool ${pool.id} was modified by another request; retry the update.`);
  return {};
});
