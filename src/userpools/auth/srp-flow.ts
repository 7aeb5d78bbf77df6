/**
 * USER_SRP_AUTH (digest §2.2): InitiateAuth sends SRP_A and receives PASSWORD_VERIFIER with the
 * salt, B and an opaque SECRET_BLOCK; the answer proves the password with an HMAC over the
 * secret block and the TIMESTAMP string exactly as the client wrote it. The server's ephemeral
 * secret b stays in the session, never with the client.
 *
 * Cognito does not need the Session to answer PASSWORD_VERIFIER: the SRP state travels in
 * SECRET_BLOCK, and pycognito (Home Assistant Cloud's client) answers without one. So the secret
 * block is the session string sealed under the master key (A256GCM, secret-box.ts): it cannot be
 * forged or altered, it names the session whose state the server keeps, and that session is still
 * taken (used once, within AuthSessionValidity) whichever of the two the client sends back.
 */
import { timingSafeEqual } from 'node:crypto';
import { N, claimSignature, publicValue, serverEphemeral, serverSessionKey } from '../../crypto/srp.js';
import type { UserRecord } from '../../store/users.js';
import { srpPoolName } from '../passwords/password-secrets.js';
import { findUserByName } from '../users/usernames.js';
import { checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { afterFirstFactor } from './first-factor.js';
import { startFailureTimer } from './failure-timing.js';
import { beginAttempt, checkedAttempt, failAttempt, userAttempts, wrongPassword } from './lockout.js';
import { challengeOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { invalidSession, newSessionString, takeSession, startSession } from './sessions.js';
import { failLikeWrongPassword, hidesUserExistence, simulatedSrpUser, unknownUser } from './user-existence.js';
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
  /** The DEVICE_KEY InitiateAuth named, for a client that does not repeat it in its answer. */
  deviceKey?: string;
}

interface SrpIdentity {
  salt: string;
  verifier: string;
  userIdForSrp: string;
  simulated: boolean;
}

export async function startSrp(services: AuthServices, gate: ClientGate, parameters: Record<string, string>): Promise<SignInOutcome> {
  const typed = requireParameter(parameters, 'USERNAME');
  const A = parseSrpA(requireParameter(parameters, 'SRP_A'));
  const user = await findUserByName(services.store, gate.pool, typed);
  await checkSecretHash(services, gate, parameters.SECRET_HASH, [typed, user?.username, user?.sub]);
  const identity = await srpIdentity(services, gate, user, typed);
  const { b, B } = serverEphemeral(identity.verifier);
  const session = newSessionString();
  const secretBlock = await sealSecretBlock(services, session);
  const state: SrpState = {
    typed, userIdForSrp: identity.userIdForSrp, A: A.toString(16), b: b.toString(16), B: B.toString(16), secretBlock,
    ...(identity.simulated ? { simulatedVerifier: identity.verifier } : {}),
    ...(parameters.DEVICE_KEY ? { deviceKey: parameters.DEVICE_KEY } : {}),
  };
  await startSession(services, gate, 'PASSWORD_VERIFIER', user && !identity.simulated ? user.usernameKey : null, state, session);
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

/** SECRET_BLOCK: base64 (as the clients decode it) of the sealed session string. */
async function sealSecretBlock(services: Pick<AuthServices, 'secrets'>, session: string): Promise<string> {
  return Buffer.from(await services.secrets.seal(JSON.stringify({ srp: session }))).toString('base64');
}

/** The session a secret block names; anything not sealed by us reads as an expired session. */
async function openSecretBlock(services: Pick<AuthServices, 'secrets'>, secretBlock: string | undefined): Promise<string> {
  if (!secretBlock || secretBlock.length > 4096) throw invalidSession();
  try {
    const { srp } = JSON.parse(await services.secrets.open(Buffer.from(secretBlock, 'base64').toString())) as { srp?: unknown };
    if (typeof srp === 'string') return srp;
  } catch {
    // Fall through: forged, altered or truncated.
  }
  throw invalidSession();
}

/** SRP_A as the clients send it (plain hex); a value no client produces is refused like a wrong password. */
function parseSrpA(hex: string): bigint {
  const A = publicValue(hex);
  if (A === undefined) throw wrongPassword();
  return A;
}

export async function answerPasswordVerifier(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const timer = startFailureTimer('srp-verifier', services.clock);
  const session = sessionString ?? (await openSecretBlock(services, responses.PASSWORD_CLAIM_SECRET_BLOCK));
  const { usernameKey, state } = await takeSession<SrpState>(services, gate, session, 'PASSWORD_VERIFIER');
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
    return failLikeWrongPassword(services, gate, state.typed, timer, () => proofMatches(gate, state, state.simulatedVerifier ?? SOME_VERIFIER, proof));
  }
  checkUserMaySignIn(user);
  const { srpVerifier } = user;
  const attempt = await beginAttempt(services, userAttempts(user), timer.begunAt);
  if (!(await checkedAttempt(services, attempt, async () => proofMatches(gate, state, srpVerifier, proof)))) return failAttempt(services, attempt, timer);
  return afterFirstFactor(services, gate, user, state.typed, responses.DEVICE_KEY ?? state.deviceKey);
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
