/** ListDevices and AdminListDevices: a user's confirmed devices in key order, Limit (at most 60, 10 when absent) at a time. */
import type { DeviceType } from '@aws-sdk/client-cognito-identity-provider';
import { decodePageToken, isString, pageOf } from '../../protocol/pagination.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import { describeDevice } from './devices.js';

const DEFAULT_LIMIT = 10;

export async function listDevicePage(services: Pick<Services, 'store'>, user: UserRecord, limit: number | undefined, token: string | undefined): Promise<{ devices: DeviceType[]; next: string | undefined }> {
  const size = limit || DEFAULT_LIMIT;
  const after = decodePageToken(token, isString);
  const rows = await services.store.devices.listAfter(user.poolId, user.usernameKey, after, size + 1);
  const { page, next } = pageOf(rows, size, (device) => device.deviceKey);
  return { devices: page.map(describeDevice), next };
}
