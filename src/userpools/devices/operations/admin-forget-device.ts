/** AdminForgetDevice: ForgetDevice for a user an administrator names. */
import type { AdminForgetDeviceRequest } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';
import { forgetDevice } from '../device-status.js';

export const adminForgetDevice = operation<AdminForgetDeviceRequest, Record<string, never>>('AdminForgetDevice', async function adminForgetDevice(services, input) {
  const user = await requireUser(services.store, await requirePool(services.store, input.UserPoolId!), input.Username!);
  await forgetDevice(services, user, input.DeviceKey!);
  return {};
});
