/** ConfirmDevice: the signed-in user's device registers the SRP verifier it will sign in with. */
import type { ConfirmDeviceRequest, ConfirmDeviceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { confirmDevice as confirm } from '../new-devices.js';

export const confirmDevice = operation<ConfirmDeviceRequest, ConfirmDeviceResponse>('ConfirmDevice', async function confirmDevice(services, input, request) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  const necessary = await confirm(services, pool, user, input.DeviceKey!, input.DeviceSecretVerifierConfig, input.DeviceName, request.sourceIp);
  return { UserConfirmationNecessary: necessary };
});
