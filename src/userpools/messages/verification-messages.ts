/**
 * Verification messages. Cognito keeps the legacy top-level members (SmsVerificationMessage,
 * EmailVerificationMessage, EmailVerificationSubject) and VerificationMessageTemplate in step:
 * whichever a request sets, DescribeUserPool echoes in both places. When a request sets both, the
 * template (the current API) wins. Unset messages are not echoed; senders use the defaults below.
 */
import type { VerificationMessageTemplateType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { PoolSettings } from '../../store/user-pools.js';
import { withoutUndefined as present } from '../pools/without-undefined.js';

/** What Cognito sends when the pool sets no message of its own. */
export const DEFAULT_VERIFICATION_MESSAGES = {
  SmsMessage: 'Your verification code is {####}. ',
  EmailMessage: 'Your verification code is {####}. ',
  EmailSubject: 'Your verification code',
  EmailMessageByLink: 'Please click the link below to verify your email address. {##Verify Email##} ',
  EmailSubjectByLink: 'Your verification link',
} as const;

/** `{##Click here##}`: the link text must not be empty (`{####}` is the code placeholder, not a link). */
const LINK_PLACEHOLDER = /\{##[^#][\s\S]*?##\}/;

type MessageSettings = Pick<PoolSettings, 'SmsVerificationMessage' | 'EmailVerificationMessage' | 'EmailVerificationSubject' | 'VerificationMessageTemplate'>;

export function verificationMessageSettings(request: MessageSettings): MessageSettings {
  const template = request.VerificationMessageTemplate ?? {};
  // The model's patterns already require {####} in code messages; link messages need a link.
  if (template.EmailMessageByLink !== undefined && !LINK_PLACEHOLDER.test(template.EmailMessageByLink)) {
    throw InvalidParameter('The message is invalid.');
  }
  const sms = template.SmsMessage ?? request.SmsVerificationMessage;
  const email = template.EmailMessage ?? request.EmailVerificationMessage;
  const subject = template.EmailSubject ?? request.EmailVerificationSubject;
  return present({
    SmsVerificationMessage: sms,
    EmailVerificationMessage: email,
    EmailVerificationSubject: subject,
    VerificationMessageTemplate: present({
      SmsMessage: sms,
      EmailMessage: email,
      EmailSubject: subject,
      EmailMessageByLink: template.EmailMessageByLink,
      EmailSubjectByLink: template.EmailSubjectByLink,
      DefaultEmailOption: template.DefaultEmailOption ?? 'CONFIRM_WITH_CODE',
    }),
  });
}

/** The messages a pool's verification mail and SMS are built from, defaults filled in. */
export function effectiveVerificationMessages(settings: PoolSettings): Required<VerificationMessageTemplateType> {
  const template = settings.VerificationMessageTemplate ?? {};
  return {
    ...DEFAULT_VERIFICATION_MESSAGES,
    ...present({ ...template }),
    DefaultEmailOption: template.DefaultEmailOption ?? 'CONFIRM_WITH_CODE',
  } as Required<VerificationMessageTemplateType>;
}
