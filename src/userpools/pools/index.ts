/**
 * User pools themselves: their settings document and Cognito's defaults (pool-settings), the
 * cross-member rules on those settings, the attribute schema (standard and custom attributes),
 * finding a pool, and describing it as UserPoolType. One module per operation under operations/.
 */
export { addCustomAttributes } from './operations/add-custom-attributes.js';
export { createUserPool } from './operations/create-user-pool.js';
export { deleteUserPool } from './operations/delete-user-pool.js';
export { describeUserPool } from './operations/describe-user-pool.js';
export { listUserPools } from './operations/list-user-pools.js';
export { updateUserPool } from './operations/update-user-pool.js';
