/**
 * A user's own MFA settings (SetUserMFAPreference, SetUserSettings and their admin twins): which
 * factors are enabled and which one is preferred, kept as a small JSON document on the user row,
 * and how GetUser and AdminGetUser report them (UserMFASettingList, PreferredMfaSetting and the
 * legacy MFAOptions).
 */
import type { MFAOptionType, SMSMfaSettingsType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { UserRecord } from '../../store/users.js';
import type { SecondFactor } from './pool-mfa.js';

export interface UserMfaSettings {
  enabled: SecondFactor[];
  preferred?: SecondFactor;
}

const ORDER: SecondFactor[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

export function userMfa(user: Pick<UserRecord, 'mfaSettings'>): UserMfaSettings {
  if (!user.mfaSettings) return { enabled: [] };
  const parsed = JSON.parse(user.mfaSettings) as UserMfaSettings;
  return { enabled: ORDER.filter((factor) => parsed.enabled?.includes(factor)), ...(parsed.preferred ? { preferred: parsed.preferred } : {}) };
}

export const serializeUserMfa = (settings: UserMfaSettings): string | null =>
  settings.enabled.length === 0 ? null : JSON.stringify(settings);

/** The members GetUser and AdminGetUser add for the user's MFA; absent when nothing is enabled. */
export function mfaReport(user: UserRecord): { MFAOptions?: MFAOptionType[]; PreferredMfaSetting?: string; UserMFASettingList?: string[] } {
  const settings = userMfa(user);
  if (settings.enabled.length === 0) return {};
  return {
    ...(settings.enabled.includes('SMS_MFA') ? { MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] } : {}),
    ...(settings.preferred ? { PreferredMfaSetting: settings.preferred } : {}),
    UserMFASettingList: settings.enabled,
  };
}

export interface PreferenceChange {
  factor: SecondFactor;
  settings: SMSMfaSettingsType | undefined;
}

/** What a factor needs before it can be turned on. */
export interface FactorReadiness {
  hasVerifiedSoftwareToken: boolean;
}

/**
 * SetUserMFAPreference's result. Each settings block given changes its factor; one left out is
 * unchanged. A factor is only enabled when it can deliver: a phone number for SMS, an email
 * address for email, a verified authenticator for TOTP. Preferring one factor un-prefers the
 * others; a disabled factor cannot stay preferred.
 */
export function applyPreferences(user: UserRecord, changes: PreferenceChange[], readiness: FactorReadiness): UserMfaSettings {
  const current = userMfa(user);
  const enabled = new Set(current.enabled);
  let preferred = current.preferred;
  for (const { factor, settings } of changes) {
    if (!settings) continue;
    if (settings.Enabled) {
      checkCanDeliver(user, factor, readiness);
      enabled.add(factor);
    } else if (settings.Enabled === false) {
      enabled.delete(factor);
      if (preferred === factor) preferred = undefined;
    }
    if (settings.PreferredMfa && enabled.has(factor)) preferred = factor;
    else if (settings.PreferredMfa === false && preferred === factor) preferred = undefined;
  }
  return { enabled: ORDER.filter((factor) => enabled.has(factor)), ...(preferred ? { preferred } : {}) };
}

function checkCanDeliver(user: UserRecord, factor: SecondFactor, readiness: FactorReadiness): void {
  const ready = factor === 'SMS_MFA' ? !!user.attributes.phone_number
    : factor === 'EMAIL_OTP' ? !!user.attributes.email : readiness.hasVerifiedSoftwareToken;
  if (ready) return;
  if (factor === 'SOFTWARE_TOKEN_MFA') throw InvalidParameter('User has not verified software token mfa');
  throw InvalidParameter(`User does not have delivery config set to turn on ${factor}`);
}

/**
 * SetUserSettings' legacy MFAOptions: an SMS entry for phone_number turns SMS MFA on, an empty
 * list turns it off. Only SMS to phone_number is an MFA option.
 */
export function applyMfaOptions(user: UserRecord, options: MFAOptionType[]): UserMfaSettings {
  for (const option of options) {
    if (option.DeliveryMedium !== 'SMS' || option.AttributeName !== 'phone_number') {
      throw InvalidParameter('Only phone_number attribute with SMS delivery medium is supported as an MFA option.');
    }
  }
  return applyPreferences(user, [{ factor: 'SMS_MFA', settings: { Enabled: options.length > 0 } }], { hasVerifiedSoftwareToken: false });
}
