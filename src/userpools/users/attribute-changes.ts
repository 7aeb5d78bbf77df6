/**
 * Changing an existing user's attributes, as the admin operations do. A new email or phone number
 * is unverified unless the same request verifies it; removing one removes its verified flag too.
 * The user's sign-in aliases follow its attributes (aliasKeysOf before and after), and a pool that
 * auto-verifies the changed contact sends a code for it (API reference,
 * AdminUpdateUserAttributes: no message when the request sets *_verified to true).
 */
import { InvalidParameter } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { aliasAttribute, aliasTaken, claimAliases } from './alias-claims.js';
import { deliverCode, destinationFor } from '../messages/code-delivery.js';
import { issueCode } from '../messages/one-time-codes.js';
import { findAttribute } from '../pools/schema-attributes.js';
import { aliasKeysOf } from './usernames.js';

const CONTACTS = ['email', 'phone_number'] as const;
type Contact = (typeof CONTACTS)[number];

export interface AttributeChange {
  set: Record<string, string>;
  remove: string[];
  addAliases: string[];
  dropAliases: string[];
  /** The user's attributes once changed. */
  after: Record<string, string>;
  /** Contacts that take a new value the request did not verify. */
  unverified: Contact[];
}

export function planAttributeChange(pool: PoolRecord, user: UserRecord, set: Record<string, string>, remove: string[]): AttributeChange {
  const changes = { ...set };
  const removing = new Set(remove);
  const unverified: Contact[] = [];
  for (const contact of CONTACTS) {
    const flag = `${contact}_verified`;
    const changed = changes[contact] !== undefined && changes[contact] !== user.attributes[contact];
    if (changed && changes[flag] === undefined) changes[flag] = 'false';
    if (changed && changes[flag] !== 'true') unverified.push(contact);
    if (removing.has(contact) && user.attributes[flag] !== undefined && changes[flag] === undefined) removing.add(flag);
  }
  const after = { ...user.attributes, ...changes };
  for (const name of removing) delete after[name];
  const before = aliasKeysOf(pool, user.attributes);
  const kept = aliasKeysOf(pool, after);
  return {
    set: changes, remove: [...removing], after, unverified,
    addAliases: kept.filter((key) => !before.includes(key)), dropAliases: before.filter((key) => !kept.includes(key)),
  };
}

/** Refuses to remove attributes the schema lacks, requires, or makes immutable. */
export function checkRemovable(pool: PoolRecord, names: string[]): void {
  const problems = names.flatMap((name) => {
    const schema = findAttribute(pool, name);
    if (!schema) return [`${name}: Attribute does not exist in the schema.`];
    if (schema.Required) return [`${name}: The attribute is required`];
    if (schema.Mutable === false) return [`${name}: Attribute cannot be updated. (changing an immutable attribute)`];
    return [];
  });
  if (problems.length) throw InvalidParameter(`Attributes did not conform to the schema: ${problems.join('\n')}`);
}

/** Writes the change; a new alias another user holds is refused and nothing changes. */
export async function applyAttributeChange(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, user: UserRecord, change: AttributeChange): Promise<UserRecord> {
  await claimAliases(services, pool, change.addAliases, { self: user.usernameKey, force: false, creating: false });
  const updatedAt = services.clock.now();
  const conflict = await services.store.users.changeAttributes(pool.id, user.usernameKey, {
    set: change.set, remove: change.remove, addAliases: change.addAliases, dropAliases: change.dropAliases, updatedAt,
  });
  // Only a race reaches this: another user took the alias after claimAliases looked.
  if (conflict) throw aliasTaken(pool, aliasAttribute(change.addAliases[0]!), false);
  return { ...user, attributes: change.after, updatedAt };
}

/** Sends a verification code for each unverified new contact the pool auto-verifies. */
export async function sendVerificationCodes(services: Pick<Services, 'store' | 'clock' | 'mailer' | 'sms' | 'log'>, pool: PoolRecord, user: UserRecord, contacts: Contact[]): Promise<void> {
  for (const contact of contacts) {
    const to = destinationFor(user, [contact]);
    if (!to || !pool.settings.AutoVerifiedAttributes?.includes(contact)) continue;
    const code = await issueCode(services, user, `verify:${contact}`, to.address);
    await deliverCode(services, pool, user, to, 'verification', code);
  }
}
