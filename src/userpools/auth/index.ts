/**
 * Sign-in: the flows of InitiateAuth and AdminInitiateAuth (password, SRP, refresh) and the
 * challenges that answer them (PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED), the app client's gate
 * (flows allowed, SECRET_HASH), Session handling, lockout, and hiding whether a user exists.
 * One module per operation under operations/.
 */
export { adminInitiateAuth } from './operations/admin-initiate-auth.js';
export { adminRespondToAuthChallenge } from './operations/admin-respond-to-auth-challenge.js';
export { initiateAuth } from './operations/initiate-auth.js';
export { respondToAuthChallenge } from './operations/respond-to-auth-challenge.js';
