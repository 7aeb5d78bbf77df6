/** SetUserMFAPreference: the signed-in user turns its SMS, TOTP and email factors on or off and picks a preferred one. */
import type { SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';
import { savePreferences } from '../preferences.js';

export const setUserMFAPreference = operation<SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse>('SetUserMFAPreference', async function setUserMFAPreference(services, input) {
  const { user } = await authenticateAccessToken(services, input.AccessToken!);
  await savePreferences(services, user, input);
  return {};
});
