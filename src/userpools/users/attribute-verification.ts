/**
 * Verifying a user's email address or phone number: the `<attribute>_verified` flag, the value
 * itself when a pending update is being confirmed, and the sign-in alias the verified value gives
 * in pools that use it as one (the alias bookkeeping of attribute-changes.ts). An alias another
 * user holds is refused with AliasExistsException unless the caller forces it (ConfirmSignUp's
 * ForceAliasCreation), which moves it: "the previous user will no longer be able to log in using
 * that alias" (API reference, ForceAliasCreation).
 */
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { claimAliases } from './alias-claims.js';
import { applyAttributeChange, planAttributeChange, type AttributeChange } from './attribute-changes.js';
import type { ContactAttribute } from '../messages/message-destinations.js';

/** The change that verifies the attribute, replacing its value with `value` when one is given. */
export function verification(pool: PoolRecord, user: UserRecord, attribute: ContactAttribute, value?: string): AttributeChange {
  return planAttributeChange(pool, user, { ...(value !== undefined && { [attribute]: value }), [`${attribute}_verified`]: 'true' }, []);
}

/** Throws AliasExistsException when the verification would take an alias another user holds. */
export async function checkAliasesFree(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, user: UserRecord, change: AttributeChange): Promise<void> {
  await claimAliases(services, pool, change.addAliases, { self: user.usernameKey, force: false, creating: false });
}

export async function applyVerification(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, user: UserRecord, change: AttributeChange, force = false): Promise<void> {
  if (force) await claimAliases(services, pool, change.addAliases, { self: user.usernameKey, force: true, creating: false });
  await applyAttributeChange(services, pool, user, change);
}
