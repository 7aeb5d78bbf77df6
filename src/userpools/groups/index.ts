/**
 * Groups and membership: finding and describing a group, creating, updating and deleting it, and
 * adding, removing and listing its users. One module per operation under operations/.
 */
export { adminAddUserToGroup } from './operations/admin-add-user-to-group.js';
export { adminListGroupsForUser } from './operations/admin-list-groups-for-user.js';
export { adminRemoveUserFromGroup } from './operations/admin-remove-user-from-group.js';
export { createGroup } from './operations/create-group.js';
export { deleteGroup } from './operations/delete-group.js';
export { getGroup } from './operations/get-group.js';
export { listGroups } from './operations/list-groups.js';
export { listUsersInGroup } from './operations/list-users-in-group.js';
export { updateGroup } from './operations/update-group.js';
