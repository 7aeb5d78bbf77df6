/**
 * The last step of every sign-in, once the password and any second factor are proven: a
 * confirmed device the client names (DEVICE_KEY) proves itself by device SRP first; otherwise the
 * tokens are issued, with NewDeviceMetadata when the pool tracks devices.
 */
import { confirmedDevice } from '../devices/devices.js';
import { issueNewDevice } from '../devices/new-devices.js';
import type { UserRecord } from '../../store/users.js';
import type { ClientGate } from './client-gate.js';
import { deviceSrpChallenge } from './device-srp.js';
import { signedInOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { issueSignInTokens } from './sign-in-tokens.js';

export async function completeSignIn(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string, deviceKey: string | undefined): Promise<SignInOutcome> {
  const device = await confirmedDevice(services, user, deviceKey);
  if (device) return deviceSrpChallenge(services, gate, user, typed, device);
  const newDevice = await issueNewDevice(services, gate.pool, user);
  const now = services.clock.now();
  const tokens = await issueSignInTokens(services, gate, user, {
    authTime: Math.floor(now / 1000), withRefreshToken: true, ...(newDevice ? { deviceKey: newDevice.DeviceKey } : {}),
  });
  return signedInOutcome({ ...tokens, ...(newDevice ? { NewDeviceMetadata: newDevice } : {}) });
}
