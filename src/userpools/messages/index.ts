/**
 * Messages to users: one-time codes (issued, hashed and bound to the address they went to,
 * expiring, single-use, burned after five wrong guesses), which contact a code goes to, the
 * pool's verification and invitation templates, and delivery by email or SMS with the masked
 * destination Cognito reports. Rules only: the operations that send live with their capability
 * (signup, passwords, users).
 */
export { issueCode, redeemCode } from './one-time-codes.js';
export { deliverCode, describeDelivery } from './code-delivery.js';
export { sendInvitation } from './invitations.js';
