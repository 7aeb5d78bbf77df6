/** Small user setup steps shared by end-to-end tests, done through the real API. */
import {
  AdminCreateUserCommand, AdminGetUserCommand, type AttributeType, type CognitoIdentityProviderClient, type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeQuotedPrintable } from './codes.js';
import type { Mail } from './mailbox.js';

/** Creates a user without an invitation; attributes are given as a plain object. */
export async function createUser(client: CognitoIdentityProviderClient, poolId: string, username: string, attributes: Record<string, string> = {}, temporaryPassword?: string): Promise<UserType> {
  const { User } = await client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: temporaryPassword, UserAttributes: attributeList(attributes),
  }));
  return User!;
}

export const attributeList = (attributes: Record<string, string>): AttributeType[] => Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

/** AdminGetUser's, GetUser's or AdminCreateUser's attributes as a plain object. */
export const attributesOf = (list: AttributeType[] | undefined): Record<string, string> => Object.fromEntries((list ?? []).map((a) => [a.Name!, a.Value!]));

/** AdminGetUser's answer with its attributes as a plain object. */
export async function getUser(client: CognitoIdentityProviderClient, poolId: string, username: string) {
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
  return { ...user, attributes: attributesOf(user.UserAttributes) };
}

/** A mail's text body, quoted-printable decoded when the mail says it is. */
export function mailText(mail: Mail): string {
  const [head = '', ...parts] = mail.raw.split(/\r?\n\r?\n/);
  const body = parts.join('\n\n');
  if (!/^Content-Transfer-Encoding:\s*quoted-printable/im.test(head)) return body;
  return decodeQuotedPrintable(body);
}
