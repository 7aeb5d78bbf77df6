/**
 * Finding an app client or failing the way Cognito fails, and what a client's settings mean for
 * sign-in. Public operations (InitiateAuth, SignUp...) name only the client, so `requireClient`
 * looks it up by id alone; management operations name the pool too (`requirePoolClient`).
 */
import type { ExplicitAuthFlowsType, PreventUserExistenceErrorTypes } from '@aws-sdk/client-cognito-identity-provider';
import { ResourceNotFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Store } from '../../store/store.js';
import type { ClientRecord, ClientSettings } from '../../store/user-pool-clients.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { allowedAuthFlows, type AllowedFlow } from './client-auth-flows.js';
import { openSecrets } from './client-secrets.js';
import { tokenLifetimeSeconds } from './client-token-validity.js';
import { requirePool } from '../pools/pool-lookup.js';

export const clientNotFound = (clientId: string) => ResourceNotFound(`User pool client ${clientId} does not exist.`);

/** The client with this id, in whichever pool holds it. */
export async function requireClient(store: Pick<Store, 'clients'>, clientId: string): Promise<ClientRecord> {
  const client = await store.clients.findByClientId(clientId);
  if (!client) throw clientNotFound(clientId);
  return client;
}

/** The pool, then the client inside it: an unknown pool fails first, as in Cognito. */
export async function requirePoolClient(store: Pick<Store, 'pools' | 'clients'>, poolId: string, clientId: string): Promise<{ pool: PoolRecord; client: ClientRecord }> {
  const pool = await requirePool(store, poolId);
  const client = await store.clients.find(poolId, clientId);
  if (!client) throw clientNotFound(clientId);
  return { pool, client };
}

/**
 * The client's current secrets in clear, oldest first: during a rotation either one signs a valid
 * SECRET_HASH. Empty for a public client.
 */
export async function clientSecretValues(services: Pick<Services, 'store' | 'secrets'>, client: Pick<ClientRecord, 'poolId' | 'clientId'>): Promise<string[]> {
  return openSecrets(services, await services.store.clients.secrets(client.poolId, client.clientId));
}

/** What a client's settings mean once defaults are applied, for the sign-in and token code. */
export interface ClientPolicy {
  authFlows: ReadonlySet<AllowedFlow>;
  preventUserExistenceErrors: PreventUserExistenceErrorTypes;
  accessTokenSeconds: number;
  idTokenSeconds: number;
  refreshTokenSeconds: number;
  /** How long a sign-in Session stays answerable. */
  authSessionSeconds: number;
  tokenRevocation: boolean;
  propagateUserContextData: boolean;
  refreshTokenRotation: { enabled: boolean; retryGracePeriodSeconds: number };
}

export function clientPolicy(settings: ClientSettings): ClientPolicy {
  return {
    authFlows: allowedAuthFlows(settings.ExplicitAuthFlows as ExplicitAuthFlowsType[] | undefined),
    // The API reference: "Defaults to LEGACY" for clients made through the API.
    preventUserExistenceErrors: settings.PreventUserExistenceErrors ?? 'LEGACY',
    accessTokenSeconds: tokenLifetimeSeconds(settings, 'AccessToken'),
    idTokenSeconds: tokenLifetimeSeconds(settings, 'IdToken'),
    refreshTokenSeconds: tokenLifetimeSeconds(settings, 'RefreshToken'),
    authSessionSeconds: (settings.AuthSessionValidity ?? 3) * 60,
    tokenRevocation: settings.EnableTokenRevocation ?? true,
    propagateUserContextData: settings.EnablePropagateAdditionalUserContextData ?? false,
    refreshTokenRotation: {
      enabled: settings.RefreshTokenRotation?.Feature === 'ENABLED',
      retryGracePeriodSeconds: settings.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0,
    },
  };
}
