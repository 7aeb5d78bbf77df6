/**
 * The pool's MFA configuration as SetUserPoolMfaConfig sets it and GetUserPoolMfaConfig reports it:
 * MfaConfiguration (OFF, ON, OPTIONAL) in the pool's settings, and which factors it offers (SMS
 * with its message, TOTP, email with its message and subject, passkeys' relying party) beside it.
 */
import type {
  GetUserPoolMfaConfigResponse, SetUserPoolMfaConfigRequest, UserPoolMfaType,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { MfaFactorSettings, PoolRecord, PoolSettings } from '../../store/user-pools.js';

export type SecondFactor = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** Cognito's messages when the pool sets none. */
export const DEFAULT_AUTHENTICATION_MESSAGES = {
  sms: 'Your authentication code is {####}. ',
  email: 'Your authentication code is {####}. ',
  subject: 'Your authentication code',
};

export const mfaMode = (pool: PoolRecord): UserPoolMfaType => pool.settings.MfaConfiguration ?? 'OFF';

/** The second factors the pool offers, in Cognito's order; none when MFA is OFF. */
export function poolFactors(pool: PoolRecord): SecondFactor[] {
  if (mfaMode(pool) === 'OFF') return [];
  const factors = pool.settings.MfaFactors ?? {};
  return [
    ...(factors.sms ? ['SMS_MFA' as const] : []),
    ...(factors.softwareToken ? ['SOFTWARE_TOKEN_MFA' as const] : []),
    ...(factors.email ? ['EMAIL_OTP' as const] : []),
  ];
}

export function describeMfaConfig(settings: PoolSettings): GetUserPoolMfaConfigResponse {
  const factors = settings.MfaFactors ?? {};
  const sms = settings.SmsAuthenticationMessage !== undefined || settings.SmsConfiguration !== undefined
    ? { SmsAuthenticationMessage: settings.SmsAuthenticationMessage, SmsConfiguration: settings.SmsConfiguration } : {};
  return {
    MfaConfiguration: settings.MfaConfiguration ?? 'OFF',
    SoftwareTokenMfaConfiguration: { Enabled: !!factors.softwareToken },
    ...(factors.sms ? { SmsMfaConfiguration: sms } : {}),
    ...(factors.email ? { EmailMfaConfiguration: factors.email } : {}),
    WebAuthnConfiguration: { ...factors.webAuthn, UserVerification: (factors.webAuthn?.UserVerification ?? 'preferred') as 'preferred' | 'required' },
  };
}

const CANNOT_BE_OFF = "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.";
const NEEDS_A_FACTOR = "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.";

/**
 * SetUserPoolMfaConfig's new settings. The factor blocks it sends replace the pool's: a factor
 * left out is turned off (so MFA ON with no block is refused, as Cognito refuses it). A request
 * with neither MfaConfiguration nor a factor block (passkey settings alone) keeps them.
 */
export function applyMfaConfig(current: PoolSettings, request: SetUserPoolMfaConfigRequest): PoolSettings {
  const mode = request.MfaConfiguration ?? current.MfaConfiguration ?? 'OFF';
  const touchesFactors = request.MfaConfiguration !== undefined || request.SmsMfaConfiguration !== undefined
    || request.SoftwareTokenMfaConfiguration !== undefined || request.EmailMfaConfiguration !== undefined;
  const previous = current.MfaFactors ?? {};
  const factors: MfaFactorSettings = touchesFactors ? {
    ...(request.SmsMfaConfiguration ? { sms: true } : {}),
    ...(request.SoftwareTokenMfaConfiguration?.Enabled ? { softwareToken: true } : {}),
    ...(request.EmailMfaConfiguration ? { email: withoutEmpty(request.EmailMfaConfiguration) } : {}),
  } : { ...previous };
  delete factors.webAuthn;
  const anyFactor = !!(factors.sms || factors.softwareToken || factors.email);
  if (mode === 'OFF' && anyFactor) throw InvalidParameter(CANNOT_BE_OFF);
  if (mode !== 'OFF' && !anyFactor) throw InvalidParameter(NEEDS_A_FACTOR);
  const smsConfiguration = request.SmsMfaConfiguration?.SmsConfiguration ?? current.SmsConfiguration;
  if (factors.sms && !smsConfiguration) throw InvalidParameter('SMS configuration is required to enable SMS MFA.');
  const webAuthn = request.WebAuthnConfiguration ? withoutEmpty(request.WebAuthnConfiguration) : previous.webAuthn;
  return {
    ...current,
    MfaConfiguration: mode,
    ...(request.SmsMfaConfiguration?.SmsAuthenticationMessage !== undefined ? { SmsAuthenticationMessage: request.SmsMfaConfiguration.SmsAuthenticationMessage } : {}),
    ...(smsConfiguration ? { SmsConfiguration: smsConfiguration } : {}),
    MfaFactors: { ...factors, ...(webAuthn ? { webAuthn } : {}) },
  };
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}
