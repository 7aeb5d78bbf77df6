/**
 * DeleteUserAttributes: the signed-in user removes attributes its app client may write. Required
 * and immutable attributes stay; removing a contact removes its verified flag and alias
 * (attribute-changes.ts), and any new value or code waiting for verification.
 */
import type { DeleteUserAttributesRequest, DeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import type { PoolRecord } from '../../../store/user-pools.js';
import type { ClientRecord } from '../../../store/user-pool-clients.js';
import { applyAttributeChange, checkRemovable, planAttributeChange } from '../attribute-changes.js';
import { isContactAttribute } from '../../messages/message-destinations.js';
import { findAttribute } from '../../pools/schema-attributes.js';
import { authenticateClientCaller } from '../../tokens/token-caller.js';

export const deleteUserAttributes = operation<DeleteUserAttributesRequest, DeleteUserAttributesResponse>('DeleteUserAttributes', async function deleteUserAttributes(services, input) {
  const { store } = services;
  const { pool, user, client } = await authenticateClientCaller(services, input.AccessToken!);
  const names = input.UserAttributeNames!;
  checkRemovable(pool, names);
  checkWritable(pool, client, names);
  await applyAttributeChange(services, pool, user, planAttributeChange(pool, user, {}, names));
  const contacts = names.filter(isContactAttribute);
  await store.pendingAttributes.discard(pool.id, user.usernameKey, contacts);
  for (const name of contacts) await store.codes.discard({ poolId: pool.id, usernameKey: user.usernameKey, purpose: `verify:${name}` });
  return {};
});

/** What a user may not write it may not delete either: developer-only attributes, verified flags, and what its client cannot write. */
function checkWritable(pool: PoolRecord, client: ClientRecord, names: string[]): void {
  const writable = client.settings.WriteAttributes ?? [];
  const refused = (name: string) => findAttribute(pool, name)?.DeveloperOnlyAttribute || name.endsWith('_verified') || (writable.length > 0 && !writable.includes(name));
  if (names.some(refused)) throw NotAuthorized('A client attempted to write unauthorized attribute');
}
