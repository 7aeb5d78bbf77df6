/** AdminListDevices: ListDevices for a user an administrator names. */
import type { AdminListDevicesRequest, AdminListDevicesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';
import { listDevicePage } from '../device-pages.js';

export const adminListDevices = operation<AdminListDevicesRequest, AdminListDevicesResponse>('AdminListDevices', async function adminListDevices(services, input) {
  const user = await requireUser(services.store, await requirePool(services.store, input.UserPoolId!), input.Username!);
  const { devices, next } = await listDevicePage(services, user, input.Limit, input.PaginationToken);
  return { Devices: devices, ...(next ? { PaginationToken: next } : {}) };
});
