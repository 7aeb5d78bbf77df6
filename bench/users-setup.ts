/**
 * The users suite's setup on each target, through the API and the same for all: a pool with
 * Cognito's defaults (nothing auto-verified, so SignUp sends no message), an app client without a
 * secret allowing the password, SRP and refresh flows, a few confirmed users with a permanent
 * password (AdminCreateUser + AdminSetUserPassword), and one refresh token from a sign-in.
 */
import { expectOk } from './api.js';
import { createPool } from './scenarios.js';
import { unsignedRequest, type Signer } from './sign.js';

export interface UsersSetup {
  poolId: string;
  clientId: string;
  /** Confirmed users, all with PASSWORD; sign-ins go round-robin over them. */
  usernames: string[];
  password: string;
  refreshToken: string;
}

export const PASSWORD = 'Correct-Horse-9';
const USER_COUNT = 8;
const AUTH_FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

export async function setupUsers(url: string, signer: Signer): Promise<UsersSetup> {
  const poolId = await createPool(url, signer, 'bench-users');
  const { UserPoolClient } = await expectOk<{ UserPoolClient: { ClientId: string } }>(url, signer.sign('CreateUserPoolClient', {
    UserPoolId: poolId, ClientName: 'bench-app', GenerateSecret: false, ExplicitAuthFlows: AUTH_FLOWS,
  }));
  const usernames = Array.from({ length: USER_COUNT }, (_, i) => `bench-user-${i}`);
  for (const Username of usernames) {
    await expectOk(url, signer.sign('AdminCreateUser', { UserPoolId: poolId, Username, TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS' }));
    await expectOk(url, signer.sign('AdminSetUserPassword', { UserPoolId: poolId, Username, Password: PASSWORD, Permanent: true }));
  }
  const clientId = UserPoolClient.ClientId;
  const { AuthenticationResult } = await expectOk<{ AuthenticationResult?: { RefreshToken?: string } }>(
    url, passwordSignIn(url, clientId, usernames[0]!, PASSWORD),
  );
  if (!AuthenticationResult?.RefreshToken) throw new Error('USER_PASSWORD_AUTH gave no refresh token');
  return { poolId, clientId, usernames, password: PASSWORD, refreshToken: AuthenticationResult.RefreshToken };
}

export function passwordSignIn(url: string, clientId: string, username: string, password: string) {
  return unsignedRequest(url, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
}
