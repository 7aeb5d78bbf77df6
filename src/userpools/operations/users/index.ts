// Operations on users; one module per operation.
export { adminDeleteUser } from './admin-delete-user.js';
export { adminGetUser } from './admin-get-user.js';
export { adminDisableUser, adminEnableUser } from './admin-set-enabled.js';
export { adminCreateUser } from './admin-create-user.js';
export { adminConfirmSignUp } from './admin-confirm-sign-up.js';
export { adminSetUserPassword } from './admin-set-user-password.js';
export { adminResetUserPassword } from './admin-reset-user-password.js';
export { adminAddUserToGroup } from './admin-add-user-to-group.js';
export { adminRemoveUserFromGroup } from './admin-remove-user-from-group.js';
export { adminListGroupsForUser } from './admin-list-groups-for-user.js';
export { listUsersInGroup } from './list-users-in-group.js';
export { listUsers } from './list-users.js';
export { adminUpdateUserAttributes } from './admin-update-user-attributes.js';
export { adminDeleteUserAttributes } from './admin-delete-user-attributes.js';
