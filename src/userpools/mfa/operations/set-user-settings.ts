/** SetUserSettings: the legacy way to turn SMS MFA on (an SMS MFAOption for phone_number) or off (none). */
import type { SetUserSettingsRequest, SetUserSettingsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { saveMfaOptions } from '../preferences.js';

export const setUserSettings = operation<SetUserSettingsRequest, SetUserSettingsResponse>('SetUserSettings', async function setUserSettings(services, input) {
  const { user } = await authenticateAccessToken(services, input.AccessToken!);
  await saveMfaOptions(services, user, input.MFAOptions ?? []);
  return {};
});
