/**
 * NEW_PASSWORD_REQUIRED (digest §3.3): a user signing in with an administrator's temporary
 * password chooses its own, and supplies any required attribute it lacks. The challenge carries
 * the user's attributes and the missing required ones as JSON strings, which
 * amazon-cognito-identity-js parses; the answer carries NEW_PASSWORD and `userAttributes.<name>`.
 */
import { InvalidParameter, NotAuthorized } from '../../errors.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { aliasHolders, aliasTaken } from '../users/alias-claims.js';
import { checkPasswordPolicy } from '../passwords/password-policy.js';
import { passwordSecrets } from '../passwords/password-secrets.js';
import { schemaAttributes } from '../pools/schema-attributes.js';
import { validateAttributes } from '../users/user-attributes.js';
import { aliasKeysOf } from '../users/usernames.js';
import { checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { challengeOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { invalidSession, restoreSession, startSession, takeSession } from './sessions.js';
import { afterPassword } from './second-factor.js';
import { checkUserMaySignIn } from './user-state.js';

interface NewPasswordState {
  /** The name the user signed in with, which a SECRET_HASH may be computed over. */
  typed: string;
}

const PREFIX = 'userAttributes.';

/** Required schema attributes the user has no value for. */
function missingRequiredAttributes(pool: PoolRecord, attributes: Record<string, string>): string[] {
  return schemaAttributes(pool).filter((a) => a.Required && a.Name !== 'sub' && !attributes[a.Name!]).map((a) => a.Name!);
}

export async function newPasswordChallenge(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string): Promise<SignInOutcome> {
  const session = await startSession<NewPasswordState>(services, gate, 'NEW_PASSWORD_REQUIRED', user.usernameKey, { typed });
  const { sub: _sub, ...attributes } = user.attributes;
  return challengeOutcome('NEW_PASSWORD_REQUIRED', session, {
    USER_ID_FOR_SRP: user.username,
    requiredAttributes: JSON.stringify(missingRequiredAttributes(gate.pool, user.attributes).map((name) => `${PREFIX}${name}`)),
    userAttributes: JSON.stringify(attributes),
  });
}

export async function answerNewPassword(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const session = await takeSession<NewPasswordState>(services, gate, sessionString, 'NEW_PASSWORD_REQUIRED');
  const user = session.usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, session.usernameKey);
  if (!user || user.status !== 'FORCE_CHANGE_PASSWORD') throw invalidSession();
  await checkSecretHash(services, gate, responses.SECRET_HASH, [responses.USERNAME, session.state.typed, user.username, user.sub]);
  checkUserMaySignIn(user);

  let change: AttributeChange;
  let password: string;
  try {
    password = requireParameter(responses, 'NEW_PASSWORD');
    checkPasswordPolicy(gate.pool, password);
    change = attributeChange(gate, user, responses);
  } catch (error) {
    // A refused answer can be corrected and sent again with the same Session.
    await restoreSession(services, session);
    throw error;
  }
  const now = services.clock.now();
  if (change.set && await services.store.users.changeAttributes(gate.pool.id, user.usernameKey, { ...change, updatedAt: now })) {
    await restoreSession(services, session);
    const [holder] = await aliasHolders(services.store, gate.pool.id, change.addAliases ?? [], user.usernameKey);
    throw aliasTaken(gate.pool, holder?.attribute ?? 'email', false);
  }
  const secrets = await passwordSecrets(services, gate.pool.id, user.username, password);
  await services.store.users.update(gate.pool.id, user.usernameKey, { ...secrets, status: 'CONFIRMED', failedSignIns: 0, lockedUntil: 0, updatedAt: now });
  const updated = (await services.store.users.find(gate.pool.id, user.usernameKey)) ?? user;
  return afterPassword(services, gate, updated, session.state.typed, responses.DEVICE_KEY);
}

interface AttributeChange {
  set?: Record<string, string>;
  addAliases?: string[];
  dropAliases?: string[];
}

/**
 * The attributes the answer sets, checked against the schema and the client's write list. A
 * required attribute that has a value may not be sent at all; other values equal to the current
 * ones are ignored (clients echo back what the challenge listed); a changed email or phone number
 * is no longer verified.
 */
function attributeChange(gate: ClientGate, user: UserRecord, responses: Record<string, string>): AttributeChange {
  const fresh: Record<string, string> = {};
  const changed: Record<string, string> = {};
  const required = new Set(schemaAttributes(gate.pool).filter((a) => a.Required).map((a) => a.Name!));
  for (const [key, value] of Object.entries(responses)) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length);
    // The API reference: "you can't modify a required attribute that already has a value" (even to itself).
    if (required.has(name) && user.attributes[name] !== undefined) throw NotAuthorized(`Cannot modify an already provided ${name}`);
    if (user.attributes[name] === value) continue;
    (user.attributes[name] === undefined ? fresh : changed)[name] = value;
  }
  const writable = gate.client.settings.WriteAttributes;
  validateAttributes(gate.pool, fresh, { writer: 'user', creating: true, writable });
  validateAttributes(gate.pool, changed, { writer: 'user', creating: false, writable });
  const set = { ...fresh, ...changed };
  for (const attribute of ['email', 'phone_number']) {
    if (set[attribute] !== undefined) set[`${attribute}_verified`] = 'false';
  }
  const merged = { ...user.attributes, ...set };
  const missing = missingRequiredAttributes(gate.pool, merged);
  if (missing.length) throw InvalidParameter(`Invalid attributes given, ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`);
  if (Object.keys(set).length === 0) return {};
  const before = aliasKeysOf(gate.pool, user.attributes);
  const after = aliasKeysOf(gate.pool, merged);
  return { set, addAliases: after.filter((key) => !before.includes(key)), dropAliases: before.filter((key) => !after.includes(key)) };
}
