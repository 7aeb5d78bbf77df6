/** GetUserPoolMfaConfig: the pool's MFA mode and the factors it offers, as SetUserPoolMfaConfig left them. */
import type { GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { describeMfaConfig } from '../pool-mfa.js';

export const getUserPoolMfaConfig = operation<GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse>('GetUserPoolMfaConfig', async function getUserPoolMfaConfig({ store }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  return describeMfaConfig(pool.settings);
});
