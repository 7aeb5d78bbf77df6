// Operations on users; one module per operation.
export { adminDeleteUser } from './admin-delete-user.js';
export { adminGetUser } from './admin-get-user.js';
export { adminDisableUser, adminEnableUser } from './admin-set-enabled.js';
