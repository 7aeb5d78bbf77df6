/**
 * AddUserPoolClientSecret: a second secret for a confidential client, so its secret can be rotated
 * without downtime. The value is returned only when Gatehouse generated it.
 */
import type { AddUserPoolClientSecretRequest, AddUserPoolClientSecretResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, LimitExceeded } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { clientNotFound, requirePoolClient } from '../app-clients.js';
import { MAX_CLIENT_SECRETS, sealClientSecret, secretDescriptor } from '../client-secrets.js';

export const addUserPoolClientSecret = operation<AddUserPoolClientSecretRequest, AddUserPoolClientSecretResponse>('AddUserPoolClientSecret', async function addUserPoolClientSecret(services, input) {
  const { store, ids } = services;
  const { client } = await requirePoolClient(store, input.UserPoolId!, input.ClientId!);
  // A public client stays public: a secret can only join the ones a confidential client already has.
  if ((await store.clients.secrets(client.poolId, client.clientId)).length === 0) {
    throw InvalidParameter(`User pool client ${client.clientId} does not have a client secret.`);
  }
  const generated = input.ClientSecret === undefined ? ids.clientSecret() : undefined;
  const secret = await sealClientSecret(services, client.clientId, input.ClientSecret ?? generated!);
  const outcome = await store.clients.addSecret(client.poolId, client.clientId, secret, MAX_CLIENT_SECRETS);
  if ('refused' in outcome) {
    if (outcome.refused === 'no-client') throw clientNotFound(client.clientId);
    throw LimitExceeded(`User pool client ${client.clientId} already has the maximum number of client secrets (${MAX_CLIENT_SECRETS}).`);
  }
  return { ClientSecretDescriptor: secretDescriptor(outcome.added, generated) };
});
