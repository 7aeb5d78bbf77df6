/** AdminUpdateDeviceStatus: UpdateDeviceStatus for a user an administrator names. */
import type { AdminUpdateDeviceStatusRequest, AdminUpdateDeviceStatusResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';
import { setRememberedStatus } from '../device-status.js';

export const adminUpdateDeviceStatus = operation<AdminUpdateDeviceStatusRequest, AdminUpdateDeviceStatusResponse>('AdminUpdateDeviceStatus', async function adminUpdateDeviceStatus(services, input) {
  const user = await requireUser(services.store, await requirePool(services.store, input.UserPoolId!), input.Username!);
  await setRememberedStatus(services, user, input.DeviceKey!, input.DeviceRememberedStatus);
  return {};
});
