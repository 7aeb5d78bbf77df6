/**
 * MFA_SETUP: the pool requires MFA and the user has no factor it can use. The client sets up a
 * TOTP authenticator with the challenge's Session (AssociateSoftwareToken, then
 * VerifySoftwareToken, each answering with a new Session), then answers MFA_SETUP with the last
 * Session and signs in (digest §3.3, "TOTP setup sequence").
 */
import type { AssociateSoftwareTokenResponse, VerifySoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import { SoftwareTokenMFANotFound } from '../../errors.js';
import type { UserRecord } from '../../store/users.js';
import { poolFactors } from '../mfa/pool-mfa.js';
import { associateSoftwareToken, verifySoftwareToken } from '../mfa/software-tokens.js';
import { adminGate, checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { challengeOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { invalidSession, restoreSession, startSession, takeAnyClientSession, takeSession, type OpenSession } from './sessions.js';
import { completeSignIn } from './sign-in-complete.js';
import { checkUserMaySignIn } from './user-state.js';

interface MfaSetupState {
  typed: string;
  /** Wrong first codes given to VerifySoftwareToken so far. */
  wrong: number;
  /** VerifySoftwareToken accepted a code: MFA_SETUP can be answered. */
  verified?: boolean;
}

const MAX_WRONG_ANSWERS = 5;

export async function mfaSetupChallenge(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string): Promise<SignInOutcome> {
  const session = await startSession<MfaSetupState>(services, gate, 'MFA_SETUP', user.usernameKey, { typed, wrong: 0 });
  return challengeOutcome('MFA_SETUP', session, { MFAS_CAN_SETUP: JSON.stringify(poolFactors(gate.pool)) });
}

interface SetupStep {
  session: OpenSession<MfaSetupState>;
  gate: ClientGate;
  user: UserRecord;
}

/** The MFA_SETUP session an AssociateSoftwareToken or VerifySoftwareToken call brings, with its client and user. */
async function openSetup(services: AuthServices, sessionString: string): Promise<SetupStep> {
  const session = await takeAnyClientSession<MfaSetupState>(services, sessionString, 'MFA_SETUP');
  const gate = await adminGate(services, session.record.poolId, session.record.clientId).catch(() => { throw invalidSession(); });
  const user = session.usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, session.usernameKey);
  if (!user) throw invalidSession();
  checkUserMaySignIn(user);
  return { session, gate, user };
}

export async function associateDuringSetup(services: AuthServices, sessionString: string): Promise<AssociateSoftwareTokenResponse> {
  const { session, gate, user } = await openSetup(services, sessionString);
  const SecretCode = await associateSoftwareToken(services, user);
  const Session = await startSession<MfaSetupState>(services, gate, 'MFA_SETUP', user.usernameKey, { typed: session.state.typed, wrong: session.state.wrong });
  return { SecretCode, Session };
}

export async function verifyDuringSetup(services: AuthServices, sessionString: string, code: string, friendlyName: string | undefined): Promise<VerifySoftwareTokenResponse> {
  const { session, gate, user } = await openSetup(services, sessionString);
  try {
    await verifySoftwareToken(services, user, code, friendlyName);
  } catch (error) {
    const wrong = session.state.wrong + 1;
    if (wrong < MAX_WRONG_ANSWERS) await restoreSession(services, session, { ...session.state, wrong });
    throw error;
  }
  const Session = await startSession<MfaSetupState>(services, gate, 'MFA_SETUP', user.usernameKey, { typed: session.state.typed, wrong: 0, verified: true });
  return { Status: 'SUCCESS', Session };
}

/** The MFA_SETUP answer, once VerifySoftwareToken accepted a code under this sign-in. */
export async function answerMfaSetup(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const session = await takeSession<MfaSetupState>(services, gate, sessionString, 'MFA_SETUP');
  const user = session.usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, session.usernameKey);
  if (!user) throw invalidSession();
  const username = requireParameter(responses, 'USERNAME');
  await checkSecretHash(services, gate, responses.SECRET_HASH, [username, session.state.typed, user.username, user.sub]);
  checkUserMaySignIn(user);
  if (!session.state.verified) {
    await restoreSession(services, session);
    throw SoftwareTokenMFANotFound('Software Token MFA has not been set up for the user: call AssociateSoftwareToken and VerifySoftwareToken with this Session first.');
  }
  return completeSignIn(services, gate, user, session.state.typed, responses.DEVICE_KEY);
}
