/**
 * What a user's own change of attributes does (UpdateUserAttributes). A new email address or
 * phone number is unverified; when the pool auto-verifies it a code goes to the new value; and
 * when the pool also lists it in UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate
 * the old value stays in place until the new one is verified ("Your user can sign in and receive
 * messages with the original attribute value until they verify the new value", API reference).
 */
import { NotAuthorized } from '../errors.js';
import type { UserRecord } from '../store/users.js';
import type { PoolRecord } from '../store/user-pools.js';
import { confirmationPreference, isContactAttribute, type ContactAttribute } from './message-destinations.js';

export interface AttributeUpdatePlan {
  /** Values written now, with `<contact>_verified=false` for each changed contact. */
  set: Record<string, string>;
  /** New contact values held back until verified. */
  pending: Partial<Record<ContactAttribute, string>>;
  /** Contacts whose pending value is dropped, because the update sets them directly or leaves them as they are. */
  settled: ContactAttribute[];
  /** Where verification codes go. */
  codes: { attribute: ContactAttribute; address: string }[];
}

/** Users never set their own verification flags: only a code (or an administrator) does. */
export function refuseVerificationFlags(changes: Record<string, string>): void {
  if ('email_verified' in changes || 'phone_number_verified' in changes) throw NotAuthorized('A client attempted to write unauthorized attribute');
}

export function planAttributeUpdate(pool: PoolRecord, user: UserRecord, changes: Record<string, string>): AttributeUpdatePlan {
  const autoVerified = confirmationPreference(pool);
  const holdBack = pool.settings.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  const plan: AttributeUpdatePlan = { set: {}, pending: {}, settled: [], codes: [] };
  for (const [name, value] of Object.entries(changes)) {
    if (!isContactAttribute(name)) {
      plan.set[name] = value;
      continue;
    }
    if (value === user.attributes[name]) {
      plan.settled.push(name);
      continue;
    }
    const verify = autoVerified.includes(name);
    if (verify) plan.codes.push({ attribute: name, address: value });
    if (verify && holdBack.includes(name)) {
      plan.pending[name] = value;
    } else {
      plan.set[name] = value;
      plan.set[`${name}_verified`] = 'false';
      plan.settled.push(name);
    }
  }
  return plan;
}
