/** GetUser: the signed-in user's username and the attributes its app client may read. */
import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateClientCaller } from '../../tokens/token-caller.js';
import { mfaReport } from '../../mfa/user-mfa.js';
import { attributeList } from '../user-attributes.js';

export const getUser = operation<GetUserRequest, GetUserResponse>('GetUser', async function getUser(services, input) {
  const { user, client } = await authenticateClientCaller(services, input.AccessToken!);
  return { Username: user.username, UserAttributes: attributeList(user.attributes, client.settings.ReadAttributes), ...mfaReport(user) };
});
