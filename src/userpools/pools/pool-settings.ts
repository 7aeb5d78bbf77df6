/**
 * A pool's settings document: the settable parts of UserPoolType that CreateUserPool and
 * UpdateUserPool store, with Cognito's default for every member a request leaves out. As the API
 * reference warns, UpdateUserPool resets every member it does not send (except UserPoolTier);
 * what it cannot change at all (schema, username and alias attributes, case sensitivity, and
 * anything other operations own, such as domains) is kept.
 */
import type {
  AdminCreateUserConfigType, CreateUserPoolRequest, UpdateUserPoolRequest, UserPoolPolicyType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { MfaFactorSettings, PoolSettings } from '../../store/user-pools.js';
import { checkMfa, checkSignInAttributes, reconcilePreTokenGeneration, temporaryPasswordValidityDays } from './pool-settings-rules.js';
import { buildSchema } from './schema-attributes.js';
import { verificationMessageSettings } from '../messages/verification-messages.js';
import { withoutUndefined } from './without-undefined.js';

/** The request members both operations carry, each reset to its default when absent. */
type ResettableRequest = Omit<UpdateUserPoolRequest, 'UserPoolId' | 'PoolName' | 'UserPoolTags' | 'UserPoolTier'>;

const RESETTABLE: ReadonlyArray<keyof PoolSettings> = [
  'Policies', 'DeletionProtection', 'LambdaConfig', 'AutoVerifiedAttributes', 'SmsVerificationMessage',
  'EmailVerificationMessage', 'EmailVerificationSubject', 'VerificationMessageTemplate', 'SmsAuthenticationMessage',
  'UserAttributeUpdateSettings', 'MfaConfiguration', 'DeviceConfiguration', 'EmailConfiguration', 'SmsConfiguration',
  'AdminCreateUserConfig', 'UserPoolAddOns', 'AccountRecoverySetting',
];

export function newPoolSettings(request: CreateUserPoolRequest): PoolSettings {
  checkSignInAttributes(request);
  const settings: PoolSettings = {
    ...resettableSettings(request),
    SchemaAttributes: buildSchema(request.Schema),
    ...withoutUndefined({
      AliasAttributes: request.AliasAttributes,
      UsernameAttributes: request.UsernameAttributes,
      UsernameConfiguration: request.UsernameConfiguration,
    }),
    UserPoolTier: request.UserPoolTier ?? 'ESSENTIALS',
  };
  checkMfa(settings);
  return withMfaFactors(settings, {});
}

/**
 * UpdateUserPool's result. A TOTP or email factor that SetUserPoolMfaConfig turned on lets MFA be
 * required without SMS.
 */
export function updatedPoolSettings(current: PoolSettings, request: UpdateUserPoolRequest): PoolSettings {
  const kept = Object.fromEntries(Object.entries(current).filter(([key]) => !RESETTABLE.includes(key as keyof PoolSettings)));
  const settings: PoolSettings = { ...kept, ...resettableSettings(request), UserPoolTier: request.UserPoolTier ?? current.UserPoolTier };
  const factors = current.MfaFactors ?? {};
  checkMfa(settings, !!(factors.softwareToken || factors.email));
  return withMfaFactors(settings, factors);
}

/**
 * The factors that follow from MfaConfiguration: none but passkeys when MFA is OFF; otherwise the
 * ones already on, and SMS when nothing else is (checkMfa has made sure SMS is configured then).
 */
function withMfaFactors(settings: PoolSettings, factors: MfaFactorSettings): PoolSettings {
  const { webAuthn, ...secondFactors } = factors;
  let next: MfaFactorSettings = { ...(webAuthn ? { webAuthn } : {}) };
  if (settings.MfaConfiguration === 'ON' || settings.MfaConfiguration === 'OPTIONAL') {
    const other = secondFactors.softwareToken || secondFactors.email;
    next = { ...next, ...secondFactors, ...(secondFactors.sms || !other ? { sms: true } : {}) };
  }
  return { ...settings, MfaFactors: next };
}

function resettableSettings(request: ResettableRequest): PoolSettings {
  const temporaryDays = temporaryPasswordValidityDays(request);
  return withoutUndefined<PoolSettings>({
    Policies: policies(request.Policies, temporaryDays),
    DeletionProtection: request.DeletionProtection ?? 'INACTIVE',
    LambdaConfig: reconcilePreTokenGeneration(request.LambdaConfig ?? {}),
    AutoVerifiedAttributes: request.AutoVerifiedAttributes,
    ...verificationMessageSettings(request),
    SmsAuthenticationMessage: request.SmsAuthenticationMessage,
    UserAttributeUpdateSettings: {
      AttributesRequireVerificationBeforeUpdate: request.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [],
    },
    MfaConfiguration: request.MfaConfiguration ?? 'OFF',
    DeviceConfiguration: request.DeviceConfiguration,
    EmailConfiguration: { ...request.EmailConfiguration, EmailSendingAccount: request.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT' },
    SmsConfiguration: request.SmsConfiguration,
    AdminCreateUserConfig: adminCreateUserConfig(request.AdminCreateUserConfig, temporaryDays),
    UserPoolAddOns: request.UserPoolAddOns,
    AccountRecoverySetting: request.AccountRecoverySetting,
  });
}

/**
 * Without a password policy Cognito requires eight characters of every class. A policy that is
 * sent replaces the default whole: the requirements it leaves out are off.
 */
function policies(requested: UserPoolPolicyType | undefined, temporaryDays: number): UserPoolPolicyType {
  const sent = requested?.PasswordPolicy;
  const passwordPolicy = sent
    ? withoutUndefined({
      MinimumLength: sent.MinimumLength ?? 8,
      RequireUppercase: sent.RequireUppercase ?? false,
      RequireLowercase: sent.RequireLowercase ?? false,
      RequireNumbers: sent.RequireNumbers ?? false,
      RequireSymbols: sent.RequireSymbols ?? false,
      PasswordHistorySize: sent.PasswordHistorySize,
    })
    : { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
  return {
    PasswordPolicy: { ...passwordPolicy, TemporaryPasswordValidityDays: temporaryDays },
    SignInPolicy: { AllowedFirstAuthFactors: requested?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'] },
  };
}

function adminCreateUserConfig(requested: AdminCreateUserConfigType | undefined, temporaryDays: number): AdminCreateUserConfigType {
  return withoutUndefined({
    AllowAdminCreateUserOnly: requested?.AllowAdminCreateUserOnly ?? false,
    UnusedAccountValidityDays: temporaryDays,
    InviteMessageTemplate: requested?.InviteMessageTemplate,
  });
}
