/**
 * The second factor after a proven password (digest §3.3). Which challenge follows:
 * - none when the pool's MFA is OFF, or OPTIONAL and the user turned no factor on;
 * - the user's one factor, or its preferred one: SOFTWARE_TOKEN_MFA, SMS_MFA or EMAIL_OTP;
 * - SELECT_MFA_TYPE when several are on and none is preferred;
 * - with MFA ON and no factor turned on: SMS or email to the number or address the user has
 *   (they need no set-up, as the developer guide says), else MFA_SETUP (mfa-setup.ts).
 * A challenge's session allows five wrong codes; each counts toward the user's lockout as a wrong
 * password does, and the fifth ends the session.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CodeMismatch, InvalidParameter, type CognitoError } from '../../errors.js';
import type { AttemptSubject } from '../../store/sign-in-attempts.js';
import type { UserRecord } from '../../store/users.js';
import { contactDestination, deliverCode, mask } from '../messages/code-delivery.js';
import { mfaMode, poolFactors, type SecondFactor } from '../mfa/pool-mfa.js';
import { checkSoftwareTokenCode } from '../mfa/software-tokens.js';
import { userMfa } from '../mfa/user-mfa.js';
import { confirmedDevice, deviceTracking } from '../devices/devices.js';
import { checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { beginAttempt, endAttempt, userAttempts } from './lockout.js';
import { challengeOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { invalidSession, restoreSession, startSession, takeSession, type OpenSession, type SecondFactorChallenge } from './sessions.js';
import { deviceSrpChallenge } from './device-srp.js';
import { mfaSetupChallenge } from './mfa-setup.js';
import { completeSignIn } from './sign-in-complete.js';
import { checkUserMaySignIn } from './user-state.js';

export interface SecondFactorState {
  /** The name the user signed in with, which a SECRET_HASH may be computed over. */
  typed: string;
  /** Wrong answers given in this session so far. */
  wrong: number;
  /** SMS and email: the salted hash of the code sent. */
  code?: { salt: string; hash: string };
  /** SELECT_MFA_TYPE: the factors offered. */
  choices?: SecondFactor[];
}

const MAX_WRONG_ANSWERS = 5;

/** Where each challenge's answer carries its code; Amplify sends EMAIL_OTP_CODE, the API reference also names EMAIL_MFA_CODE. */
const CODE_PARAMETERS: Record<SecondFactorChallenge, string[]> = {
  SOFTWARE_TOKEN_MFA: ['SOFTWARE_TOKEN_MFA_CODE'],
  SMS_MFA: ['SMS_MFA_CODE'],
  EMAIL_OTP: ['EMAIL_OTP_CODE', 'EMAIL_MFA_CODE'],
  SMS_OTP: ['SMS_OTP_CODE'],
};

/**
 * What follows a proven password: a remembered device (where the pool lets one stand in for the
 * second factor) proves itself by device SRP; otherwise the second factor's challenge, if the
 * user owes one; otherwise the sign-in completes.
 */
export async function afterPassword(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string, deviceKey: string | undefined): Promise<SignInOutcome> {
  const device = await confirmedDevice(services, user, deviceKey);
  if (device?.rememberedStatus === 'remembered' && deviceTracking(gate.pool)?.rememberedSkipsMfa) return deviceSrpChallenge(services, gate, user, typed, device);
  return (await secondFactorStep(services, gate, user, typed)) ?? completeSignIn(services, gate, user, typed, deviceKey);
}

/** The challenge that follows the first factor, or undefined when the user signs in now. */
async function secondFactorStep(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string): Promise<SignInOutcome | undefined> {
  const offered = poolFactors(gate.pool);
  if (offered.length === 0) return undefined;
  const settings = userMfa(user);
  let factors = settings.enabled.filter((factor) => offered.includes(factor));
  if (factors.length === 0 && mfaMode(gate.pool) === 'ON') {
    factors = offered.filter((factor) => (factor === 'SMS_MFA' && user.attributes.phone_number) || (factor === 'EMAIL_OTP' && user.attributes.email));
    if (factors.length === 0) return mfaSetupChallenge(services, gate, user, typed);
  }
  if (factors.length === 0) return undefined;
  const chosen = settings.preferred && factors.includes(settings.preferred) ? settings.preferred : factors.length === 1 ? factors[0] : undefined;
  if (!chosen) {
    const session = await startSession<SecondFactorState>(services, gate, 'SELECT_MFA_TYPE', user.usernameKey, { typed, wrong: 0, choices: factors });
    return challengeOutcome('SELECT_MFA_TYPE', session, { USER_ID_FOR_SRP: user.username, MFAS_CAN_CHOOSE: JSON.stringify(factors) });
  }
  return factorChallenge(services, gate, user, typed, chosen);
}

async function factorChallenge(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string, factor: SecondFactor): Promise<SignInOutcome> {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    const session = await startSession<SecondFactorState>(services, gate, factor, user.usernameKey, { typed, wrong: 0 });
    return challengeOutcome(factor, session, { USER_ID_FOR_SRP: user.username });
  }
  return codeChallenge(services, gate, user, typed, factor);
}

