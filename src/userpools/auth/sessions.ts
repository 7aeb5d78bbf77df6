/**
 * The `Session` a challenge hands the client (digest §3.4): an opaque random string, of which the
 * store keeps only the hash, answerable once (`take` deletes as it reads) and only for the app
 * client's AuthSessionValidity. Whatever a later step needs (SRP secrets, the name typed) stays
 * server-side in the session's state.
 */
import { createHash, randomBytes } from 'node:crypto';
import { NotAuthorized } from '../../errors.js';
import type { Services } from '../../services.js';
import type { AuthSessionRecord } from '../../store/auth-sessions.js';
import type { ClientGate } from './client-gate.js';

export type ChallengeName = 'PASSWORD_VERIFIER' | 'NEW_PASSWORD_REQUIRED' | 'MFA_SETUP' | 'SELECT_MFA_TYPE' | SecondFactorChallenge
  | 'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER' | 'SELECT_CHALLENGE' | 'WEB_AUTHN'
  /** Not a challenge: ConfirmSignUp's Session, which USER_AUTH takes as the first factor. */
  | 'CONFIRMED_SIGN_UP';

/** The challenges answered with a code: an authenticator's, or one sent by SMS or email. */
export type SecondFactorChallenge = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP';

export interface OpenSession<State> {
  record: AuthSessionRecord;
  usernameKey: string | null;
  state: State;
}

const sessionId = (session: string) => createHash('sha256').update(session).digest('base64url');

export const invalidSession = () => NotAuthorized('Invalid session for the user, session is expired.');

/** A fresh Session string: 96 random bytes. */
export const newSessionString = () => randomBytes(96).toString('base64url');

/**
 * Stores the state of a challenge and returns the Session string for the client (`session`, when
 * the caller needed the string before the state, as SRP's sealed secret block does).
 */
export async function startSession<State>(services: Pick<Services, 'store' | 'clock'>, gate: ClientGate, challenge: ChallengeName, usernameKey: string | null, state: State, session = newSessionString()): Promise<string> {
  await services.store.sessions.insert({
    id: sessionId(session), poolId: gate.pool.id, clientId: gate.client.clientId, usernameKey, challenge,
    state: JSON.stringify(state), expiresAt: services.clock.now() + gate.policy.authSessionSeconds * 1000,
  });
  return session;
}

/**
 * Consumes the session answering `challenge` through this client. Unknown, used, expired, or
 * belonging to another client or challenge: all read the same to the caller.
 */
export async function takeSession<State>(services: Pick<Services, 'store' | 'clock'>, gate: ClientGate, session: string | undefined, challenge: ChallengeName): Promise<OpenSession<State>> {
  const open = await takeAnyClientSession<State>(services, session, challenge);
  if (open.record.poolId !== gate.pool.id || open.record.clientId !== gate.client.clientId) throw invalidSession();
  return open;
}

/**
 * Consumes a session that arrives without its client (AssociateSoftwareToken and
 * VerifySoftwareToken during MFA_SETUP): the record names the pool and client it belongs to.
 */
export async function takeAnyClientSession<State>(services: Pick<Services, 'store' | 'clock'>, session: string | undefined, challenge: ChallengeName): Promise<OpenSession<State>> {
  if (!session) throw invalidSession();
  const record = await services.store.sessions.take(sessionId(session));
  if (!record || record.expiresAt <= services.clock.now() || record.challenge !== challenge) throw invalidSession();
  return { record, usernameKey: record.usernameKey, state: JSON.parse(record.state) as State };
}

/**
 * Puts a taken session back, for an answer the user can correct (a new password the policy
 * refused) without signing in again; it keeps its original expiry.
 */
export async function restoreSession<State>(services: Pick<Services, 'store'>, session: OpenSession<State>, state?: State): Promise<void> {
  await services.store.sessions.insert(state === undefined ? session.record : { ...session.record, state: JSON.stringify(state) });
}
