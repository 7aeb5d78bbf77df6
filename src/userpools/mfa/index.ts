/**
 * Multi-factor authentication: the pool's MFA configuration (OFF, ON, OPTIONAL and the factors it
 * offers), each user's enabled and preferred factors, TOTP authenticators (associate, verify, one
 * use per code) and the second-factor challenges the sign-in flows hand out and check.
 * One module per operation under operations/.
 */
export { adminSetUserMFAPreference } from './operations/admin-set-user-mfa-preference.js';
export { adminSetUserSettings } from './operations/admin-set-user-settings.js';
export { associateSoftwareToken } from './operations/associate-software-token.js';
export { getUserPoolMfaConfig } from './operations/get-user-pool-mfa-config.js';
export { setUserMFAPreference } from './operations/set-user-mfa-preference.js';
export { setUserPoolMfaConfig } from './operations/set-user-pool-mfa-config.js';
export { setUserSettings } from './operations/set-user-settings.js';
export { verifySoftwareToken } from './operations/verify-software-token.js';
