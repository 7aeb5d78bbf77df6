/** Finding a user by the name an administrator or client typed, or failing as Cognito fails. */
import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { UserNotFound } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { attributeList } from './user-attributes.js';
import { findUserByName } from './usernames.js';

export async function requireUser(store: Pick<Store, 'users'>, pool: PoolRecord, name: string): Promise<UserRecord> {
  const user = await findUserByName(store, pool, name);
  if (!user) throw UserNotFound('User does not exist.');
  return user;
}

/** The UserType shape ListUsers, AdminCreateUser and ListUsersInGroup return. */
export function userType(user: UserRecord, attributesToGet?: string[]): UserType {
  const attributes = attributeList(user.attributes);
  return {
    Username: user.username,
    Attributes: attributesToGet ? attributes.filter((a) => attributesToGet.includes(a.Name!)) : attributes,
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
