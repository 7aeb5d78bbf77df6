/**
 * Signing in with a passkey (the WEB_AUTHN challenge of USER_AUTH): request options with a fresh
 * challenge that the sign-in session keeps, then the assertion verified by @simplewebauthn/server
 * against that challenge, the relying party id, an accepted origin and one of the user's
 * credentials, whose signature counter must move forward.
 */
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { acceptedOrigin, relyingParty } from './relying-party.js';

type PasskeyServices = Pick<Services, 'store' | 'config'>;

export async function hasPasskey(services: Pick<Services, 'store'>, user: UserRecord): Promise<boolean> {
  return (await services.store.webAuthn.listAfter(user.poolId, user.usernameKey, undefined, 1)).length > 0;
}

export async function assertionOptions(services: PasskeyServices, pool: PoolRecord, user: UserRecord): Promise<{ options: string; challenge: string }> {
  const rp = relyingParty(services.config, pool);
  const credentials = await services.store.webAuthn.listAfter(pool.id, user.usernameKey, undefined, 1000);
  const options = await generateAuthenticationOptions({
    rpID: rp.id, userVerification: rp.userVerification, timeout: 180_000,
    allowCredentials: credentials.map((credential) => ({ id: credential.credentialId, transports: credential.transports as never })),
  });
  return { options: JSON.stringify(options), challenge: options.challenge };
}

/** True when the CREDENTIAL answer proves one of the user's passkeys for this challenge. */
export async function assertionMatches(services: PasskeyServices, pool: PoolRecord, user: UserRecord, credentialJson: string, challenge: string): Promise<boolean> {
  const rp = relyingParty(services.config, pool);
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(credentialJson) as AuthenticationResponseJSON;
  } catch {
    return false;
  }
  const stored = typeof response?.id === 'string' ? await services.store.webAuthn.find(pool.id, user.usernameKey, response.id) : undefined;
  if (!stored) return false;
  const origin = acceptedOrigin(rp, typeof response.response?.clientDataJSON === 'string' ? response.response.clientDataJSON : '');
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rp.id, requireUserVerification: rp.userVerification === 'required',
      credential: { id: stored.credentialId, publicKey: Buffer.from(stored.publicKey, 'base64url'), counter: stored.counter, transports: stored.transports as never },
    });
    return verified && await services.store.webAuthn.advanceCounter(pool.id, stored.credentialId, stored.counter, authenticationInfo.newCounter);
  } catch {
    return false;
  }
}
