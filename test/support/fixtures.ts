/** Small setup steps shared by end-to-end tests, done through the real API. */
import { CreateUserPoolCommand, type CognitoIdentityProviderClient, type CreateUserPoolCommandInput } from '@aws-sdk/client-cognito-identity-provider';

/** Creates a user pool and returns its id. */
export async function createPool(client: CognitoIdentityProviderClient, name: string, options: Omit<CreateUserPoolCommandInput, 'PoolName'> = {}): Promise<string> {
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: name, ...options }));
  if (!UserPool?.Id) throw new Error(`CreateUserPool returned no pool id for ${name}`);
  return UserPool.Id;
}
