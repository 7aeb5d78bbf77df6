/**
 * PreventUserExistenceErrors (digest §8.6). LEGACY clients are told "User does not exist.";
 * ENABLED clients get the wrong-password answer, and it must cost what a wrong password costs
 * and lock out as wrong passwords do: the name's failures are counted as a user's are, the
 * plain-password flows verify the password against a fixed argon2 hash made with the same
 * parameters (and are held back to a wrong password's median time, failure-timing.ts), and SRP
 * answers with a simulated PASSWORD_VERIFIER challenge whose salt and user id
 * are stable for the same name in the same pool (derived with an HMAC under a server-wide key
 * kept in the database, so every node answers alike), failing only at the verifier step.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { UserNotFound } from '../../errors.js';
import { N } from '../../crypto/srp.js';
import type { PasswordHasher } from '../../crypto/passwords.js';
import type { Services } from '../../services.js';
import type { AttemptSubject } from '../../store/sign-in-attempts.js';
import type { Store } from '../../store/store.js';
import { usernameKey, usesAttributesAsUsername } from '../users/usernames.js';
import type { ClientGate } from './client-gate.js';
import { holdLikeWrongPassword, type FailureTimer } from './failure-timing.js';
import { beginAttempt, checkedAttempt, endAttempt, wrongPassword } from './lockout.js';

export const hidesUserExistence = (gate: ClientGate) => gate.policy.preventUserExistenceErrors === 'ENABLED';

export function unknownUser(gate: ClientGate): Error {
  return hidesUserExistence(gate) ? wrongPassword() : UserNotFound('User does not exist.');
}

/**
 * Refuses an unknown user. When that must pass for a wrong password, the name goes through the
 * lockout a user's does (its counters kept under an HMAC of the pool and the name, never the name),
 * spends a password check's work, and answers no sooner than a wrong password typically does.
 */
export async function failUnknownUser(services: Pick<Services, 'store' | 'clock'>, gate: ClientGate, typed: string, timer: FailureTimer, spend: () => unknown): Promise<never> {
  if (!hidesUserExistence(gate)) throw unknownUser(gate);
  return failLikeWrongPassword(services, gate, typed, timer, spend);
}

/** The wrong-password answer for a name with nothing to check against (see failUnknownUser). */
export async function failLikeWrongPassword(services: Pick<Services, 'store' | 'clock'>, gate: ClientGate, typed: string, timer: FailureTimer, spend: () => unknown): Promise<never> {
  const attempt = await beginAttempt(services, await unknownNameAttempts(services, gate, typed), timer.begunAt);
  await checkedAttempt(services, attempt, async () => {
    await spend();
    return false;
  });
  await endAttempt(services, attempt, 'failed');
  await holdLikeWrongPassword(services.store, timer);
  throw wrongPassword();
}

async function unknownNameAttempts(services: Pick<Services, 'store'>, gate: ClientGate, typed: string): Promise<AttemptSubject> {
  const nameHash = createHmac('sha256', await existenceKey(services.store)).update(`lockout\0${gate.pool.id}\0${comparedName(gate, typed)}`).digest('base64url');
  return { kind: 'unknown', poolId: gate.pool.id, nameHash };
}

/** A typed name as the pool compares it: emails case-insensitively everywhere, other names as usernames. */
const comparedName = (gate: ClientGate, typed: string) => (typed.includes('@') ? typed.toLowerCase() : usernameKey(gate.pool, typed));

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/** Verifies a password against a hash nobody's password matches, to spend a real verification's time. */
export async function spendPasswordCheck(services: Pick<Services, 'passwords'>, password: string): Promise<void> {
  let dummy = dummyHashes.get(services.passwords);
  if (!dummy) {
    dummy = services.passwords.hash(randomBytes(24).toString('base64'));
    dummyHashes.set(services.passwords, dummy);
  }
  await services.passwords.verify(await dummy, password);
}

export interface SimulatedSrpUser {
  salt: string;
  verifier: string;
  userIdForSrp: string;
}

/**
 * The SRP identity of a user who does not exist. The user id is UUID-shaped where real users'
 * ids are (pools that sign in by email or phone); elsewhere a real user's id is the username
 * typed, so the simulation echoes the name typed.
 */
export async function simulatedSrpUser(services: Pick<Services, 'store'>, gate: ClientGate, typed: string): Promise<SimulatedSrpUser> {
  const key = await existenceKey(services.store);
  const name = comparedName(gate, typed);
  const derive = (purpose: string) => createHmac('sha256', key).update(`${purpose}\0${gate.pool.id}\0${name}`).digest();
  const verifier = BigInt(`0x${Buffer.concat([derive('verifier-1'), derive('verifier-2')]).toString('hex')}`) % N;
  return {
    salt: derive('salt').subarray(0, 16).toString('hex'),
    verifier: verifier.toString(16),
    userIdForSrp: usesAttributesAsUsername(gate.pool) ? uuidFrom(derive('user-id')) : typed,
  };
}

function uuidFrom(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const keys = new WeakMap<Pick<Store, 'settings'>, Promise<Buffer>>();

export function existenceKey(store: Pick<Store, 'settings'>): Promise<Buffer> {
  let key = keys.get(store);
  if (!key) {
    key = store.settings.putIfAbsent('user-existence-key', randomBytes(32).toString('base64')).then((value) => Buffer.from(value, 'base64'));
    key.catch(() => keys.delete(store));
    keys.set(store, key);
  }
  return key;
}
