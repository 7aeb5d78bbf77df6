/** Small setup steps shared by end-to-end tests, done through the real API. */
import {
  CreateUserPoolCommand, type CognitoIdentityProviderClient, type CreateUserPoolClientCommandInput, type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createAppClient, type AppClient } from './sign-in.js';

/** Creates a user pool and returns its id. */
export async function createPool(client: CognitoIdentityProviderClient, name: string, options: Omit<CreateUserPoolCommandInput, 'PoolName'> = {}): Promise<string> {
  const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: name, ...options }));
  if (!UserPool?.Id) throw new Error(`CreateUserPool returned no pool id for ${name}`);
  return UserPool.Id;
}

/** A user pool and one app client in it (see createAppClient for the client's defaults). */
export async function createPoolWithClient(
  client: CognitoIdentityProviderClient, name: string,
  pool: Omit<CreateUserPoolCommandInput, 'PoolName'> = {}, app: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<{ poolId: string; app: AppClient }> {
  const poolId = await createPool(client, name, pool);
  return { poolId, app: await createAppClient(client, poolId, app) };
}
