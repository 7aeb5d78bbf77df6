/**
 * Claiming sign-in aliases for a user: refusing one another user holds, as Cognito words it, or
 * moving it when the administrator asks (AdminCreateUser's ForceAliasCreation). The store's unique
 * key on aliases stays the last word; this only finds the holder first, to name the attribute.
 */
import type { CognitoError } from '../../errors.js';
import { AliasExists, UsernameExists } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { usesAttributesAsUsername } from './usernames.js';

export interface AliasHolder {
  key: string;
  attribute: string;
  owner: UserRecord;
}

/** The attribute an alias key stands for (`email:jo@example.com` → `email`). */
export const aliasAttribute = (key: string) => key.slice(0, key.indexOf(':'));

/** The refusal for a taken alias: where email/phone are usernames, a taken one is a taken username. */
export function aliasTaken(pool: PoolRecord, attribute: string, creating: boolean): CognitoError {
  if (usesAttributesAsUsername(pool)) {
    const message = `An account with the given ${attribute} already exists.`;
    return creating ? UsernameExists(message) : AliasExists(message);
  }
  return AliasExists(`An account with the ${attribute} already exists.`);
}

/** The users other than `self` who hold any of the alias keys. */
export async function aliasHolders(store: Services['store'], poolId: string, keys: string[], self?: string): Promise<AliasHolder[]> {
  const holders: AliasHolder[] = [];
  for (const key of keys) {
    const owner = await store.users.findByAlias(poolId, key);
    if (owner && owner.usernameKey !== self) holders.push({ key, attribute: aliasAttribute(key), owner });
  }
  return holders;
}

/**
 * Makes the alias keys free for a user: throws for one held by someone else, unless `force` lets
 * a verified email or phone number move (never a username, never preferred_username). The user
 * it moves from keeps the attribute, unverified, so it no longer signs in with it.
 */
export async function claimAliases(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, keys: string[], options: { self?: string; force: boolean; creating: boolean }): Promise<void> {
  const holders = await aliasHolders(services.store, pool.id, keys, options.self);
  const movable = (holder: AliasHolder) => options.force && !usesAttributesAsUsername(pool) && (holder.attribute === 'email' || holder.attribute === 'phone_number');
  const blocking = holders.find((holder) => !movable(holder));
  if (blocking) throw aliasTaken(pool, blocking.attribute, options.creating);
  for (const holder of holders) {
    await services.store.users.changeAttributes(pool.id, holder.owner.usernameKey, {
      set: { [`${holder.attribute}_verified`]: 'false' }, dropAliases: [holder.key], updatedAt: services.clock.now(),
    });
  }
}
