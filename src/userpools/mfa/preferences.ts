/**
 * Writing a user's MFA settings, shared by SetUserMFAPreference, SetUserSettings and their admin
 * twins: the change is computed by user-mfa.ts against what the user can receive, then stored.
 */
import type { MFAOptionType, SMSMfaSettingsType } from '@aws-sdk/client-cognito-identity-provider';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import { applyMfaOptions, applyPreferences, serializeUserMfa, type PreferenceChange } from './user-mfa.js';

export interface PreferenceRequest {
  SMSMfaSettings?: SMSMfaSettingsType;
  SoftwareTokenMfaSettings?: SMSMfaSettingsType;
  EmailMfaSettings?: SMSMfaSettingsType;
}

export async function savePreferences(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, request: PreferenceRequest): Promise<void> {
  const changes: PreferenceChange[] = [
    { factor: 'SMS_MFA', settings: request.SMSMfaSettings },
    { factor: 'SOFTWARE_TOKEN_MFA', settings: request.SoftwareTokenMfaSettings },
    { factor: 'EMAIL_OTP', settings: request.EmailMfaSettings },
  ];
  const token = await services.store.softwareTokens.find(user.poolId, user.usernameKey);
  const next = applyPreferences(user, changes, { hasVerifiedSoftwareToken: !!token?.secret });
  await services.store.users.update(user.poolId, user.usernameKey, { mfaSettings: serializeUserMfa(next), updatedAt: services.clock.now() });
}

export async function saveMfaOptions(services: Pick<Services, 'store' | 'clock'>, user: UserRecord, options: MFAOptionType[]): Promise<void> {
  const next = applyMfaOptions(user, options);
  await services.store.users.update(user.poolId, user.usernameKey, { mfaSettings: serializeUserMfa(next), updatedAt: services.clock.now() });
}
