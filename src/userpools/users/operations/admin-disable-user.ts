/** AdminDisableUser: the user can no longer sign in, and its existing tokens stop working. */
import type { AdminDisableUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { setUserEnabled } from '../user-enabled.js';

export const adminDisableUser = operation<AdminDisableUserRequest, Record<string, never>>('AdminDisableUser', function adminDisableUser(services, input) {
  return setUserEnabled(services, input.UserPoolId!, input.Username!, false);
});
