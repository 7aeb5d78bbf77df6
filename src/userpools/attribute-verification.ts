/**
 * Verifying a user's email address or phone number: the `<attribute>_verified` flag, the value
 * itself when a pending update is being confirmed, and the sign-in alias the verified value gives
 * in pools that use it as one. An alias another user holds is refused with AliasExistsException,
 * unless the caller forces it (ConfirmSignUp's ForceAliasCreation), which moves it: "the previous
 * user will no longer be able to log in using that alias" (API reference, ForceAliasCreation).
 */
import { AliasExists } from '../errors.js';
import type { Services } from '../services.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/users.js';
import type { PoolRecord } from '../store/user-pools.js';
import type { ContactAttribute } from './message-destinations.js';
import { aliasKey, aliasKeysOf } from './usernames.js';

export const aliasExists = (attribute: string) => AliasExists(`An account with the ${attribute} already exists.`);

/** The attribute an alias key stands for (keys are `<attribute>:<value>`, see usernames.ts). */
export const aliasAttribute = (key: string) => key.slice(0, key.indexOf(':'));

/** The aliases to add and drop when the user's attributes become `next`. */
export async function aliasChanges(store: Pick<Store, 'users'>, pool: PoolRecord, user: UserRecord, next: Record<string, string>): Promise<{ addAliases: string[]; dropAliases: string[] }> {
  const held = await store.users.aliases(pool.id, user.usernameKey);
  const wanted = aliasKeysOf(pool, next);
  return { addAliases: wanted.filter((key) => !held.includes(key)), dropAliases: held.filter((key) => !wanted.includes(key)) };
}

/** Throws AliasExistsException when verifying the attribute would take an alias another user holds. */
export async function checkAliasFree(store: Pick<Store, 'users'>, pool: PoolRecord, user: UserRecord, attribute: ContactAttribute, value = user.attributes[attribute]): Promise<void> {
  if (value === undefined) return;
  const holder = await store.users.findByAlias(pool.id, aliasKey(pool, attribute, value));
  if (holder && holder.usernameKey !== user.usernameKey) throw aliasExists(attribute);
}

export interface VerifyOptions {
  /** A new value that replaces the current one as it is verified. */
  value?: string;
  /** Move the alias from another user instead of refusing. */
  force?: boolean;
}

export async function markVerified(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, user: UserRecord, attribute: ContactAttribute, options: VerifyOptions = {}): Promise<void> {
  const { store, clock } = services;
  const set = { ...(options.value !== undefined && { [attribute]: options.value }), [`${attribute}_verified`]: 'true' };
  const changes = await aliasChanges(store, pool, user, { ...user.attributes, ...set });
  if (options.force) await takeAliases(services, pool, user, attribute, changes.addAliases);
  const conflict = await store.users.changeAttributes(pool.id, user.usernameKey, { set, ...changes, updatedAt: clock.now() });
  if (conflict) throw aliasExists(attribute);
}

/** Takes the aliases away from whoever holds them; they keep the value, no longer verified. */
async function takeAliases(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, user: UserRecord, attribute: ContactAttribute, keys: string[]): Promise<void> {
  for (const key of keys) {
    const holder = await services.store.users.findByAlias(pool.id, key);
    if (!holder || holder.usernameKey === user.usernameKey) continue;
    await services.store.users.changeAttributes(pool.id, holder.usernameKey, {
      set: { [`${attribute}_verified`]: 'false' }, dropAliases: [key], updatedAt: services.clock.now(),
    });
  }
}
