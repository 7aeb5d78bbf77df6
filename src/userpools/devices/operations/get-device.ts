/** GetDevice: one of the signed-in user's devices. */
import type { GetDeviceRequest, GetDeviceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { describeDevice, requireDevice } from '../devices.js';

export const getDevice = operation<GetDeviceRequest, GetDeviceResponse>('GetDevice', async function getDevice(services, input) {
  const { user } = await authenticateAccessToken(services, input.AccessToken!);
  return { Device: describeDevice(await requireDevice(services, user, input.DeviceKey!)) };
});
