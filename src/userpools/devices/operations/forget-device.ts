/** ForgetDevice: the signed-in user's device is forgotten; it signs in as a new device next time. */
import type { ForgetDeviceRequest } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { forgetDevice as forget } from '../device-status.js';

export const forgetDevice = operation<ForgetDeviceRequest, Record<string, never>>('ForgetDevice', async function forgetDevice(services, input) {
  // The model leaves AccessToken optional; without one there is no user to forget a device of.
  if (!input.AccessToken) throw InvalidParameter('Missing required parameter AccessToken');
  const { user } = await authenticateAccessToken(services, input.AccessToken);
  await forget(services, user, input.DeviceKey!);
  return {};
});
