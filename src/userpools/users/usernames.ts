/**
 * How a pool names its users. `username_key` is the username as compared (lower-cased when the
 * pool is case-insensitive). Aliases are the other names a user signs in with: email or phone
 * number in pools that use them as usernames (UsernameAttributes), and verified email, phone
 * number or preferred_username in pools with AliasAttributes.
 */
import type { Store } from '../../store/store.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';

/** API-created pools are case-sensitive unless UsernameConfiguration says otherwise. */
export const isCaseSensitive = (pool: PoolRecord) => pool.settings.UsernameConfiguration?.CaseSensitive !== false;

export function usernameKey(pool: PoolRecord, username: string): string {
  return isCaseSensitive(pool) ? username : username.toLowerCase();
}

/** The alias key of an attribute value; emails compare case-insensitively. */
export function aliasKey(pool: PoolRecord, attribute: string, value: string): string {
  const normalized = attribute === 'email' || !isCaseSensitive(pool) ? value.toLowerCase() : value;
  return `${attribute}:${normalized}`;
}

/** Attributes that are sign-in names in this pool. */
export function signInAttributes(pool: PoolRecord): string[] {
  return pool.settings.UsernameAttributes ?? pool.settings.AliasAttributes ?? [];
}

/** True when email/phone are the usernames (UsernameAttributes), so the username itself is a generated UUID. */
export const usesAttributesAsUsername = (pool: PoolRecord) => (pool.settings.UsernameAttributes?.length ?? 0) > 0;

/**
 * The alias keys a user holds given its attributes: with UsernameAttributes every present value
 * (they are the username), with AliasAttributes only verified email/phone (preferred_username always).
 */
export function aliasKeysOf(pool: PoolRecord, attributes: Record<string, string>): string[] {
  const keys: string[] = [];
  for (const attribute of signInAttributes(pool)) {
    const value = attributes[attribute];
    if (value === undefined) continue;
    const verified = attribute === 'preferred_username' || attributes[`${attribute}_verified`] === 'true';
    if (usesAttributesAsUsername(pool) || verified) keys.push(aliasKey(pool, attribute, value));
  }
  return keys;
}

/** Finds the user a typed name means: the username itself, or an alias of it. */
export async function findUserByName(store: Pick<Store, 'users'>, pool: PoolRecord, name: string): Promise<UserRecord | undefined> {
  const direct = await store.users.find(pool.id, usernameKey(pool, name));
  if (direct) return direct;
  for (const attribute of signInAttributes(pool)) {
    const user = await store.users.findByAlias(pool.id, aliasKey(pool, attribute, name));
    if (user) return user;
  }
  return undefined;
}
