/**
 * App clients: their settings and defaults, the flows they allow, the attributes they may read and
 * write, their OAuth side, token validities, and their secrets (generated, sealed at rest under
 * the master key, at most two at once). One module per operation under operations/.
 */
export { addUserPoolClientSecret } from './operations/add-user-pool-client-secret.js';
export { createUserPoolClient } from './operations/create-user-pool-client.js';
export { deleteUserPoolClientSecret } from './operations/delete-user-pool-client-secret.js';
export { deleteUserPoolClient } from './operations/delete-user-pool-client.js';
export { describeUserPoolClient } from './operations/describe-user-pool-client.js';
export { listUserPoolClientSecrets } from './operations/list-user-pool-client-secrets.js';
export { listUserPoolClients } from './operations/list-user-pool-clients.js';
export { updateUserPoolClient } from './operations/update-user-pool-client.js';
