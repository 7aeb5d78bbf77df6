/**
 * The app client a sign-in goes through: found by id (public operations) or by pool and id
 * (admin operations), its effective policy, the flows it allows (ExplicitAuthFlows) and the proof
 * that the caller holds its secret, as a SECRET_HASH (digest §3.1) or as the raw ClientSecret
 * (GetTokensFromRefreshToken, RevokeToken).
 */
import { timingSafeEqual } from 'node:crypto';
import { InvalidParameter, NotAuthorized, type CognitoError } from '../../errors.js';
import { secretHashMatches } from '../../crypto/secret-hash.js';
import type { Services } from '../../services.js';
import type { ClientRecord } from '../../store/user-pool-clients.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { clientPolicy, clientSecretValues, requireClient, requirePoolClient, type ClientPolicy } from '../clients/app-clients.js';
import type { AllowedFlow } from '../clients/client-auth-flows.js';
import { requirePool } from '../pools/pool-lookup.js';

export interface ClientGate {
  pool: PoolRecord;
  client: ClientRecord;
  policy: ClientPolicy;
}

/** InitiateAuth, RespondToAuthChallenge...: the client names its pool. */
export async function publicGate(services: Pick<Services, 'store'>, clientId: string): Promise<ClientGate> {
  const client = await requireClient(services.store, clientId);
  const pool = await requirePool(services.store, client.poolId);
  return { pool, client, policy: clientPolicy(client.settings) };
}

/** AdminInitiateAuth, AdminRespondToAuthChallenge: the pool, then the client inside it. */
export async function adminGate(services: Pick<Services, 'store'>, poolId: string, clientId: string): Promise<ClientGate> {
  const { pool, client } = await requirePoolClient(services.store, poolId, clientId);
  return { pool, client, policy: clientPolicy(client.settings) };
}

// Cognito words each refusal differently (digest §3.2).
const FLOW_DISABLED: Record<AllowedFlow, string> = {
  ALLOW_USER_PASSWORD_AUTH: 'USER_PASSWORD_AUTH flow not enabled for this client',
  ALLOW_ADMIN_USER_PASSWORD_AUTH: 'Auth flow not enabled for this client',
  ALLOW_USER_SRP_AUTH: 'USER_SRP_AUTH is not enabled for the client.',
  ALLOW_REFRESH_TOKEN_AUTH: 'REFRESH_TOKEN_AUTH is not enabled for the client.',
  ALLOW_CUSTOM_AUTH: 'CUSTOM_AUTH is not enabled for the client.',
  ALLOW_USER_AUTH: 'USER_AUTH is not enabled for the client.',
};

export function requireFlow(gate: ClientGate, flow: AllowedFlow): void {
  if (!gate.policy.authFlows.has(flow)) throw InvalidParameter(FLOW_DISABLED[flow]);
}

/**
 * A client with a secret needs a SECRET_HASH over one of the names the user goes by: the name
 * typed, the internal username (what SRP clients switch to) or the sub (digest §3.1). A public
 * client ignores one.
 */
export async function checkSecretHash(services: Pick<Services, 'store' | 'secrets'>, gate: ClientGate, given: string | undefined, usernames: (string | undefined)[]): Promise<void> {
  const secrets = await clientSecretValues(services, gate.client);
  if (secrets.length === 0) return;
  const clientId = gate.client.clientId;
  if (!given) throw NotAuthorized(`Client ${clientId} is configured for secret but secret was not received`);
  const names = [...new Set(usernames.filter((name): name is string => !!name))];
  if (!secretHashMatches(given, secrets, names, clientId)) throw NotAuthorized(`Unable to verify secret hash for client ${clientId}`);
}

/** The raw ClientSecret of GetTokensFromRefreshToken and RevokeToken, compared in constant time. */
export async function checkClientSecret(services: Pick<Services, 'store' | 'secrets'>, gate: ClientGate, given: string | undefined, refuse: (message: string) => CognitoError): Promise<void> {
  const secrets = await clientSecretValues(services, gate.client);
  if (secrets.length === 0) return;
  const clientId = gate.client.clientId;
  if (!given) throw refuse(`Client ${clientId} is configured for secret but secret was not received`);
  const actual = Buffer.from(given);
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(secret);
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) matched = true;
  }
  if (!matched) throw refuse(`Unable to verify secret for client ${clientId}`);
}

/** A required AuthParameters or ChallengeResponses member, refused as Cognito refuses its absence. */
export function requireParameter(parameters: Record<string, string> | undefined, name: string): string {
  const value = parameters?.[name];
  if (value === undefined || value === '') throw InvalidParameter(`Missing required parameter ${name}`);
  return value;
}
