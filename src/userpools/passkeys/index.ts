/**
 * Passkeys (WebAuthn): the pool's relying party and accepted origins, registering a user's
 * passkeys, listing and deleting them, and the assertion a WEB_AUTHN sign-in answers with
 * (verified by @simplewebauthn/server). GetUserAuthFactors reports every first factor a user can
 * sign in with. One module per operation under operations/.
 */
export { completeWebAuthnRegistration } from './operations/complete-webauthn-registration.js';
export { deleteWebAuthnCredential } from './operations/delete-webauthn-credential.js';
export { getUserAuthFactors } from './operations/get-user-auth-factors.js';
export { listWebAuthnCredentials } from './operations/list-webauthn-credentials.js';
export { startWebAuthnRegistration } from './operations/start-webauthn-registration.js';
