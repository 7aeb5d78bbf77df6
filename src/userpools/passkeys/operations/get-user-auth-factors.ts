/** GetUserAuthFactors: the signed-in user's sign-in factors (ConfiguredUserAuthFactors) and MFA settings. */
import type { GetUserAuthFactorsRequest, GetUserAuthFactorsResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { firstFactorsOf } from '../../auth/first-factors.js';
import { mfaReport } from '../../mfa/user-mfa.js';
import { authenticateAccessToken } from '../../tokens/access-tokens.js';

export const getUserAuthFactors = operation<GetUserAuthFactorsRequest, GetUserAuthFactorsResponse>('GetUserAuthFactors', async function getUserAuthFactors(services, input) {
  const { pool, user } = await authenticateAccessToken(services, input.AccessToken!);
  const { PreferredMfaSetting, UserMFASettingList } = mfaReport(user);
  return {
    Username: user.username,
    ...(PreferredMfaSetting ? { PreferredMfaSetting } : {}),
    ...(UserMFASettingList ? { UserMFASettingList } : {}),
    ConfiguredUserAuthFactors: await firstFactorsOf(services, pool, user),
  };
});
