/** The tokens of a sign-in or refresh, with the user's groups as they are now. */
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import { issueTokens, type TokenGroup } from '../tokens/tokens.js';
import type { ClientGate } from './client-gate.js';

export type TokenServices = Pick<Services, 'config' | 'keys' | 'store' | 'clock' | 'ids'>;

export interface SignInTokenOptions {
  /** Epoch seconds of the authentication the tokens stem from. */
  authTime: number;
  /** The sign-in being refreshed, when refreshing. */
  originJti?: string;
  withRefreshToken: boolean;
  /** The device the sign-in came from, which the access token names. */
  deviceKey?: string;
}

export async function issueSignInTokens(services: TokenServices, gate: ClientGate, user: UserRecord, options: SignInTokenOptions): Promise<AuthenticationResultType> {
  return issueTokens(services, {
    poolId: gate.pool.id, client: gate.client, user, groups: await userGroups(services, user),
    authTime: options.authTime, withRefreshToken: options.withRefreshToken,
    ...(options.originJti ? { originJti: options.originJti } : {}),
    ...(options.deviceKey ? { deviceKey: options.deviceKey } : {}),
  });
}

async function userGroups(services: Pick<Services, 'store'>, user: UserRecord): Promise<TokenGroup[]> {
  const names = await services.store.users.groupNames(user.poolId, user.usernameKey);
  const groups = await Promise.all(names.map((name) => services.store.groups.find(user.poolId, name)));
  return groups.filter((group) => group !== undefined)
    .map((group) => ({ name: group.groupName, precedence: group.precedence ?? null, roleArn: group.roleArn ?? null }));
}
