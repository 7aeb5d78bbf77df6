/** CreateUserPoolClient: a new app client, confidential when it gets a generated or supplied secret. */
import type { CreateUserPoolClientRequest, CreateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { firstSecret, sealClientSecret } from '../client-secrets.js';
import { clientSettingsFrom, describeClient } from '../client-settings.js';
import { requirePool } from '../../pools/pool-lookup.js';

export const createUserPoolClient = operation<CreateUserPoolClientRequest, CreateUserPoolClientResponse>('CreateUserPoolClient', async function createUserPoolClient(services, input) {
  const { store, clock, ids } = services;
  const pool = await requirePool(store, input.UserPoolId!);
  if (input.GenerateSecret && input.ClientSecret !== undefined) {
    throw InvalidParameter('You cannot specify both GenerateSecret as true and provide a ClientSecret value.');
  }
  const secretValue = input.ClientSecret ?? (input.GenerateSecret ? ids.clientSecret() : undefined);
  const settings = clientSettingsFrom(input, { pool, hasSecret: secretValue !== undefined, action: 'creating' });
  const clientId = ids.client();
  const now = clock.now();
  const client = { poolId: pool.id, clientId, clientName: input.ClientName!, settings, createdAt: now, updatedAt: now };
  const secret = secretValue === undefined ? undefined : firstSecret(await sealClientSecret(services, clientId, secretValue));
  // Client ids are 26 random characters (~134 bits): a collision is not a case to handle.
  await store.clients.insert(client, secret);
  return { UserPoolClient: describeClient(client, secretValue) };
});
