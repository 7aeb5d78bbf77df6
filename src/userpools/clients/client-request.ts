/**
 * The common opening of the public (unsigned) operations that name an app client and a user:
 * ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword. The client's
 * gate is the sign-in one (auth/client-gate.ts): the client must exist, and a client with secrets
 * must be sent a SECRET_HASH made with one of them. The hash is checked before anything is said
 * about the user, so a caller without the secret learns nothing about who exists.
 */
import { UserNotFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Store } from '../../store/store.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { checkSecretHash, publicGate, type ClientGate } from '../auth/client-gate.js';
import { findUserByName } from '../users/usernames.js';

export interface ClientRequest extends ClientGate {
  /** The user the request names, when there is one. */
  user: UserRecord | undefined;
}

/** What these operations' inputs share (the model requires ClientId and Username). */
export interface ClientRequestInput {
  ClientId?: string;
  Username?: string;
  SecretHash?: string;
}

/** LEGACY's answer for an unknown user on the confirmation and recovery operations. */
export const unknownUserForClient = () => UserNotFound('Username/client id combination not found.');

export async function openClientRequest(services: Pick<Services, 'store' | 'secrets'>, input: ClientRequestInput): Promise<ClientRequest> {
  const gate = await publicGate(services, input.ClientId!);
  const user = await findUserByNameOrSub(services.store, gate.pool, input.Username!);
  // Clients hash the name they were given, or the internal username or sub they learnt (digest §3.1).
  await checkSecretHash(services, gate, input.SecretHash, [input.Username!, user?.username, user?.sub]);
  return { ...gate, user };
}

/**
 * The API reference: the Username of these operations is the username, an alias, or the user's
 * `sub`.
 */
async function findUserByNameOrSub(store: Pick<Store, 'users'>, pool: PoolRecord, name: string): Promise<UserRecord | undefined> {
  return (await findUserByName(store, pool, name)) ?? store.users.findBySub(pool.id, name);
}
