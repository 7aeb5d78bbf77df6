/**
 * AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password (given, or generated
 * to fit the pool's policy), invited by email and/or SMS unless MessageAction is SUPPRESS. RESEND
 * gives an existing FORCE_CHANGE_PASSWORD user a new temporary password, which restarts its
 * validity, and invites it again. ValidationData only feeds a pre sign-up trigger, so it is unused.
 */
import type { AdminCreateUserRequest, AdminCreateUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { UnsupportedUserState, UsernameExists } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import type { Services } from '../../../services.js';
import type { UserRecord } from '../../../store/users.js';
import type { PoolRecord } from '../../../store/user-pools.js';
import { aliasAttribute, aliasHolders, aliasTaken, claimAliases } from '../alias-claims.js';
import type { Destination } from '../../messages/code-delivery.js';
import { invitationDestinations, sendInvitation } from '../../messages/invitations.js';
import { nameNewUser } from '../new-user-names.js';
import { checkPasswordPolicy } from '../../passwords/password-policy.js';
import { passwordSecrets } from '../../passwords/password-secrets.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { generateTemporaryPassword } from '../../passwords/temporary-passwords.js';
import { attributeMap, checkRequiredAttributes, validateAttributes } from '../user-attributes.js';
import { requireUser, userType } from '../user-lookup.js';
import { aliasKeysOf } from '../usernames.js';

type Deps = Pick<Services, 'store' | 'clock' | 'ids' | 'passwords'>;

interface Invited {
  user: UserRecord;
  /** Where the invitation goes; empty when it is suppressed. */
  destinations: Destination[];
}

const USERNAME_TAKEN = 'User account already exists';

export const adminCreateUser = operation<AdminCreateUserRequest, AdminCreateUserResponse>('AdminCreateUser', async function adminCreateUser(services, input) {
  const pool = await requirePool(services.store, input.UserPoolId!);
  const password = temporaryPassword(pool, input.TemporaryPassword);
  const { user, destinations } = input.MessageAction === 'RESEND'
    ? await renewInvitation(services, pool, input, password)
    : await createInvitedUser(services, pool, input, password);
  // Like Cognito, a failed delivery fails the call but leaves the user created.
  await sendInvitation(services, pool, user, destinations, password);
  return { User: userType(user) };
});

/** A blank TemporaryPassword counts as none. */
function temporaryPassword(pool: PoolRecord, given: string | undefined): string {
  if (!given) return generateTemporaryPassword(pool);
  checkPasswordPolicy(pool, given);
  return given;
}

async function createInvitedUser(services: Deps, pool: PoolRecord, input: AdminCreateUserRequest, password: string): Promise<Invited> {
  const { store, clock, ids } = services;
  const named = nameNewUser(pool, input.Username!, attributeMap(input.UserAttributes), ids);
  validateAttributes(pool, named.attributes, { writer: 'admin', creating: true });
  checkRequiredAttributes(pool, named.attributes);
  const destinations = input.MessageAction === 'SUPPRESS' ? [] : invitationDestinations(named.attributes, input.DesiredDeliveryMediums);
  if (await store.users.find(pool.id, named.usernameKey)) throw UsernameExists(USERNAME_TAKEN);
  const aliasKeys = aliasKeysOf(pool, named.attributes);
  await claimAliases(services, pool, aliasKeys, { force: input.ForceAliasCreation === true, creating: true });

  const now = clock.now();
  const sub = ids.uuid();
  const conflict = await store.users.create({
    poolId: pool.id, username: named.username, usernameKey: named.usernameKey, sub, status: 'FORCE_CHANGE_PASSWORD', enabled: true,
    ...(await passwordSecrets(services, pool.id, named.username, password)), createdAt: now, updatedAt: now,
    attributes: { sub, ...named.attributes },
  }, aliasKeys);
  if (conflict === 'username') throw UsernameExists(USERNAME_TAKEN);
  if (conflict === 'alias') {
    // Someone took an alias between the check and the insert.
    const [holder] = await aliasHolders(store, pool.id, aliasKeys);
    throw aliasTaken(pool, holder?.attribute ?? aliasAttribute(aliasKeys[0]!), true);
  }
  return { user: (await store.users.find(pool.id, named.usernameKey))!, destinations };
}

async function renewInvitation(services: Deps, pool: PoolRecord, input: AdminCreateUserRequest, password: string): Promise<Invited> {
  const user = await requireUser(services.store, pool, input.Username!);
  if (user.status !== 'FORCE_CHANGE_PASSWORD') {
    throw UnsupportedUserState(`Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`);
  }
  const destinations = invitationDestinations(user.attributes, input.DesiredDeliveryMediums);
  const secrets = await passwordSecrets(services, pool.id, user.username, password);
  const updatedAt = services.clock.now();
  await services.store.users.update(pool.id, user.usernameKey, { ...secrets, updatedAt });
  return { user: { ...user, ...secrets, updatedAt }, destinations };
}
