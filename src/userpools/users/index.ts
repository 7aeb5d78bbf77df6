/**
 * The user directory: how users are named (usernames, aliases and their claims), their attributes
 * against the schema (who may write which, verification, pending changes), their status and
 * whether they are enabled, finding and searching them, and the operations administrators and
 * signed-in users run on them. One module per operation under operations/.
 */
export { adminCreateUser } from './operations/admin-create-user.js';
export { adminDeleteUserAttributes } from './operations/admin-delete-user-attributes.js';
export { adminDeleteUser } from './operations/admin-delete-user.js';
export { adminDisableUser } from './operations/admin-disable-user.js';
export { adminEnableUser } from './operations/admin-enable-user.js';
export { adminGetUser } from './operations/admin-get-user.js';
export { adminUpdateUserAttributes } from './operations/admin-update-user-attributes.js';
export { deleteUserAttributes } from './operations/delete-user-attributes.js';
export { deleteUser } from './operations/delete-user.js';
export { getUserAttributeVerificationCode } from './operations/get-user-attribute-verification-code.js';
export { getUser } from './operations/get-user.js';
export { listUsers } from './operations/list-users.js';
export { updateUserAttributes } from './operations/update-user-attributes.js';
export { verifyUserAttribute } from './operations/verify-user-attribute.js';
