/**
 * Passwords: the pool's policy, what is kept of a password (an argon2id hash and an SRP verifier),
 * temporary passwords, where recovery codes go, and changing, resetting and recovering a password.
 * One module per operation under operations/.
 */
export { adminResetUserPassword } from './operations/admin-reset-user-password.js';
export { adminSetUserPassword } from './operations/admin-set-user-password.js';
export { changePassword } from './operations/change-password.js';
export { confirmForgotPassword } from './operations/confirm-forgot-password.js';
export { forgotPassword } from './operations/forgot-password.js';
