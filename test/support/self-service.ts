/** Setup and helpers for the self-service tests: app clients, SECRET_HASH, and users signed up and confirmed through the mail. */
import { createHmac } from 'node:crypto';
import {
  ConfirmSignUpCommand, CreateUserPoolClientCommand, InitiateAuthCommand, SignUpCommand,
  type CognitoIdentityProviderClient, type CreateUserPoolClientCommandInput, type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Mailbox } from './mailbox.js';

export const PASSWORD = 'Correct-Horse-9';

export interface AppClient {
  clientId: string;
  clientSecret: string | undefined;
}

export async function createAppClient(client: CognitoIdentityProviderClient, poolId: string, options: Omit<CreateUserPoolClientCommandInput, 'UserPoolId' | 'ClientName'> = {}): Promise<AppClient> {
  const { UserPoolClient } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ...options }));
  return { clientId: UserPoolClient!.ClientId!, clientSecret: UserPoolClient!.ClientSecret };
}

/** SECRET_HASH as the Cognito docs define it: Base64(HMAC-SHA256(secret, username + clientId)). */
export function secretHash(app: AppClient, username: string): string {
  return createHmac('sha256', app.clientSecret!).update(username + app.clientId).digest('base64');
}

/** Signs up a user with an email address and confirms it with the code from the mail. */
export async function signUpConfirmed(client: CognitoIdentityProviderClient, mailbox: Mailbox, app: AppClient, username: string, email: string, password = PASSWORD): Promise<string> {
  const { UserSub } = await client.send(new SignUpCommand({
    ClientId: app.clientId, Username: username, Password: password, UserAttributes: [{ Name: 'email', Value: email }],
  }));
  const { code } = await mailbox.next(email);
  await client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code! }));
  return UserSub!;
}

/** The attributes of AdminGetUser or GetUser as a map. */
export const attributesOf = (list: { Name?: string; Value?: string }[] | undefined) => Object.fromEntries((list ?? []).map((a) => [a.Name!, a.Value!]));

/** Signs in with USER_PASSWORD_AUTH (the client must allow it) and returns the tokens. */
export async function signIn(client: CognitoIdentityProviderClient, app: AppClient, username: string, password = PASSWORD) {
  const { AuthenticationResult } = await client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));
  return { accessToken: AuthenticationResult!.AccessToken!, idToken: AuthenticationResult!.IdToken!, refreshToken: AuthenticationResult!.RefreshToken! };
}

export const PASSWORD_FLOWS: ExplicitAuthFlowsType[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
