/**
 * USER_SRP_AUTH (digest §2.2): InitiateAuth sends SRP_A and receives PASSWORD_VERIFIER with the
 * salt, B and an opaque SECRET_BLOCK; the answer proves the password with an HMAC over the
 * secret block and the TIMESTAMP string exactly as the client wrote it. The server's ephemeral
 * secret b and the secret block stay in the session, never with the client.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { N, claimSignature, publicValue, serverEphemeral, serverSessionKey } from '../../crypto/srp.js';
import type { UserRecord } from '../../store/users.js';
import { srpPoolName } from '../passwords/password-secrets.js';
import { findUserByName } from '../users/usernames.js';
import { checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { afterFirstFactor } from './first-factor.js';
import { holdLikeWrongPassword, startFailureTimer } from './failure-timing.js';
import { failSignIn, reserveAttempt, wrongPassword } from './lockout.js';
import { challengeOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { takeSession, startSession } from './sessions.js';
import { hidesUserExistence, simulatedSrpUser, unknownUser } from './user-existence.js';
import { checkUserMaySignIn } from './user-state.js';

/** A stand-in verifier for a session whose user is gone: any non-zero value costs the same work. */
const SOME_VERIFIER = (N - 2n).toString(16);

interface SrpState {
  typed: string;
  userIdForSrp: string;
  /** A, b and B in hex. */
  A: string;
  b: string;
  B: string;
  secretBlock: string;
  /** Set for a user who does not exist (or has no verifier): the exchange runs, then fails. */
  simulatedVerifier?: string;
}

interface SrpIdentity {
  salt: string;
  verifier: string;
  userIdForSrp: string;
  simulated: boolean;
}

const SECRET_BLOCK_BYTES = 96;

export async function startSrp(services: AuthServices, gate: ClientGate, parameters: Record<string, string>): Promise<SignInOutcome> {
  const typed = requireParameter(parameters, 'USERNAME');
  const A = parseSrpA(requireParameter(parameters, 'SRP_A'));
  const user = await findUserByName(services.store, gate.pool, typed);
  await checkSecretHash(services, gate, parameters.SECRET_HASH, [typed, user?.username, user?.sub]);
  const identity = await srpIdentity(services, gate, user, typed);
  const { b, B } = serverEphemeral(identity.verifier);
  const secretBlock = randomBytes(SECRET_BLOCK_BYTES).toString('base64');
  const state: SrpState = {
    typed, userIdForSrp: identity.userIdForSrp, A: A.toString(16), b: b.toString(16), B: B.toString(16), secretBlock,
    ...(identity.simulated ? { simulatedVerifier: identity.verifier } : {}),
  };
  const session = await startSession(services, gate, 'PASSWORD_VERIFIER', user && !identity.simulated ? user.usernameKey : null, state);
  return challengeOutcome('PASSWORD_VERIFIER', session, {
    SALT: identity.salt, SRP_B: state.B, SECRET_BLOCK: secretBlock, USERNAME: identity.userIdForSrp, USER_ID_FOR_SRP: identity.userIdForSrp,
  });
}

/** The salt and verifier to run the exchange with: the user's, or a simulation that will fail. */
async function srpIdentity(services: AuthServices, gate: ClientGate, user: UserRecord | undefined, typed: string): Promise<SrpIdentity> {
  if (!user) {
    if (!hidesUserExistence(gate)) throw unknownUser(gate);
    return { ...(await simulatedSrpUser(services, gate, typed)), simulated: true };
  }
  checkUserMaySignIn(user);
  if (user.srpSalt && user.srpVerifier) return { salt: user.srpSalt, verifier: user.srpVerifier, userIdForSrp: user.username, simulated: false };
  return { ...(await simulatedSrpUser(services, gate, typed)), userIdForSrp: user.username, simulated: true };
}

/** SRP_A as the clients send it (plain hex); a value no client produces is refused like a wrong password. */
function parseSrpA(hex: string): bigint {
  const A = publicValue(hex);
  if (A === undefined) throw wrongPassword();
  return A;
}

export async function answerPasswordVerifier(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const timer = startFailureTimer('srp-verifier');
  const { usernameKey, state } = await takeSession<SrpState>(services, gate, sessionString, 'PASSWORD_VERIFIER');
  const username = requireParameter(responses, 'USERNAME');
  const proof = {
    signature: requireParameter(responses, 'PASSWORD_CLAIM_SIGNATURE'),
    secretBlock: requireParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK'),
    timestamp: requireParameter(responses, 'TIMESTAMP'),
  };
  const user = usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, usernameKey);
  await checkSecretHash(services, gate, responses.SECRET_HASH, [username, state.typed, state.userIdForSrp, user?.sub]);
  if (!user || !user.srpVerifier) {
    // Same work as a real check, so that the answer's timing says nothing either.
    proofMatches(gate, state, state.simulatedVerifier ?? SOME_VERIFIER, proof);
    await holdLikeWrongPassword(services.store, timer);
    throw wrongPassword();
  }
  checkUserMaySignIn(user);
  const attempt = await reserveAttempt(services, user);
  if (!proofMatches(gate, state, user.srpVerifier, proof)) return failSignIn(services, user, attempt, timer);
  return afterFirstFactor(services, gate, user, state.typed);
}

interface PasswordClaim {
  signature: string;
  secretBlock: string;
  timestamp: string;
}

/** The client's PASSWORD_CLAIM_SIGNATURE against ours, over the secret block we issued. */
function proofMatches(gate: ClientGate, state: SrpState, verifier: string, claim: PasswordClaim): boolean {
  const key = serverSessionKey(BigInt(`0x${state.A}`), BigInt(`0x${state.B}`), BigInt(`0x${state.b}`), verifier);
  if (!key || claim.secretBlock !== state.secretBlock) return false;
  const expected = claimSignature(key, srpPoolName(gate.pool.id), state.userIdForSrp, Buffer.from(state.secretBlock, 'base64'), claim.timestamp);
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
