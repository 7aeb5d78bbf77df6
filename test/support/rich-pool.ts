/** A CreateUserPool request that sets every member, and what DescribeUserPool must echo for it. */
import type { CreateUserPoolRequest, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export const richPoolRequest = {
  PoolName: 'rich pool',
  Policies: {
    PasswordPolicy: {
      MinimumLength: 12, RequireUppercase: true, RequireLowercase: false, RequireNumbers: true, RequireSymbols: false,
      PasswordHistorySize: 5, TemporaryPasswordValidityDays: 3,
    },
    SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] },
  },
  DeletionProtection: 'ACTIVE',
  LambdaConfig: {
    PreSignUp: lambda('pre-sign-up'), CustomMessage: lambda('custom-message'), PostConfirmation: lambda('post-confirmation'),
    PreAuthentication: lambda('pre-auth'), PostAuthentication: lambda('post-auth'), DefineAuthChallenge: lambda('define'),
    CreateAuthChallenge: lambda('create'), VerifyAuthChallengeResponse: lambda('verify'), UserMigration: lambda('migrate'),
    PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: lambda('pre-token') },
    CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: lambda('email-sender') },
    CustomSMSSender: { LambdaVersion: 'V1_0', LambdaArn: lambda('sms-sender') },
    KMSKeyID: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
  AutoVerifiedAttributes: ['email', 'phone_number'],
  AliasAttributes: ['email', 'preferred_username'],
  UsernameConfiguration: { CaseSensitive: false },
  VerificationMessageTemplate: {
    SmsMessage: 'Your code is {####}', EmailMessage: 'Your email code is {####}', EmailSubject: 'Verify your email',
    EmailMessageByLink: 'Please {##click here##} to verify', EmailSubjectByLink: 'Verify by link', DefaultEmailOption: 'CONFIRM_WITH_LINK',
  },
  SmsAuthenticationMessage: 'Your sign-in code is {####}',
  MfaConfiguration: 'OPTIONAL',
  UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
  DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
  EmailConfiguration: {
    SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/admin@example.com', ReplyToEmailAddress: 'reply@example.com',
    EmailSendingAccount: 'DEVELOPER', From: 'Admin <admin@example.com>', ConfigurationSet: 'gatehouse-set',
  },
  SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms-sender', ExternalId: 'external-1', SnsRegion: 'us-east-1' },
  UserPoolTags: { team: 'identity', env: 'test' },
  AdminCreateUserConfig: {
    AllowAdminCreateUserOnly: true,
    InviteMessageTemplate: { SMSMessage: 'Hi {username}, use {####}', EmailMessage: 'Hi {username}, your password is {####}', EmailSubject: 'Welcome' },
  },
  Schema: [
    { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
    { Name: 'plan', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '1', MaxLength: '64' } },
    { Name: 'score', AttributeDataType: 'Number', Mutable: false, NumberAttributeConstraints: { MinValue: '0', MaxValue: '100' } },
    { Name: 'tier', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
  ],
  UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT', AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'AUDIT' } },
  AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }, { Priority: 2, Name: 'verified_phone_number' }] },
  UserPoolTier: 'PLUS',
} satisfies CreateUserPoolRequest;

const r = richPoolRequest;

/** Every member of the rich pool's description except identity, dates and the schema. */
export const richPoolEcho: UserPoolType = {
  Name: 'rich pool',
  Policies: r.Policies,
  DeletionProtection: 'ACTIVE',
  // Cognito mirrors the versioned pre-token trigger into the legacy member.
  LambdaConfig: { ...r.LambdaConfig, PreTokenGeneration: lambda('pre-token') },
  AutoVerifiedAttributes: r.AutoVerifiedAttributes,
  AliasAttributes: r.AliasAttributes,
  UsernameConfiguration: r.UsernameConfiguration,
  // The template's code messages also appear in the legacy top-level members.
  SmsVerificationMessage: 'Your code is {####}',
  EmailVerificationMessage: 'Your email code is {####}',
  EmailVerificationSubject: 'Verify your email',
  VerificationMessageTemplate: r.VerificationMessageTemplate,
  SmsAuthenticationMessage: r.SmsAuthenticationMessage,
  MfaConfiguration: 'OPTIONAL',
  UserAttributeUpdateSettings: r.UserAttributeUpdateSettings,
  DeviceConfiguration: r.DeviceConfiguration,
  EmailConfiguration: r.EmailConfiguration,
  SmsConfiguration: r.SmsConfiguration,
  UserPoolTags: r.UserPoolTags,
  // The legacy validity follows TemporaryPasswordValidityDays.
  AdminCreateUserConfig: { ...r.AdminCreateUserConfig, UnusedAccountValidityDays: 3 },
  UserPoolAddOns: r.UserPoolAddOns,
  AccountRecoverySetting: r.AccountRecoverySetting,
  UserPoolTier: 'PLUS',
  EstimatedNumberOfUsers: 0,
};

/** The custom attributes the rich pool's schema adds after the standard ones. */
export const richPoolCustomAttributes = [
  { Name: 'custom:plan', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: { MinLength: '1', MaxLength: '64' } },
  { Name: 'custom:score', AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: false, Required: false, NumberAttributeConstraints: { MinValue: '0', MaxValue: '100' } },
  { Name: 'dev:custom:tier', AttributeDataType: 'String', DeveloperOnlyAttribute: true, Mutable: true, Required: false },
];
