/** UpdateDeviceStatus: the signed-in user remembers a device, or stops remembering it. */
import type { UpdateDeviceStatusRequest, UpdateDeviceStatusResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { setRememberedStatus } from '../device-status.js';

export const updateDeviceStatus = operation<UpdateDeviceStatusRequest, UpdateDeviceStatusResponse>('UpdateDeviceStatus', async function updateDeviceStatus(services, input) {
  const { user } = await authenticateAccessToken(services, input.AccessToken!);
  await setRememberedStatus(services, user, input.DeviceKey!, input.DeviceRememberedStatus);
  return {};
});
