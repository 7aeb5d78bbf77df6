/**
 * Remembered devices: device tracking as the pool configures it (DeviceConfiguration), the
 * NewDeviceMetadata a sign-in hands out, ConfirmDevice's SRP verifier, remembering and forgetting,
 * and the device views (GetDevice, ListDevices and their admin twins). The device SRP sign-in
 * step itself is in auth/device-srp.ts. One module per operation under operations/.
 */
export { adminForgetDevice } from './operations/admin-forget-device.js';
export { adminGetDevice } from './operations/admin-get-device.js';
export { adminListDevices } from './operations/admin-list-devices.js';
export { adminUpdateDeviceStatus } from './operations/admin-update-device-status.js';
export { confirmDevice } from './operations/confirm-device.js';
export { forgetDevice } from './operations/forget-device.js';
export { getDevice } from './operations/get-device.js';
export { listDevices } from './operations/list-devices.js';
export { updateDeviceStatus } from './operations/update-device-status.js';
