/** ListDevices: the signed-in user's confirmed devices, Limit at a time. */
import type { ListDevicesRequest, ListDevicesResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { listDevicePage } from '../device-pages.js';

export const listDevices = operation<ListDevicesRequest, ListDevicesResponse>('ListDevices', async function listDevices(services, input) {
  const { user } = await authenticateAccessToken(services, input.AccessToken!);
  const { devices, next } = await listDevicePage(services, user, input.Limit, input.PaginationToken);
  return { Devices: devices, ...(next ? { PaginationToken: next } : {}) };
});
