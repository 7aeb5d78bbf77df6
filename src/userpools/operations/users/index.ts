// Operations on users; one module per operation.
export { adminDeleteUser } from './admin-delete-user.js';
export { adminGetUser } from './admin-get-user.js';
export { adminDisableUser, adminEnableUser } from './admin-set-enabled.js';
export { signUp } from './sign-up.js';
export { confirmSignUp } from './confirm-sign-up.js';
export { resendConfirmationCode } from './resend-confirmation-code.js';
export { forgotPassword } from './forgot-password.js';
export { confirmForgotPassword } from './confirm-forgot-password.js';
export { changePassword } from './change-password.js';
export { getUser } from './get-user.js';
export { deleteUser } from './delete-user.js';
export { updateUserAttributes } from './update-user-attributes.js';
export { deleteUserAttributes } from './delete-user-attributes.js';
export { getUserAttributeVerificationCode } from './get-user-attribute-verification-code.js';
export { verifyUserAttribute } from './verify-user-attribute.js';
