/** AdminEnableUser: lets a disabled user sign in again. */
import type { AdminEnableUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { setUserEnabled } from '../user-enabled.js';

export const adminEnableUser = operation<AdminEnableUserRequest, Record<string, never>>('AdminEnableUser', function adminEnableUser(services, input) {
  return setUserEnabled(services, input.UserPoolId!, input.Username!, true);
});
