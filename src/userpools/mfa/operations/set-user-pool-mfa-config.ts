/** SetUserPoolMfaConfig: whether the pool asks for a second factor (OFF, ON, OPTIONAL) and which ones it offers. */
import type { SetUserPoolMfaConfigRequest, SetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider';
import { ConcurrentModification } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { applyMfaConfig, describeMfaConfig } from '../pool-mfa.js';

export const setUserPoolMfaConfig = operation<SetUserPoolMfaConfigRequest, SetUserPoolMfaConfigResponse>('SetUserPoolMfaConfig', async function setUserPoolMfaConfig({ store, clock }, input) {
  const pool = await requirePool(store, input.UserPoolId!);
  const settings = applyMfaConfig(pool.settings, input);
  const written = await store.pools.update(pool.id, pool.version, { settings, updatedAt: clock.now() });
  if (!written) throw ConcurrentModification(`User pool ${pool.id} was modified by another request; retry the update.`);
  return describeMfaConfig(settings);
});
