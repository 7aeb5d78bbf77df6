/** ListUserPoolClientSecrets: the client's secrets by id and date, never their values; at most two, so one page. */
import type { ListUserPoolClientSecretsRequest, ListUserPoolClientSecretsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePoolClient } from '../app-clients.js';
import { secretDescriptor } from '../client-secrets.js';

export const listUserPoolClientSecrets = operation<ListUserPoolClientSecretsRequest, ListUserPoolClientSecretsResponse>('ListUserPoolClientSecrets', async function listUserPoolClientSecrets({ store }, input) {
  const { client } = await requirePoolClient(store, input.UserPoolId!, input.ClientId!);
  const secrets = await store.clients.secrets(client.poolId, client.clientId);
  return { ClientSecrets: secrets.map((secret) => secretDescriptor(secret)) };
});
