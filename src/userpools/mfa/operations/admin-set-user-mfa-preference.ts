/** AdminSetUserMFAPreference: SetUserMFAPreference for a user an administrator names. */
import type { AdminSetUserMFAPreferenceRequest, AdminSetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';
import { savePreferences } from '../preferences.js';

export const adminSetUserMFAPreference = operation<AdminSetUserMFAPreferenceRequest, AdminSetUserMFAPreferenceResponse>('AdminSetUserMFAPreference', async function adminSetUserMFAPreference(services, input) {
  const pool = await requirePool(services.store, input.UserPoolId!);
  const user = await requireUser(services.store, pool, input.Username!);
  await savePreferences(services, user, input);
  return {};
});
