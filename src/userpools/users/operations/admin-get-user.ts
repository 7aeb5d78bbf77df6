/** AdminGetUser: a user's attributes and state, by username or alias. */
import type { AdminGetUserRequest, AdminGetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { mfaReport } from '../../mfa/user-mfa.js';
import { attributeList } from '../user-attributes.js';
import { requireUser } from '../user-lookup.js';

export const adminGetUser = operation<AdminGetUserRequest, AdminGetUserResponse>('AdminGetUser', async function adminGetUser({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const user = await requireUser(store, pool, input.Username!);
  return {
    Username: user.username,
    UserAttributes: attributeList(user.attributes),
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaReport(user),
  };
});
