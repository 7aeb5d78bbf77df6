/** DeleteUser: the signed-in user deletes itself, with everything the schema cascades to. */
import type { DeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';

export const deleteUser = operation<DeleteUserRequest, Record<string, never>>('DeleteUser', async function deleteUser(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  await services.store.users.remove(pool.id, user.usernameKey);
  return {};
});
