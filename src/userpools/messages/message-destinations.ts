/**
 * Which of a user's contacts a code goes to. Sign-up confirmation codes go to an auto-verified
 * attribute: when a pool auto-verifies both, Cognito verifies only the phone number (AWS CDK
 * AutoVerifiedAttrs docs), so the phone comes first. (Recovery codes follow the pool's
 * AccountRecoverySetting: account-recovery.ts.) Also the made-up destinations that stand in for
 * users who do not exist.
 */
import { createHmac } from 'node:crypto';
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { existenceKey } from '../auth/user-existence.js';
import { describeDelivery, destinationFor, type Destination } from './code-delivery.js';
import { isEmailAddress, isPhoneNumber } from '../users/user-attributes.js';
import { usernameKey } from '../users/usernames.js';

export type ContactAttribute = Destination['attribute'];

const CONTACTS: readonly ContactAttribute[] = ['phone_number', 'email'];

export const isContactAttribute = (name: string): name is ContactAttribute => (CONTACTS as readonly string[]).includes(name);

/** The attribute a verification code is asked for: only contacts are verified. */
export function verifiableAttribute(name: string): ContactAttribute {
  if (!isContactAttribute(name)) throw InvalidParameter(`Attribute ${name} cannot be verified. Only email and phone_number can be.`);
  return name;
}

/** The auto-verified attributes, in the order a confirmation code prefers them. */
export function confirmationPreference(pool: PoolRecord): ContactAttribute[] {
  const auto = pool.settings.AutoVerifiedAttributes ?? [];
  return CONTACTS.filter((attribute) => auto.includes(attribute));
}

export function confirmationDestination(pool: PoolRecord, user: UserRecord): Destination | undefined {
  return destinationFor(user, confirmationPreference(pool));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * What a code sent to a user who does not exist would look like, for clients with
 * PreventUserExistenceErrors ENABLED (../shared/spec/cognito-wire-digest.md §8.6). It goes where
 * a real user's would: to the contact the typed name is, else to the first one the pool verifies.
 * The made-up destination is stable for a pool and name (as the pool compares names), and keyed by the server's user-existence
 * key (the one simulated sign-ins use), so repeating the call or computing it offline tells nothing.
 */
export async function simulatedDelivery(store: Pick<Store, 'settings'>, pool: PoolRecord, preference: ContactAttribute[], name: string): Promise<CodeDeliveryDetailsType> {
  const attribute = simulatedAttribute(pool, preference, name);
  const digest = createHmac('sha256', await existenceKey(store)).update(`simulated-destination\0${pool.id}\0${usernameKey(pool, name)}`).digest();
  if (attribute === 'email') {
    // Emails compare case-insensitively: however the address is cased, it is masked alike.
    const address = isEmailAddress(name) ? name.toLowerCase() : `${LETTERS[digest[0]! % 26]}@${LETTERS[digest[1]! % 26]}`;
    return describeDelivery({ medium: 'EMAIL', attribute, address });
  }
  const digits = [...digest.subarray(2, 12)].map((byte) => byte % 10).join('');
  return describeDelivery({ medium: 'SMS', attribute, address: isPhoneNumber(name) ? name : `+1${digits}` });
}

function simulatedAttribute(pool: PoolRecord, preference: ContactAttribute[], name: string): ContactAttribute {
  const typed = isEmailAddress(name) ? 'email' : isPhoneNumber(name) ? 'phone_number' : undefined;
  if (typed && preference.includes(typed)) return typed;
  const verified = confirmationPreference(pool);
  return preference.find((attribute) => verified.includes(attribute)) ?? preference[0] ?? 'email';
}
