/**
 * USER_AUTH, choice-based sign-in: the first factors the pool allows
 * (Policies.SignInPolicy.AllowedFirstAuthFactors) that the user can use — a password (sent, or
 * proven by SRP), a code to a verified email address or phone number, a passkey. With a usable
 * PREFERRED_CHALLENGE that factor starts at once; otherwise SELECT_CHALLENGE lists them
 * (AvailableChallenges) and the answer names one, with its data (PASSWORD, SRP_A).
 */
import type { AuthFactorType, ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, NotAuthorized } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { assertionMatches, assertionOptions, hasPasskey } from '../passkeys/assertion.js';
import { findUserByName } from '../users/usernames.js';
import { checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { beginAttempt, endAttempt, userAttempts } from './lockout.js';
import { challengeOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { passwordSignIn } from './password-flow.js';
import { codeChallenge } from './second-factor.js';
import { invalidSession, restoreSession, startSession, takeSession } from './sessions.js';
import { completeSignIn } from './sign-in-complete.js';
import { startSrp } from './srp-flow.js';
import { hidesUserExistence, unknownUser } from './user-existence.js';
import { checkUserMaySignIn } from './user-state.js';

type FirstFactor = Exclude<AuthFactorType, 'SOFTWARE_TOKEN'>;
type FirstFactorChallenge = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

interface ChoiceState {
  typed: string;
  available: FirstFactorChallenge[];
}

interface PasskeyState {
  typed: string;
  challenge: string;
  wrong: number;
}

const MAX_WRONG_ANSWERS = 5;
const verified = (user: UserRecord, contact: 'email' | 'phone_number') => !!user.attributes[contact] && user.attributes[`${contact}_verified`] === 'true';

/** The first factors a user can sign in with in this pool (GetUserAuthFactors' ConfiguredUserAuthFactors). */
export async function firstFactorsOf(services: Pick<Services, 'store'>, pool: PoolRecord, user: UserRecord): Promise<FirstFactor[]> {
  const allowed = pool.settings.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  const usable: Record<FirstFactor, () => boolean | Promise<boolean>> = {
    PASSWORD: () => !!user.passwordHash,
    EMAIL_OTP: () => verified(user, 'email'),
    SMS_OTP: () => verified(user, 'phone_number'),
    WEB_AUTHN: () => hasPasskey(services, user),
  };
  const factors: FirstFactor[] = [];
  for (const factor of ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as FirstFactor[]) {
    if (allowed.includes(factor) && await usable[factor]()) factors.push(factor);
  }
  return factors;
}

const asChallenges = (factors: FirstFactor[]): FirstFactorChallenge[] =>
  factors.flatMap((factor) => (factor === 'PASSWORD' ? ['PASSWORD', 'PASSWORD_SRP'] as const : [factor]));

/**
 * ConfirmSignUp's Session, for a client that allows USER_AUTH: the confirmation code stands in
 * for the first factor of one sign-in within the client's AuthSessionValidity.
 */
export async function confirmedSignUpSession(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string): Promise<string | undefined> {
  if (!gate.policy.authFlows.has('ALLOW_USER_AUTH')) return undefined;
  return startSession<{ typed: string }>(services, gate, 'CONFIRMED_SIGN_UP', user.usernameKey, { typed });
}

export async function startChoiceSignIn(services: AuthServices, gate: ClientGate, parameters: Record<string, string>, sessionString?: string): Promise<SignInOutcome> {
  if (sessionString) return signInAfterSignUp(services, gate, sessionString);
  const typed = requireParameter(parameters, 'USERNAME');
  const user = await findUserByName(services.store, gate.pool, typed);
  await checkSecretHash(services, gate, parameters.SECRET_HASH, [typed, user?.username, user?.sub]);
  if (!user) {
    if (!hidesUserExistence(gate)) throw unknownUser(gate);
  } else {
    checkUserMaySignIn(user);
  }
  // An unknown name is offered what a password user would be, and fails in the password step.
  const available = user ? asChallenges(await firstFactorsOf(services, gate.pool, user)) : ['PASSWORD', 'PASSWORD_SRP'] as FirstFactorChallenge[];
  const preferred = parameters.PREFERRED_CHALLENGE as FirstFactorChallenge | undefined;
  if (preferred && available.includes(preferred)) return startFactor(services, gate, user, typed, preferred, parameters);
  const session = await startSession<ChoiceState>(services, gate, 'SELECT_CHALLENGE', user?.usernameKey ?? null, { typed, available });
  return { ChallengeName: 'SELECT_CHALLENGE', Session: session, ChallengeParameters: {}, AvailableChallenges: available as ChallengeNameType[] };
}

async function startFactor(services: AuthServices, gate: ClientGate, user: UserRecord | undefined, typed: string, factor: FirstFactorChallenge, data: Record<string, string>): Promise<SignInOutcome> {
  const named = { USERNAME: typed, ...(data.SECRET_HASH ? { SECRET_HASH: data.SECRET_HASH } : {}), ...(data.DEVICE_KEY ? { DEVICE_KEY: data.DEVICE_KEY } : {}) };
  if (factor === 'PASSWORD') return passwordSignIn(services, gate, { ...named, PASSWORD: requireParameter(data, 'PASSWORD') });
  if (factor === 'PASSWORD_SRP') return startSrp(services, gate, { ...named, SRP_A: requireParameter(data, 'SRP_A') });
  if (!user) throw invalidSession();
  if (factor === 'WEB_AUTHN') {
    const { options, challenge } = await assertionOptions(services, gate.pool, user);
    const session = await startSession<PasskeyState>(services, gate, 'WEB_AUTHN', user.usernameKey, { typed, challenge, wrong: 0 });
    return challengeOutcome('WEB_AUTHN', session, { CREDENTIAL_REQUEST_OPTIONS: options });
  }
  return codeChallenge(services, gate, user, typed, factor);
}

/** SELECT_CHALLENGE's answer: the factor chosen (ANSWER) with its data in the same responses. */
export async function answerSelectChallenge(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const session = await takeSession<ChoiceState>(services, gate, sessionString, 'SELECT_CHALLENGE');
  const answer = requireParameter(responses, 'ANSWER') as FirstFactorChallenge;
  if (!session.state.available.includes(answer)) {
    await restoreSession(services, session);
    throw InvalidParameter(`The challenge ${answer} is not available for the user.`);
  }
  const user = session.usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, session.usernameKey);
  return startFactor(services, gate, user, session.state.typed, answer, responses);
}

/** WEB_AUTHN's answer: CREDENTIAL, the authenticator's assertion as JSON. */
export async function answerWebAuthn(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const session = await takeSession<PasskeyState>(services, gate, sessionString, 'WEB_AUTHN');
  const user = session.usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, session.usernameKey);
  if (!user) throw invalidSession();
  const username = requireParameter(responses, 'USERNAME');
  await checkSecretHash(services, gate, responses.SECRET_HASH, [username, session.state.typed, user.username, user.sub]);
  checkUserMaySignIn(user);
  const credential = requireParameter(responses, 'CREDENTIAL');
  const attempt = await beginAttempt(services, userAttempts(user));
  let refusal: unknown = NotAuthorized('Incorrect username or password.');
  const matched = await assertionMatches(services, gate.pool, user, credential, session.state.challenge).catch((error: unknown) => {
    refusal = error;
    return false;
  });
  if (!matched) {
    // A refused assertion (a replay, a foreign origin) may be followed by a good one in the same session.
    const wrong = session.state.wrong + 1;
    if (wrong < MAX_WRONG_ANSWERS) await restoreSession(services, session, { ...session.state, wrong });
    await endAttempt(services, attempt, 'failed');
    throw refusal;
  }
  await endAttempt(services, attempt, 'succeeded');
  return completeSignIn(services, gate, user, session.state.typed, responses.DEVICE_KEY);
}

/** USER_AUTH with ConfirmSignUp's Session: the newly confirmed user signs in without typing a factor (AuthParameters are ignored). */
async function signInAfterSignUp(services: AuthServices, gate: ClientGate, sessionString: string): Promise<SignInOutcome> {
  const session = await takeSession<{ typed: string }>(services, gate, sessionString, 'CONFIRMED_SIGN_UP');
  const user = session.usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, session.usernameKey);
  if (!user) throw invalidSession();
  checkUserMaySignIn(user);
  return completeSignIn(services, gate, user, session.state.typed, undefined);
}
