/**
 * App client secrets: generated like Cognito's (51 lowercase alphanumerics) or supplied by the
 * caller, sealed under the master key before they reach the store, and opened only to be returned
 * by DescribeUserPoolClient or compared with a SECRET_HASH. A client holds at most two at once so
 * that a secret can be rotated without downtime (API reference, AddUserPoolClientSecret).
 */
import type { ClientSecretDescriptorType } from '@aws-sdk/client-cognito-identity-provider';
import type { Services } from '../../services.js';
import type { ClientSecretRecord, NewClientSecret } from '../../store/user-pool-clients.js';

export const MAX_CLIENT_SECRETS = 2;

/** A secret ready to store: the caller's value or a generated one, sealed. */
export async function sealClientSecret(services: Pick<Services, 'ids' | 'secrets' | 'clock'>, clientId: string, value: string): Promise<NewClientSecret> {
  return {
    sealed: await services.secrets.seal(value),
    now: services.clock.now(),
    idFor: (createdAt) => services.ids.clientSecretId(clientId, createdAt),
  };
}

/** The first secret of a new client, created with it. */
export function firstSecret(secret: NewClientSecret): ClientSecretRecord {
  return { secretId: secret.idFor(secret.now), sealed: secret.sealed, createdAt: secret.now };
}

/** The plaintext values of the given secrets, in their order. */
export async function openSecrets(services: Pick<Services, 'secrets'>, secrets: readonly ClientSecretRecord[]): Promise<string[]> {
  return Promise.all(secrets.map((secret) => services.secrets.open(secret.sealed)));
}

/** A secret as the API describes it; the value only when Cognito generated it and only at creation. */
export function secretDescriptor(secret: ClientSecretRecord, generatedValue?: string): ClientSecretDescriptorType {
  return {
    ClientSecretId: secret.secretId,
    ...(generatedValue !== undefined ? { ClientSecretValue: generatedValue } : {}),
    ClientSecretCreateDate: new Date(secret.createdAt),
  };
}
