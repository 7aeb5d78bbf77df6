/**
 * Users' tracked devices. A device is issued unconfirmed at sign-in, confirmed once with its SRP
 * salt and verifier (`confirm` only moves an unconfirmed device of that user, so a key cannot be
 * confirmed twice or by another user), and listed per user in key order.
 */
import type { Db } from './database.js';
import type { DeviceTable } from './schema.js';

export type RememberedStatus = 'remembered' | 'not_remembered';

export interface DeviceRecord {
  poolId: string;
  deviceKey: string;
  usernameKey: string;
  deviceGroupKey: string;
  name: string | null;
  salt: string | null;
  verifier: string | null;
  rememberedStatus: RememberedStatus | null;
  lastIp: string | null;
  createdAt: number;
  updatedAt: number;
  lastAuthenticatedAt: number;
}

const toRecord = (row: DeviceTable): DeviceRecord => ({
  poolId: row.pool_id, deviceKey: row.device_key, usernameKey: row.username_key, deviceGroupKey: row.device_group_key,
  name: row.name, salt: row.salt, verifier: row.verifier, rememberedStatus: row.remembered_status as RememberedStatus | null,
  lastIp: row.last_ip, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at), lastAuthenticatedAt: Number(row.last_authenticated_at),
});

export function devicesRepository(db: Db) {
  const ofUser = (poolId: string, usernameKey: string, deviceKey: string) => db.updateTable('devices')
    .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('device_key', '=', deviceKey);
  return {
    async issue(device: Pick<DeviceRecord, 'poolId' | 'deviceKey' | 'usernameKey' | 'deviceGroupKey'>, now: number): Promise<void> {
      await db.insertInto('devices').values({
        pool_id: device.poolId, device_key: device.deviceKey, username_key: device.usernameKey, device_group_key: device.deviceGroupKey,
        name: null, salt: null, verifier: null, remembered_status: null, last_ip: null, created_at: now, updated_at: now, last_authenticated_at: now,
      }).execute();
    },

    /** The user's device by key, confirmed or not. */
    async find(poolId: string, usernameKey: string, deviceKey: string): Promise<DeviceRecord | undefined> {
      const row = await db.selectFrom('devices').selectAll()
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('device_key', '=', deviceKey).executeTakeFirst();
      return row && toRecord(row);
    },

    /** Confirms an issued device; false when it is not this user's or was confirmed already. */
    async confirm(poolId: string, usernameKey: string, deviceKey: string, change: { salt: string; verifier: string; name: string | null; rememberedStatus: RememberedStatus; lastIp: string | null }, now: number): Promise<boolean> {
      const result = await ofUser(poolId, usernameKey, deviceKey)
        .set({ salt: change.salt, verifier: change.verifier, name: change.name, remembered_status: change.rememberedStatus, last_ip: change.lastIp, updated_at: now, last_authenticated_at: now })
        .where('verifier', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Confirmed devices of the user after `after` in key order. */
    async listAfter(poolId: string, usernameKey: string, after: string | undefined, limit: number): Promise<DeviceRecord[]> {
      let query = db.selectFrom('devices').selectAll()
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('verifier', 'is not', null)
        .orderBy('device_key').limit(limit);
      if (after !== undefined) query = query.where('device_key', '>', after);
      return (await query.execute()).map(toRecord);
    },

    async setRememberedStatus(poolId: string, usernameKey: string, deviceKey: string, status: RememberedStatus, now: number): Promise<boolean> {
      const result = await ofUser(poolId, usernameKey, deviceKey).set({ remembered_status: status, updated_at: now }).where('verifier', 'is not', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async authenticated(poolId: string, usernameKey: string, deviceKey: string, now: number): Promise<void> {
      await ofUser(poolId, usernameKey, deviceKey).set({ last_authenticated_at: now }).execute();
    },

    async remove(poolId: string, usernameKey: string, deviceKey: string): Promise<boolean> {
      const result = await db.deleteFrom('devices')
        .where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('device_key', '=', deviceKey).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type DevicesRepository = ReturnType<typeof devicesRepository>;
