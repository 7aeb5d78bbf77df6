// Operations on user pools; one module per operation.
export { listUserPools } from './list-user-pools.js';
