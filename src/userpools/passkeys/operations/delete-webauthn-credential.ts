/** DeleteWebAuthnCredential: the signed-in user removes one of its passkeys. */
import type { DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredentialResponse } from '@aws-sdk/client-cognito-identity-provider';
import { ResourceNotFound } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';

export const deleteWebAuthnCredential = operation<DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredentialResponse>('DeleteWebAuthnCredential', async function deleteWebAuthnCredential(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  if (!(await services.store.webAuthn.remove(pool.id, user.usernameKey, input.CredentialId!))) throw ResourceNotFound('Credential does not exist.');
  return {};
});
