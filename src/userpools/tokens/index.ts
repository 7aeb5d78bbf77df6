/**
 * Tokens: issuing ID, access and refresh tokens with Cognito's claims, the issuer they name,
 * authenticating an access token (signature, expiry, scope, revocation), and refreshing, revoking
 * and signing out. One module per operation under operations/.
 */
export { adminUserGlobalSignOut } from './operations/admin-user-global-sign-out.js';
export { getTokensFromRefreshToken } from './operations/get-tokens-from-refresh-token.js';
export { globalSignOut } from './operations/global-sign-out.js';
export { revokeToken } from './operations/revoke-token.js';
