/** AdminSetUserSettings: SetUserSettings for a user an administrator names. */
import type { AdminSetUserSettingsRequest, AdminSetUserSettingsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { requirePool } from '../../pools/pool-lookup.js';
import { requireUser } from '../../users/user-lookup.js';
import { saveMfaOptions } from '../preferences.js';

export const adminSetUserSettings = operation<AdminSetUserSettingsRequest, AdminSetUserSettingsResponse>('AdminSetUserSettings', async function adminSetUserSettings(services, input) {
  const pool = await requirePool(services.store, input.UserPoolId!);
  const user = await requireUser(services.store, pool, input.Username!);
  await saveMfaOptions(services, user, input.MFAOptions ?? []);
  return {};
});
