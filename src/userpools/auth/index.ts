// Sign-in, refresh, sign-out and revocation; one module per operation.
export { adminInitiateAuth } from './admin-initiate-auth.js';
export { adminRespondToAuthChallenge } from './admin-respond-to-auth-challenge.js';
export { adminUserGlobalSignOut } from './admin-user-global-sign-out.js';
export { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.js';
export { globalSignOut } from './global-sign-out.js';
export { initiateAuth } from './initiate-auth.js';
export { respondToAuthChallenge } from './respond-to-auth-challenge.js';
export { revokeToken } from './revoke-token.js';
