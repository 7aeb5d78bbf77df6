/**
 * The rules SignUp applies to the name and password a new user chooses. In pools whose
 * UsernameAttributes make email or phone number the username, the name typed must be one of them:
 * it becomes that attribute, and the username proper is the user's `sub`. In pools with
 * AliasAttributes the username may not look like an alias, so that a name never means two users.
 */
import { InvalidParameter, UsernameExists } from '../errors.js';
import type { Conflict } from '../store/users.js';
import type { PoolRecord } from '../store/user-pools.js';
import { checkPasswordPolicy } from './password-policy.js';
import { usesAttributesAsUsername } from './usernames.js';

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
const PHONE_LIKE = /^\+[0-9]+$/;

export interface SignUpIdentity {
  username: string;
  attributes: Record<string, string>;
  /** The attribute the typed name became, in pools that sign in with email or phone number. */
  nameAttribute?: 'email' | 'phone_number';
}

export function signUpIdentity(pool: PoolRecord, sub: string, name: string, attributes: Record<string, string>): SignUpIdentity {
  if (usesAttributesAsUsername(pool)) {
    const allowed = pool.settings.UsernameAttributes ?? [];
    const kind = EMAIL_LIKE.test(name) ? 'email' : PHONE_LIKE.test(name) ? 'phone_number' : undefined;
    if (!kind || !allowed.includes(kind)) throw InvalidParameter(usernameFormatMessage(allowed));
    return { username: sub, attributes: { ...attributes, [kind]: name }, nameAttribute: kind };
  }
  const aliases = pool.settings.AliasAttributes ?? [];
  if (aliases.includes('email') && EMAIL_LIKE.test(name)) {
    throw InvalidParameter('Username cannot be of email format, since user pool is configured for email alias.');
  }
  if (aliases.includes('phone_number') && PHONE_LIKE.test(name)) {
    throw InvalidParameter('Username cannot be of phone number format, since user pool is configured for phone number alias.');
  }
  return { username: name, attributes };
}

function usernameFormatMessage(allowed: string[]): string {
  if (allowed.length > 1) return 'Username should be either an email or a phone number.';
  return allowed[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.';
}

/**
 * The password, checked against the policy. Without one the user can sign up only where the pool
 * offers a passwordless first factor (SignInPolicy.AllowedFirstAuthFactors).
 */
export function signUpPassword(pool: PoolRecord, password: string | undefined): string | undefined {
  if (password !== undefined) {
    checkPasswordPolicy(pool, password);
    return password;
  }
  const factors = pool.settings.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  if (!factors.some((factor) => factor !== 'PASSWORD')) throw InvalidParameter('Password is required for this user pool.');
  return undefined;
}

/** Cognito's words for a name already taken: the username itself, or an email or phone number used as one. */
export function nameTaken(identity: SignUpIdentity, conflict: Conflict = 'username'): Error {
  if (identity.nameAttribute) return UsernameExists(`An account with the given ${identity.nameAttribute} already exists.`);
  return conflict === 'alias' ? UsernameExists('An account with the given preferred_username already exists.') : UsernameExists('User already exists');
}
