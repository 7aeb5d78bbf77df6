/**
 * Amazon Cognito user pools (cognito-idp), one folder per capability, each holding its rules
 * beside its operations (one module per operation under `<capability>/operations/`):
 *
 * - pools/     pool settings, defaults and schema
 * - clients/   app clients, their flows, attributes, OAuth side and secrets
 * - users/     the directory: names, aliases, attributes, status, lookups and search
 * - signup/    self-registration and confirmation
 * - passwords/ policy, hashes and verifiers, temporary passwords, recovery
 * - messages/  one-time codes, destinations, templates and delivery (rules only)
 * - tokens/    issuing, authenticating, refreshing and revoking tokens
 * - auth/      sign-in flows and challenges
 * - groups/    groups and membership
 * - tags/      tags on pools
 */
export { userPoolOperations } from './operations.js';
