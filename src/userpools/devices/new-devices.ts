/**
 * A device's life from sign-in to remembered: NewDeviceMetadata (a device key and group key) with
 * the tokens of a sign-in from an unknown device, then ConfirmDevice with the verifier the device
 * made for itself (DeviceSecretVerifierConfig, base64 as amazon-cognito-identity-js sends it),
 * after which the device signs in by device SRP (auth/device-srp.ts).
 */
import { randomBytes } from 'node:crypto';
import type { DeviceSecretVerifierConfigType, NewDeviceMetadataType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, ResourceNotFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { deviceTracking } from './devices.js';

/** A new, unconfirmed device for the sign-in, when the pool tracks devices. */
export async function issueNewDevice(services: Pick<Services, 'store' | 'clock' | 'ids' | 'config'>, pool: PoolRecord, user: UserRecord): Promise<NewDeviceMetadataType | undefined> {
  if (!deviceTracking(pool)) return undefined;
  const DeviceKey = `${services.config.region}_${services.ids.uuid()}`;
  const DeviceGroupKey = `-${randomBytes(7).toString('base64url')}`;
  await services.store.devices.issue({ poolId: pool.id, deviceKey: DeviceKey, usernameKey: user.usernameKey, deviceGroupKey: DeviceGroupKey }, services.clock.now());
  return { DeviceKey, DeviceGroupKey };
}

/** Hex of a base64 value of the verifier config; refused when it is not base64 of something. */
function hexOf(base64: string | undefined, member: string): string {
  const bytes = base64 && /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
  if (bytes.length === 0) throw InvalidParameter(`Invalid ${member} in DeviceSecretVerifierConfig.`);
  return bytes.toString('hex');
}

/**
 * ConfirmDevice: stores the device's verifier and name. Answers whether the user must still
 * choose to remember it (the pool remembers only on the user's prompt).
 */
export async function confirmDevice(services: Pick<Services, 'store' | 'clock'>, pool: PoolRecord, user: UserRecord, deviceKey: string, verifierConfig: DeviceSecretVerifierConfigType | undefined, name: string | undefined, sourceIp: string): Promise<boolean> {
  const tracking = deviceTracking(pool);
  const salt = hexOf(verifierConfig?.Salt, 'Salt');
  const verifier = hexOf(verifierConfig?.PasswordVerifier, 'PasswordVerifier');
  const confirmed = tracking && await services.store.devices.confirm(user.poolId, user.usernameKey, deviceKey, {
    salt, verifier, name: name ?? null, rememberedStatus: tracking.rememberOnlyOnPrompt ? 'not_remembered' : 'remembered', lastIp: sourceIp,
  }, services.clock.now());
  if (!confirmed) throw ResourceNotFound('Device does not exist.');
  return tracking.rememberOnlyOnPrompt;
}
