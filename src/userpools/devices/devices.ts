/**
 * Tracked devices as Cognito reports and finds them: the pool's DeviceConfiguration (tracking is
 * on once the pool has one), a user's device by key, and DeviceType with Cognito's device
 * attributes (device_status, device_name, dev:device_remembered_status, last_ip_used).
 */
import type { DeviceType } from '@aws-sdk/client-cognito-identity-provider';
import { ResourceNotFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { DeviceRecord } from '../../store/devices.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';

export interface DeviceTracking {
  /** A remembered device answers DEVICE_SRP_AUTH instead of a second factor. */
  rememberedSkipsMfa: boolean;
  /** ConfirmDevice leaves the device not remembered until the user says so (UpdateDeviceStatus). */
  rememberOnlyOnPrompt: boolean;
}

/** The pool's device tracking, or undefined when it tracks none. */
export function deviceTracking(pool: PoolRecord): DeviceTracking | undefined {
  const config = pool.settings.DeviceConfiguration;
  if (!config) return undefined;
  return { rememberedSkipsMfa: !!config.ChallengeRequiredOnNewDevice, rememberOnlyOnPrompt: !!config.DeviceOnlyRememberedOnUserPrompt };
}

/** The user's confirmed device with this key, if there is one. */
export async function confirmedDevice(services: Pick<Services, 'store'>, user: UserRecord, deviceKey: string | undefined): Promise<DeviceRecord | undefined> {
  if (!deviceKey) return undefined;
  const device = await services.store.devices.find(user.poolId, user.usernameKey, deviceKey);
  return device?.verifier ? device : undefined;
}

export async function requireDevice(services: Pick<Services, 'store'>, user: UserRecord, deviceKey: string): Promise<DeviceRecord> {
  const device = await confirmedDevice(services, user, deviceKey);
  if (!device) throw ResourceNotFound('Device does not exist.');
  return device;
}

export function describeDevice(device: DeviceRecord): DeviceType {
  const attributes: [string, string | null][] = [
    ['device_status', 'valid'],
    ['device_name', device.name],
    ['dev:device_remembered_status', device.rememberedStatus],
    ['last_ip_used', device.lastIp],
  ];
  return {
    DeviceKey: device.deviceKey,
    DeviceAttributes: attributes.filter((entry): entry is [string, string] => entry[1] !== null).map(([Name, Value]) => ({ Name, Value })),
    DeviceCreateDate: new Date(device.createdAt),
    DeviceLastModifiedDate: new Date(device.updatedAt),
    DeviceLastAuthenticatedDate: new Date(device.lastAuthenticatedAt),
  };
}
