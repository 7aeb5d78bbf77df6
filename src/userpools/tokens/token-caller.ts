/**
 * What token-authenticated operations need beyond the user: the app client the access token was
 * issued to, whose ReadAttributes and WriteAttributes limit what the user reads and writes.
 */
import { NotAuthorized } from '../../errors.js';
import type { Services } from '../../services.js';
import type { ClientRecord } from '../../store/user-pool-clients.js';
import { authenticateAccessToken, type AuthenticatedCaller } from './access-tokens.js';

export interface TokenCaller extends AuthenticatedCaller {
  client: ClientRecord;
}

export async function authenticateClientCaller(services: Pick<Services, 'config' | 'keys' | 'store' | 'clock'>, token: string): Promise<TokenCaller> {
  const caller = await authenticateAccessToken(services, token);
  const client = await services.store.clients.find(caller.pool.id, caller.claims.client_id);
  // A deleted client's tokens no longer stand for anything.
  if (!client) throw NotAuthorized('Invalid Access Token');
  return { ...caller, client };
}
