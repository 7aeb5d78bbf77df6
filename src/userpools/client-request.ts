/**
 * The common opening of the public (unsigned) operations that name an app client and a user:
 * SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword. The
 * client must exist; a client with secrets must be sent a SECRET_HASH made with one of them
 * (../shared/spec/cognito-wire-digest.md §3.1). The hash is checked before anything is said about
 * the user, so a caller without the secret learns nothing about who exists.
 */
import { NotAuthorized, UserNotFound } from '../errors.js';
import { secretHashMatches } from '../crypto/secret-hash.js';
import type { Services } from '../services.js';
import type { Store } from '../store/store.js';
import type { ClientRecord } from '../store/user-pool-clients.js';
import type { UserRecord } from '../store/users.js';
import type { PoolRecord } from '../store/user-pools.js';
import { clientPolicy, clientSecretValues, requireClient, type ClientPolicy } from './app-clients.js';
import { requirePool } from './pool-lookup.js';
import { findUserByName } from './usernames.js';

export interface ClientRequest {
  pool: PoolRecord;
  client: ClientRecord;
  policy: ClientPolicy;
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
  const client = await requireClient(services.store, input.ClientId!);
  const pool = await requirePool(services.store, client.poolId);
  const user = await findUserByNameOrSub(services.store, pool, input.Username!);
  // Clients hash the name they were given, or the internal username or sub they learnt (§3.1).
  await checkSecretHash(services, client, input.SecretHash, [input.Username!, user?.username, user?.sub]);
  return { pool, client, policy: clientPolicy(client.settings), user };
}

export async function checkSecretHash(services: Pick<Services, 'store' | 'secrets'>, client: ClientRecord, given: string | undefined, usernames: (string | undefined)[]): Promise<void> {
  const secrets = await clientSecretValues(services, client);
  if (secrets.length === 0) return;
  if (given === undefined) throw NotAuthorized(`Client ${client.clientId} is configured for secret but secret was not received`);
  const candidates = [...new Set(usernames.filter((name): name is string => name !== undefined))];
  if (!secretHashMatches(given, secrets, candidates, client.clientId)) throw NotAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
}

/**
 * The API reference: the Username of these operations is the username, an alias, or the user's
 * `sub`.
 */
export async function findUserByNameOrSub(store: Pick<Store, 'users'>, pool: PoolRecord, name: string): Promise<UserRecord | undefined> {
  return (await findUserByName(store, pool, name)) ?? store.users.findBySub(pool.id, name);
}
