/**
 * UpdateUserPoolClient: replaces the client's settings. Members left out return to their defaults,
 * as Cognito documents; the name stays unless sent, and the secrets are untouched.
 */
import type { UpdateUserPoolClientRequest, UpdateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { clientNotFound, clientSecretValues, requirePoolClient } from '../app-clients.js';
import { clientSettingsFrom, describeClient } from '../client-settings.js';

export const updateUserPoolClient = operation<UpdateUserPoolClientRequest, UpdateUserPoolClientResponse>('UpdateUserPoolClient', async function updateUserPoolClient(services, input) {
  const { store, clock } = services;
  const { pool, client } = await requirePoolClient(store, input.UserPoolId!, input.ClientId!);
  const [secret] = await clientSecretValues(services, client);
  const settings = clientSettingsFrom(input, { pool, hasSecret: secret !== undefined, action: 'updating' });
  const updated = { ...client, clientName: input.ClientName ?? client.clientName, settings, updatedAt: clock.now() };
  if (!(await store.clients.update(pool.id, client.clientId, updated))) throw clientNotFound(client.clientId);
  return { UserPoolClient: describeClient(updated, secret) };
});
