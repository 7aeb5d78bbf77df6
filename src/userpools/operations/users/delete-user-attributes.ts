/**
 * DeleteUserAttributes: the signed-in user removes attributes it may write. Required and
 * immutable attributes stay; removing a contact removes its verified flag, its alias, and any new
 * value or code waiting for verification.
 */
import type { DeleteUserAttributesRequest, DeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import type { PoolRecord } from '../../../store/user-pools.js';
import type { ClientRecord } from '../../../store/user-pool-clients.js';
import { aliasChanges } from '../../attribute-verification.js';
import { isContactAttribute } from '../../message-destinations.js';
import { findAttribute } from '../../schema-attributes.js';
import { authenticateClientCaller } from '../../token-caller.js';
import { checkRequiredAttributes } from '../../user-attributes.js';

export const deleteUserAttributes = operation<DeleteUserAttributesRequest, DeleteUserAttributesResponse>('DeleteUserAttributes', async function deleteUserAttributes(services, input) {
  const { store, clock } = services;
  const { pool, user, client } = await authenticateClientCaller(services, input.AccessToken!);
  const names = input.UserAttributeNames!;
  checkDeletable(pool, client, names);
  const contacts = names.filter(isContactAttribute);
  const remove = [...names, ...contacts.map((name) => `${name}_verified`)];
  const remaining = Object.fromEntries(Object.entries(user.attributes).filter(([name]) => !remove.includes(name)));
  checkRequiredAttributes(pool, remaining);
  const { dropAliases } = await aliasChanges(store, pool, user, remaining);
  await store.users.changeAttributes(pool.id, user.usernameKey, { remove, dropAliases, updatedAt: clock.now() });
  await store.pendingAttributes.discard(pool.id, user.usernameKey, contacts);
  for (const name of contacts) await store.codes.discard({ poolId: pool.id, usernameKey: user.usernameKey, purpose: `verify:${name}` });
  return {};
});

function checkDeletable(pool: PoolRecord, client: ClientRecord, names: string[]): void {
  const problems: string[] = [];
  const writable = client.settings.WriteAttributes ?? [];
  for (const name of names) {
    const schema = findAttribute(pool, name);
    if (!schema || name === 'sub') {
      problems.push(`${name}: Attribute does not exist in the schema.`);
      continue;
    }
    if (schema.DeveloperOnlyAttribute || name.endsWith('_verified') || (writable.length > 0 && !writable.includes(name))) {
      throw NotAuthorized('A client attempted to write unauthorized attribute');
    }
    if (schema.Mutable === false) problems.push(`${name}: Attribute cannot be updated. (changing an immutable attribute)`);
  }
  if (problems.length) throw InvalidParameter(`Attributes did not conform to the schema: ${problems.join('\n')}`);
}
