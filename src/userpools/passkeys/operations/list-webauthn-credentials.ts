/** ListWebAuthnCredentials: the signed-in user's passkeys, MaxResults (default 10, at most 20) at a time. */
import type { ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { decodePageToken, isString, pageOf } from '../../../protocol/pagination.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { describeCredential } from '../registration.js';

export const listWebAuthnCredentials = operation<ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse>('ListWebAuthnCredentials', async function listWebAuthnCredentials(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  const limit = input.MaxResults || 10;
  const rows = await services.store.webAuthn.listAfter(pool.id, user.usernameKey, decodePageToken(input.NextToken, isString), limit + 1);
  const { page, next } = pageOf(rows, limit, (credential) => credential.credentialId);
  return { Credentials: page.map(describeCredential), ...(next ? { NextToken: next } : {}) };
});
