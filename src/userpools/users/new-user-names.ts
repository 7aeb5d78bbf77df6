/**
 * What a new user is called. In pools whose UsernameAttributes make email or phone number the
 * username, the name given must be one of those: it becomes that attribute, and the user's real
 * username is a new UUID (Cognito's "persistent GUID"). Elsewhere the name given is the username,
 * and Cognito refuses one shaped like an alias attribute, which would shadow another user's alias.
 */
import { InvalidParameter } from '../../errors.js';
import type { Ids } from '../../crypto/ids.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { isEmailAddress, isPhoneNumber } from './user-attributes.js';
import { usernameKey, usesAttributesAsUsername } from './usernames.js';

export interface NewUserName {
  username: string;
  usernameKey: string;
  /** The attributes given, with the username attribute filled in where the name is one. */
  attributes: Record<string, string>;
}

export function nameNewUser(pool: PoolRecord, name: string, attributes: Record<string, string>, ids: Pick<Ids, 'uuid'>): NewUserName {
  if (usesAttributesAsUsername(pool)) {
    const attribute = usernameAttributeOf(pool, name);
    const username = ids.uuid();
    return { username, usernameKey: usernameKey(pool, username), attributes: { ...attributes, [attribute]: name } };
  }
  checkNotAliasShaped(pool, name);
  return { username: name, usernameKey: usernameKey(pool, name), attributes };
}

/** Which username attribute a name is, or Cognito's refusal naming what it should have been. */
function usernameAttributeOf(pool: PoolRecord, name: string): 'email' | 'phone_number' {
  const allowed = pool.settings.UsernameAttributes ?? [];
  if (allowed.includes('email') && isEmailAddress(name)) return 'email';
  if (allowed.includes('phone_number') && isPhoneNumber(name)) return 'phone_number';
  if (allowed.length > 1) throw InvalidParameter('Username should be either an email or a phone number.');
  throw InvalidParameter(allowed[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.');
}

function checkNotAliasShaped(pool: PoolRecord, name: string): void {
  const aliases = pool.settings.AliasAttributes ?? [];
  if (aliases.includes('email') && isEmailAddress(name)) {
    throw InvalidParameter('Username cannot be of email format, since user pool is configured for email alias.');
  }
  if (aliases.includes('phone_number') && isPhoneNumber(name)) {
    throw InvalidParameter('Username cannot be of phone number format, since user pool is configured for phone number alias.');
  }
}
