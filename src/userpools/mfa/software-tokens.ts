/**
 * A user's TOTP authenticator: AssociateSoftwareToken makes a secret (sealed at rest, pending
 * until verified, the verified one staying in force meanwhile); VerifySoftwareToken promotes it
 * with a first code and turns TOTP MFA on; a sign-in's SOFTWARE_TOKEN_MFA answer is checked
 * against it, each code accepted once.
 */
import { CodeMismatch, EnableSoftwareTokenMFA, ExpiredCode, SoftwareTokenMFANotFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import { savePreferences } from './preferences.js';
import { newTotpSecret, totpStep } from './totp.js';

type TokenServices = Pick<Services, 'store' | 'clock' | 'secrets'>;

/** A new pending secret for the user; its base32 form is the SecretCode shown to the user. */
export async function associateSoftwareToken(services: TokenServices, user: UserRecord): Promise<string> {
  const secret = newTotpSecret();
  await services.store.softwareTokens.putPending(user.poolId, user.usernameKey, await services.secrets.seal(secret), services.clock.now());
  return secret;
}

/**
 * Checks the first code of the pending secret and makes it the user's authenticator, with TOTP
 * MFA enabled (not preferred) as Cognito leaves it after a successful verification.
 */
export async function verifySoftwareToken(services: TokenServices, user: UserRecord, code: string, friendlyName: string | undefined): Promise<void> {
  const record = await services.store.softwareTokens.find(user.poolId, user.usernameKey);
  if (!record?.pendingSecret) throw SoftwareTokenMFANotFound('Software Token MFA has not been associated with the user.');
  const now = services.clock.now();
  const step = totpStep(await services.secrets.open(record.pendingSecret), code, now);
  if (step === undefined) throw EnableSoftwareTokenMFA('Code mismatch and fail enable Software Token MFA');
  if (!(await services.store.softwareTokens.confirmPending(user.poolId, user.usernameKey, record.pendingSecret, step, friendlyName ?? null, now))) {
    // Another association replaced the secret this code was computed from.
    throw EnableSoftwareTokenMFA('Code mismatch and fail enable Software Token MFA');
  }
  await savePreferences(services, user, { SoftwareTokenMfaSettings: { Enabled: true } });
}

export async function hasVerifiedSoftwareToken(services: Pick<Services, 'store'>, user: UserRecord): Promise<boolean> {
  return !!(await services.store.softwareTokens.find(user.poolId, user.usernameKey))?.secret;
}

/** A SOFTWARE_TOKEN_MFA answer: a current code of the verified secret, not used before. */
export async function checkSoftwareTokenCode(services: TokenServices, user: UserRecord, code: string): Promise<void> {
  const record = await services.store.softwareTokens.find(user.poolId, user.usernameKey);
  if (!record?.secret) throw SoftwareTokenMFANotFound('Software Token MFA has not been set up for the user.');
  const step = totpStep(await services.secrets.open(record.secret), code, services.clock.now());
  if (step === undefined) throw CodeMismatch('Invalid code received for user');
  if (!(await services.store.softwareTokens.useStep(user.poolId, user.usernameKey, step))) {
    throw ExpiredCode('Your software token has already been used once.');
  }
}
