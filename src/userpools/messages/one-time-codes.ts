/**
 * Six-digit one-time codes: issued for sign-up confirmation, password recovery and attribute
 * verification, stored as a hash, expiring, single-use, and burned after five wrong guesses.
 */
import { createHash, randomInt } from 'node:crypto';
import { CodeMismatch, ExpiredCode, LimitExceeded } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';

export type CodePurpose = 'confirm-sign-up' | 'forgot-password' | `verify:${string}`;

const HOUR = 3600_000;
/** Cognito's lifetimes: sign-up and verification codes 24 hours, recovery codes 1 hour. */
const LIFETIME = (purpose: CodePurpose) => (purpose === 'forgot-password' ? HOUR : 24 * HOUR);
const MAX_ATTEMPTS = 5;

/**
 * The hash binds the code to its user, its purpose and, for attribute verification, the address
 * it was sent to: a code mailed to one address must not verify another that replaced it since.
 */
const hashCode = (user: UserRecord, purpose: CodePurpose, code: string, address: string) =>
  createHash('sha256').update(`${user.poolId}\0${user.usernameKey}\0${purpose}\0${address}\0${code}`).digest('base64url');

export async function issueCode(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, purpose: CodePurpose, address = ''): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = services.clock.now();
  await services.store.codes.put({ poolId: user.poolId, usernameKey: user.usernameKey, purpose }, hashCode(user, purpose, code, address), now + LIFETIME(purpose), now);
  return code;
}

/** Uses the code or throws Cognito's error for why it cannot be used. */
export async function redeemCode(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, purpose: CodePurpose, code: string, address = ''): Promise<void> {
  const outcome = await services.store.codes.consume(
    { poolId: user.poolId, usernameKey: user.usernameKey, purpose }, hashCode(user, purpose, code, address), services.clock.now(), MAX_ATTEMPTS,
  );
  switch (outcome) {
    case 'ok':
      return;
    case 'mismatch':
      throw CodeMismatch('Invalid verification code provided, please try again.');
    case 'exhausted':
      throw LimitExceeded('Attempt limit exceeded, please try after some time.');
    default:
      throw ExpiredCode('Invalid code provided, please request a code again.');
  }
}
