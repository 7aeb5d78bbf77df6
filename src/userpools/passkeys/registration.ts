/**
 * Registering a passkey (StartWebAuthnRegistration, CompleteWebAuthnRegistration): creation
 * options bound to one pending challenge per user (five minutes), then the authenticator's
 * attestation verified by @simplewebauthn/server against that challenge, the relying party id and
 * an accepted origin, and the credential stored with its counter.
 */
import { generateRegistrationOptions, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import type { WebAuthnCredentialDescription } from '@aws-sdk/client-cognito-identity-provider';
import { WebAuthnChallengeNotFound, WebAuthnCredentialNotSupported, WebAuthnRelyingPartyMismatch } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { WebAuthnCredentialRecord } from '../../store/webauthn-credentials.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { acceptedOrigin, relyingParty } from './relying-party.js';

const REGISTRATION_MS = 5 * 60_000;

type PasskeyServices = Pick<Services, 'store' | 'clock' | 'config'>;

export async function startRegistration(services: PasskeyServices, pool: PoolRecord, user: UserRecord): Promise<Record<string, unknown>> {
  const rp = relyingParty(services.config, pool);
  const existing = await services.store.webAuthn.listAfter(pool.id, user.usernameKey, undefined, 1000);
  const options = await generateRegistrationOptions({
    rpName: rp.name, rpID: rp.id, userName: user.username, userID: Buffer.from(user.sub), userDisplayName: user.attributes.name ?? user.username,
    timeout: REGISTRATION_MS, attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: rp.userVerification },
    excludeCredentials: existing.map((credential) => ({ id: credential.credentialId, transports: credential.transports as never })),
  });
  await services.store.webAuthn.putRegistration(pool.id, user.usernameKey, options.challenge, services.clock.now() + REGISTRATION_MS);
  return options as unknown as Record<string, unknown>;
}

export async function completeRegistration(services: PasskeyServices, pool: PoolRecord, user: UserRecord, credential: unknown): Promise<void> {
  const rp = relyingParty(services.config, pool);
  const response = credential as RegistrationResponseJSON;
  const challenge = await services.store.webAuthn.takeRegistration(pool.id, user.usernameKey, services.clock.now());
  if (!challenge) throw WebAuthnChallengeNotFound('No WebAuthn registration is in progress for the user: call StartWebAuthnRegistration first.');
  const origin = acceptedOrigin(rp, typeof response?.response?.clientDataJSON === 'string' ? response.response.clientDataJSON : '');
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rp.id, requireUserVerification: rp.userVerification === 'required',
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/RP ID/i.test(message)) throw WebAuthnRelyingPartyMismatch('The relying party of the WebAuthn response does not match the user pool.');
    throw WebAuthnCredentialNotSupported(`The WebAuthn credential could not be verified: ${message}`);
  }
  if (!verified.verified) throw WebAuthnCredentialNotSupported('The WebAuthn credential could not be verified.');
  const { credential: made } = verified.registrationInfo;
  const added = await services.store.webAuthn.add({
    poolId: pool.id, credentialId: made.id, usernameKey: user.usernameKey, publicKey: Buffer.from(made.publicKey).toString('base64url'),
    counter: made.counter, transports: made.transports ?? response.response.transports ?? [], attachment: response.authenticatorAttachment ?? null,
    friendlyName: null, rpId: rp.id, createdAt: services.clock.now(),
  });
  if (!added) throw WebAuthnCredentialNotSupported('This credential is registered already.');
}

export function describeCredential(credential: WebAuthnCredentialRecord): WebAuthnCredentialDescription {
  return {
    CredentialId: credential.credentialId, RelyingPartyId: credential.rpId, AuthenticatorTransports: credential.transports,
    // Cognito names a passkey after its authenticator model; without a metadata service, a generic name.
    FriendlyCredentialName: credential.friendlyName ?? 'Passkey',
    ...(credential.attachment ? { AuthenticatorAttachment: credential.attachment } : {}),
    CreatedAt: new Date(credential.createdAt),
  };
}
