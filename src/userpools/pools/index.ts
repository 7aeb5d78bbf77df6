// Operations on user pools; one module per operation.
export { addCustomAttributes } from './add-custom-attributes.js';
export { createUserPool } from './create-user-pool.js';
export { deleteUserPool } from './delete-user-pool.js';
export { describeUserPool } from './describe-user-pool.js';
export { listUserPools } from './list-user-pools.js';
export { updateUserPool } from './update-user-pool.js';
