/**
 * Which of a user's contacts a code goes to. Sign-up confirmation codes go to an auto-verified
 * attribute: when a pool auto-verifies both, Cognito verifies only the phone number (AWS CDK
 * AutoVerifiedAttrs docs), so the phone comes first. Recovery codes go to a verified contact in
 * the order of the pool's AccountRecoverySetting; without one, Cognito's legacy rule prefers SMS
 * over email (API reference, AccountRecoverySettingType).
 */
import { createHmac } from 'node:crypto';
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../errors.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/users.js';
import type { PoolRecord } from '../store/user-pools.js';
import { existenceKey } from './auth/user-existence.js';
import { describeDelivery, destinationFor, type Destination } from './code-delivery.js';

export type ContactAttribute = Destination['attribute'];

const CONTACTS: readonly ContactAttribute[] = ['phone_number', 'email'];
const RECOVERY_ATTRIBUTE: Record<string, ContactAttribute | undefined> = { verified_email: 'email', verified_phone_number: 'phone_number' };

export const isContactAttribute = (name: string): name is ContactAttribute => (CONTACTS as readonly string[]).includes(name);

/** The attribute a verification code is asked for: only contacts are verified. */
export function verifiableAttribute(name: string): ContactAttribute {
  if (!isContactAttribute(name)) throw InvalidParameter(`Attribute ${name} cannot be verified. Only email and phone_number can be.`);
  return name;
}

/** A message to this address of the contact attribute. */
export const contactDestination = (attribute: ContactAttribute, address: string): Destination =>
  ({ medium: attribute === 'email' ? 'EMAIL' : 'SMS', attribute, address });

/** The auto-verified attributes, in the order a confirmation code prefers them. */
export function confirmationPreference(pool: PoolRecord): ContactAttribute[] {
  const auto = pool.settings.AutoVerifiedAttributes ?? [];
  return CONTACTS.filter((attribute) => auto.includes(attribute));
}

export function confirmationDestination(pool: PoolRecord, user: UserRecord): Destination | undefined {
  return destinationFor(user, confirmationPreference(pool));
}

/** The contacts a recovery code may go to, best first; `admin_only` ends the list (no self-service recovery). */
export function recoveryPreference(pool: PoolRecord): ContactAttribute[] {
  const mechanisms = pool.settings.AccountRecoverySetting?.RecoveryMechanisms;
  if (!mechanisms?.length) return [...CONTACTS];
  const preference: ContactAttribute[] = [];
  for (const mechanism of [...mechanisms].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0))) {
    const attribute = RECOVERY_ATTRIBUTE[mechanism.Name ?? ''];
    if (!attribute) break;
    preference.push(attribute);
  }
  return preference;
}

export function recoveryDestination(pool: PoolRecord, user: UserRecord): Destination | undefined {
  return destinationFor(user, recoveryPreference(pool), true);
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
const PHONE_LIKE = /^\+[0-9]{4,15}$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * What a code sent to a user who does not exist would look like, for clients with
 * PreventUserExistenceErrors ENABLED (../shared/spec/cognito-wire-digest.md §8.6). It goes where
 * a real user's would: to the contact the typed name is, else to the first one the pool verifies.
 * The made-up destination is stable for a pool and name, and keyed by the server's user-existence
 * key (the one simulated sign-ins use), so repeating the call or computing it offline tells nothing.
 */
export async function simulatedDelivery(store: Pick<Store, 'settings'>, pool: PoolRecord, preference: ContactAttribute[], name: string): Promise<CodeDeliveryDetailsType> {
  const attribute = simulatedAttribute(pool, preference, name);
  const digest = createHmac('sha256', await existenceKey(store)).update(`simulated-destination\0${pool.id}\0${name}`).digest();
  if (attribute === 'email') {
    const address = EMAIL_LIKE.test(name) ? name : `${LETTERS[digest[0]! % 26]}@${LETTERS[digest[1]! % 26]}`;
    return describeDelivery({ medium: 'EMAIL', attribute, address });
  }
  const digits = [...digest.subarray(2, 12)].map((byte) => byte % 10).join('');
  return describeDelivery({ medium: 'SMS', attribute, address: PHONE_LIKE.test(name) ? name : `+1${digits}` });
}

function simulatedAttribute(pool: PoolRecord, preference: ContactAttribute[], name: string): ContactAttribute {
  const typed = EMAIL_LIKE.test(name) ? 'email' : PHONE_LIKE.test(name) ? 'phone_number' : undefined;
  if (typed && preference.includes(typed)) return typed;
  const verified = confirmationPreference(pool);
  return preference.find((attribute) => verified.includes(attribute)) ?? preference[0] ?? 'email';
}
