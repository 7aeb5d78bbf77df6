// Operations on groups; one module per operation.
export { createGroup } from './create-group.js';
export { deleteGroup } from './delete-group.js';
export { getGroup } from './get-group.js';
export { listGroups } from './list-groups.js';
export { updateGroup } from './update-group.js';
