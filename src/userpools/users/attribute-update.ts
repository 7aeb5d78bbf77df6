/**
 * What a user's own change of attributes does (UpdateUserAttributes), on top of the changes every
 * writer makes (attribute-changes.ts: a new email address or phone number is unverified, aliases
 * follow). A pool that auto-verifies the new contact sends a code to it; a pool that also lists it
 * in UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate keeps the old value in
 * place until the new one is verified ("Your user can sign in and receive messages with the
 * original attribute value until they verify the new value", API reference).
 */
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { confirmationPreference, isContactAttribute, type ContactAttribute } from '../messages/message-destinations.js';

export interface AttributeUpdatePlan {
  /** Values written now. */
  set: Record<string, string>;
  /** New contact values held back until verified. */
  pending: Partial<Record<ContactAttribute, string>>;
  /** Contacts written now or left as they are, whose pending value is dropped. */
  settled: ContactAttribute[];
  /** Where verification codes go. */
  codes: { attribute: ContactAttribute; address: string }[];
}

export function planAttributeUpdate(pool: PoolRecord, user: UserRecord, changes: Record<string, string>): AttributeUpdatePlan {
  const autoVerified = confirmationPreference(pool);
  const holdBack = pool.settings.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  const plan: AttributeUpdatePlan = { set: {}, pending: {}, settled: [], codes: [] };
  for (const [name, value] of Object.entries(changes)) {
    if (!isContactAttribute(name) || value === user.attributes[name]) {
      plan.set[name] = value;
      if (isContactAttribute(name)) plan.settled.push(name);
      continue;
    }
    const verify = autoVerified.includes(name);
    if (verify) plan.codes.push({ attribute: name, address: value });
    if (verify && holdBack.includes(name)) {
      plan.pending[name] = value;
    } else {
      plan.set[name] = value;
      plan.settled.push(name);
    }
  }
  return plan;
}
