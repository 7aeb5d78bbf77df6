/** Users signed up and confirmed through the self-service API and the mail, as a user would. */
import {
  ConfirmSignUpCommand, SignUpCommand, type CognitoIdentityProviderClient, type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Mailbox } from './mailbox.js';
import { PASSWORD, type AppClient } from './sign-in.js';

export const PASSWORD_FLOWS: ExplicitAuthFlowsType[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

/** Signs up a user with an email address and confirms it with the code from the mail. */
export async function signUpConfirmed(client: CognitoIdentityProviderClient, mailbox: Mailbox, app: AppClient, username: string, email: string, password = PASSWORD): Promise<string> {
  const { UserSub } = await client.send(new SignUpCommand({
    ClientId: app.clientId, Username: username, Password: password, UserAttributes: [{ Name: 'email', Value: email }],
  }));
  const { code } = await mailbox.next(email);
  await client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code! }));
  return UserSub!;
}
