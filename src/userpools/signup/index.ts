/**
 * Self-registration: SignUp's rules on top of the naming rules it shares with AdminCreateUser, and
 * confirmation by code or by an administrator. One module per operation under operations/.
 */
export { adminConfirmSignUp } from './operations/admin-confirm-sign-up.js';
export { confirmSignUp } from './operations/confirm-sign-up.js';
export { resendConfirmationCode } from './operations/resend-confirmation-code.js';
export { signUp } from './operations/sign-up.js';
