/** App clients, users with passwords, and sign-ins, through the real API. */
import { createHmac } from 'node:crypto';
import {
  AdminSetUserPasswordCommand, CreateUserPoolClientCommand, InitiateAuthCommand,
  type AuthenticationResultType, type CognitoIdentityProviderClient, type ExplicitAuthFlowsType, type CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, type JWTPayload } from 'jose';
import { createUser } from './users.js';

export const PASSWORD = 'Correct-Horse-9';

export const ALL_PASSWORD_FLOWS: ExplicitAuthFlowsType[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

export interface AppClient {
  clientId: string;
  secret: string | undefined;
}

/** An app client allowing every password flow unless the input says otherwise. */
export async function createAppClient(client: CognitoIdentityProviderClient, poolId: string, input: Partial<CreateUserPoolClientCommandInput> = {}): Promise<AppClient> {
  const { UserPoolClient } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ALL_PASSWORD_FLOWS, ...input }));
  return { clientId: UserPoolClient!.ClientId!, secret: UserPoolClient!.ClientSecret };
}

/** SECRET_HASH as the Cognito docs define it: Base64(HMAC-SHA256(secret, username + clientId)). */
export function secretHash(app: AppClient, username: string): string {
  return createHmac('sha256', app.secret!).update(username + app.clientId).digest('base64');
}

export interface NewUser {
  attributes?: Record<string, string>;
  /** False leaves the user with its temporary password (FORCE_CHANGE_PASSWORD). */
  permanent?: boolean;
  password?: string;
}

/** AdminCreateUser without an invitation, then (by default) AdminSetUserPassword Permanent. */
export async function createUserWithPassword(client: CognitoIdentityProviderClient, poolId: string, username: string, options: NewUser = {}): Promise<void> {
  const password = options.password ?? PASSWORD;
  await createUser(client, poolId, username, options.attributes, password);
  if (options.permanent !== false) {
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }));
  }
}

/** USER_PASSWORD_AUTH; throws the service's error. */
export async function passwordSignIn(client: CognitoIdentityProviderClient, app: AppClient, username: string, password = PASSWORD): Promise<AuthenticationResultType> {
  const AuthParameters: Record<string, string> = { USERNAME: username, PASSWORD: password };
  if (app.secret) AuthParameters.SECRET_HASH = secretHash(app, username);
  const { AuthenticationResult } = await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters }));
  if (!AuthenticationResult) throw new Error(`no tokens for ${username}`);
  return AuthenticationResult;
}

/** passwordSignIn's three tokens, by plain names. */
export async function signIn(client: CognitoIdentityProviderClient, app: AppClient, username: string, password = PASSWORD) {
  const tokens = await passwordSignIn(client, app, username, password);
  return { accessToken: tokens.AccessToken!, idToken: tokens.IdToken!, refreshToken: tokens.RefreshToken! };
}

export const claimsOf = (token: string | undefined): JWTPayload & Record<string, unknown> => decodeJwt(token!);
