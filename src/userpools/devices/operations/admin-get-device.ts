/** AdminGetDevice: GetDevice for a user an administrator names. */
import type { AdminGetDeviceRequest, AdminGetDeviceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';
import { describeDevice, requireDevice } from '../devices.js';

export const adminGetDevice = operation<AdminGetDeviceRequest, AdminGetDeviceResponse>('AdminGetDevice', async function adminGetDevice(services, input) {
  const user = await requireUser(services.store, await requirePool(services.store, input.UserPoolId!), input.Username!);
  return { Device: describeDevice(await requireDevice(services, user, input.DeviceKey!)) };
});
