/**
 * Cross-member rules Cognito applies to a pool's settings, beyond what the service model's
 * shapes check (lengths, patterns, enums, ranges) before an operation runs.
 */
import type { AdminCreateUserConfigType, LambdaConfigType, UserPoolPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { PoolSettings } from '../../store/user-pools.js';

/** A pool signs users in either by username with aliases, or by email/phone as the username. */
export function checkSignInAttributes(request: Pick<PoolSettings, 'AliasAttributes' | 'UsernameAttributes'>): void {
  if (request.AliasAttributes?.length && request.UsernameAttributes?.length) {
    throw InvalidParameter('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
}

/**
 * MFA ON or OPTIONAL needs a factor. CreateUserPool can only offer SMS (TOTP and email are
 * switched on later by SetUserPoolMfaConfig), so it needs an SMS configuration and phone
 * verification unless another factor is on already.
 */
export function checkMfa(settings: PoolSettings, otherFactorEnabled = false): void {
  if (settings.MfaConfiguration !== 'ON' && settings.MfaConfiguration !== 'OPTIONAL') return;
  if (otherFactorEnabled) return;
  if (!settings.SmsConfiguration || !settings.AutoVerifiedAttributes?.includes('phone_number')) {
    throw InvalidParameter('SMS configuration and Auto verification for phone_number are required when MFA is required/optional');
  }
}

/** Seven days unless the pool says otherwise; zero means "not set", as the model documents. */
const DEFAULT_TEMPORARY_PASSWORD_DAYS = 7;

/**
 * TemporaryPasswordValidityDays replaced the legacy UnusedAccountValidityDays; Cognito echoes the
 * effective value in both places and refuses two different values.
 */
export function temporaryPasswordValidityDays(request: { Policies?: UserPoolPolicyType; AdminCreateUserConfig?: AdminCreateUserConfigType }): number {
  const current = request.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays || undefined;
  const legacy = request.AdminCreateUserConfig?.UnusedAccountValidityDays || undefined;
  if (current !== undefined && legacy !== undefined && current !== legacy) {
    throw InvalidParameter('Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays');
  }
  return current ?? legacy ?? DEFAULT_TEMPORARY_PASSWORD_DAYS;
}

/**
 * The legacy PreTokenGeneration ARN and PreTokenGenerationConfig name the same function; Cognito
 * fills whichever is missing (a bare ARN is a V1_0 trigger) and refuses two different ARNs.
 */
export function reconcilePreTokenGeneration(config: LambdaConfigType): LambdaConfigType {
  const legacy = config.PreTokenGeneration;
  const versioned = config.PreTokenGenerationConfig;
  if (!legacy && !versioned) return config;
  if (legacy && versioned && legacy !== versioned.LambdaArn) {
    throw InvalidParameter('PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must be the same function.');
  }
  return {
    ...config,
    PreTokenGeneration: legacy ?? versioned!.LambdaArn,
    PreTokenGenerationConfig: versioned ?? { LambdaVersion: 'V1_0', LambdaArn: legacy },
  };
}