/**
 * A code sent by SMS or email: the second factor (SMS_MFA, EMAIL_OTP) or, in choice-based
 * sign-in, the first (SMS_OTP, EMAIL_OTP); either way, the right code completes the sign-in.
 */
export async function codeChallenge(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string, challenge: 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP'): Promise<SignInOutcome> {
  const attribute = challenge === 'EMAIL_OTP' ? 'email' : 'phone_number';
  const to = contactDestination(attribute, user.attributes[attribute] ?? '');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('base64url');
  await deliverCode(services, gate.pool, user, to, 'authentication', code);
  const session = await startSession<SecondFactorState>(services, gate, challenge, user.usernameKey, { typed, wrong: 0, code: { salt, hash: hashCode(salt, code) } });
  return challengeOutcome(challenge, session, {
    USER_ID_FOR_SRP: user.username, CODE_DELIVERY_DELIVERY_MEDIUM: to.medium, CODE_DELIVERY_DESTINATION: mask(to),
  });
}

const hashCode = (salt: string, code: string) => createHash('sha256').update(`${salt}\0${code}`).digest('base64url');

/** The user a challenge's session was opened for, checked as every answer checks it. */
async function sessionUser(services: AuthServices, gate: ClientGate, session: OpenSession<SecondFactorState>, responses: Record<string, string>): Promise<UserRecord> {
  const user = session.usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, session.usernameKey);
  if (!user) throw invalidSession();
  const username = requireParameter(responses, 'USERNAME');
  await checkSecretHash(services, gate, responses.SECRET_HASH, [username, session.state.typed, user.username, user.sub]);
  checkUserMaySignIn(user);
  return user;
}

/** SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP and SMS_OTP answers. */
export async function answerSecondFactor(services: AuthServices, gate: ClientGate, challenge: SecondFactorChallenge, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const session = await takeSession<SecondFactorState>(services, gate, sessionString, challenge);
  const user = await sessionUser(services, gate, session, responses);
  const code = CODE_PARAMETERS[challenge].map((name) => responses[name]).find((value) => value);
  if (!code) {
    await restoreSession(services, session);
    throw InvalidParameter(`Missing required parameter ${CODE_PARAMETERS[challenge][0]}`);
  }
  const attempt = await beginAttempt(services, userAttempts(user));
  try {
    if (challenge === 'SOFTWARE_TOKEN_MFA') await checkSoftwareTokenCode(services, user, code);
    else if (!sentCodeMatches(session.state, code)) throw CodeMismatch('Invalid code received for user');
  } catch (error) {
    await wrongAnswer(services, session, attempt);
    throw error;
  }
  await endAttempt(services, attempt, 'succeeded');
  const signedIn = challenge === 'SOFTWARE_TOKEN_MFA' ? user : await markContactVerified(services, user, challenge === 'EMAIL_OTP' ? 'email' : 'phone_number');
  return completeSignIn(services, gate, signedIn, session.state.typed, responses.DEVICE_KEY);
}

function sentCodeMatches(state: SecondFactorState, code: string): boolean {
  if (!state.code) return false;
  const given = Buffer.from(hashCode(state.code.salt, code));
  const expected = Buffer.from(state.code.hash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A wrong code: counted toward the lockout, and the session kept for another try unless this was the fifth. */
async function wrongAnswer(services: AuthServices, session: OpenSession<SecondFactorState>, attempt: AttemptSubject): Promise<void> {
  const wrong = session.state.wrong + 1;
  if (wrong < MAX_WRONG_ANSWERS) await restoreSession(services, session, { ...session.state, wrong });
  await endAttempt(services, attempt, 'failed');
}

/** The developer guide: completing SMS or email MFA marks the number or address verified. */
async function markContactVerified(services: AuthServices, user: UserRecord, contact: 'email' | 'phone_number'): Promise<UserRecord> {
  const attribute = `${contact}_verified`;
  if (user.attributes[attribute] === 'true') return user;
  await services.store.users.changeAttributes(user.poolId, user.usernameKey, { set: { [attribute]: 'true' }, updatedAt: services.clock.now() });
  return { ...user, attributes: { ...user.attributes, [attribute]: 'true' } };
}

/** SELECT_MFA_TYPE: the factor chosen (ANSWER) gets its challenge, under a new session. */
export async function answerSelectMfaType(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const session = await takeSession<SecondFactorState>(services, gate, sessionString, 'SELECT_MFA_TYPE');
  const user = await sessionUser(services, gate, session, responses);
  const answer = responses.ANSWER as SecondFactor | undefined;
  if (!answer || !session.state.choices?.includes(answer)) {
    await restoreSession(services, session);
    throw refusedChoice(answer);
  }
  return factorChallenge(services, gate, user, session.state.typed, answer);
}

const refusedChoice = (answer: string | undefined): CognitoError => (answer
  ? InvalidParameter(`The MFA type ${answer} is not one the user can choose.`)
  : InvalidParameter('Missing required parameter ANSWER'));
