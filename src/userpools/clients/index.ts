// Operations on clients; one module per operation.
export { addUserPoolClientSecret } from './add-user-pool-client-secret.js';
export { createUserPoolClient } from './create-user-pool-client.js';
export { deleteUserPoolClient } from './delete-user-pool-client.js';
export { deleteUserPoolClientSecret } from './delete-user-pool-client-secret.js';
export { describeUserPoolClient } from './describe-user-pool-client.js';
export { listUserPoolClientSecrets } from './list-user-pool-client-secrets.js';
export { listUserPoolClients } from './list-user-pool-clients.js';
export { updateUserPoolClient } from './update-user-pool-client.js';
