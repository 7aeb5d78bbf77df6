/** DeleteUserPoolClientSecret: retires one secret; a confidential client always keeps at least one. */
import type { DeleteUserPoolClientSecretRequest, DeleteUserPoolClientSecretResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, ResourceNotFound } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { clientNotFound, requirePoolClient } from '../app-clients.js';

export const deleteUserPoolClientSecret = operation<DeleteUserPoolClientSecretRequest, DeleteUserPoolClientSecretResponse>('DeleteUserPoolClientSecret', async function deleteUserPoolClientSecret({ store }, input) {
  const { client } = await requirePoolClient(store, input.UserPoolId!, input.ClientId!);
  const secretId = input.ClientSecretId!;
  const outcome = await store.clients.removeSecret(client.poolId, client.clientId, secretId);
  if (outcome === 'no-client') throw clientNotFound(client.clientId);
  if (outcome === 'no-secret') throw ResourceNotFound(`Client secret ${secretId} does not exist.`);
  if (outcome === 'last') throw InvalidParameter('You cannot delete the last remaining secret for an app client.');
  return {};
});
