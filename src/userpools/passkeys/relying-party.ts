/**
 * The pool's WebAuthn relying party: its id (WebAuthnConfiguration.RelyingPartyId; without one
 * the host of Gatehouse's public URL, `localhost` for a loopback address, until pools have hosted
 * UI domains), the user verification it asks for, and the origins it accepts: `https://<rp id>`
 * and its subdomains on any port, and for `localhost` also `http://localhost` on any port, so
 * that passkeys work in local development.
 */
import { isIP } from 'node:net';
import { WebAuthnNotEnabled, WebAuthnOriginNotAllowed } from '../../errors.js';
import type { Config } from '../../config.js';
import type { PoolRecord } from '../../store/user-pools.js';

export interface RelyingParty {
  id: string;
  name: string;
  userVerification: 'required' | 'preferred';
}

export function relyingParty(config: Pick<Config, 'publicUrl'>, pool: PoolRecord): RelyingParty {
  const factors = pool.settings.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  if (!factors.includes('WEB_AUTHN')) throw WebAuthnNotEnabled('WebAuthn is not enabled for this user pool: add WEB_AUTHN to SignInPolicy.AllowedFirstAuthFactors.');
  const configured = pool.settings.MfaFactors?.webAuthn;
  const host = new URL(config.publicUrl).hostname;
  const fallback = isIP(host.replace(/^\[|\]$/g, '')) ? 'localhost' : host;
  return { id: configured?.RelyingPartyId || fallback, name: pool.name, userVerification: configured?.UserVerification === 'required' ? 'required' : 'preferred' };
}

/** The origin a client's clientDataJSON names, if the relying party accepts it; refused otherwise. */
export function acceptedOrigin(rp: RelyingParty, clientDataJSON: string): string {
  let origin: string | undefined;
  try {
    origin = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { origin?: unknown }).origin as string | undefined;
  } catch {
    origin = undefined;
  }
  if (typeof origin === 'string' && originAllowed(rp.id, origin)) return origin;
  throw WebAuthnOriginNotAllowed('The origin of the WebAuthn response is not allowed for this relying party.');
}

export function originAllowed(rpId: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  const host = url.hostname;
  const matches = host === rpId || host.endsWith(`.${rpId}`);
  if (url.protocol === 'https:') return matches;
  return url.protocol === 'http:' && rpId === 'localhost' && host === 'localhost';
}
