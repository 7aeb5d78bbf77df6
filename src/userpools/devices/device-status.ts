/** Remembering and forgetting a user's confirmed device (UpdateDeviceStatus, ForgetDevice and their admin twins). */
import type { DeviceRememberedStatusType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, ResourceNotFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';

const deviceNotFound = () => ResourceNotFound('Device does not exist.');

export async function setRememberedStatus(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, deviceKey: string, status: DeviceRememberedStatusType | undefined): Promise<void> {
  if (status !== 'remembered' && status !== 'not_remembered') throw InvalidParameter('DeviceRememberedStatus must be remembered or not_remembered.');
  if (!(await services.store.devices.setRememberedStatus(user.poolId, user.usernameKey, deviceKey, status, services.clock.now()))) throw deviceNotFound();
}

export async function forgetDevice(services: Pick<Services, 'store'>, user: UserRecord, deviceKey: string): Promise<void> {
  if (!(await services.store.devices.remove(user.poolId, user.usernameKey, deviceKey))) throw deviceNotFound();
}
