/**
 * RFC 6238 codes as authenticator apps compute them from the SecretCode AssociateSoftwareToken
 * hands out: HMAC-SHA1, six digits, 30-second steps, one step of drift either way (otpauth).
 * A code is known by its time step, which is what makes "each code once" enforceable.
 */
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
const DRIFT_STEPS = 1;

/** A new shared secret in base32, 32 characters (160 bits), as Cognito's SecretCode. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The time step `code` belongs to at `now` (epoch ms), or undefined when it matches none. */
export function totpStep(secret: string, code: string, now: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });
  const delta = totp.validate({ token: code, timestamp: now, window: DRIFT_STEPS });
  return delta === null ? undefined : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}
