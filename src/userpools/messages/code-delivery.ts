/**
 * Sends a code to a user by email or SMS using the pool's message templates, and describes the
 * delivery as Cognito does (CodeDeliveryDetails with a masked destination).
 */
import type { CodeDeliveryDetailsType, DeliveryMediumType } from '@aws-sdk/client-cognito-identity-provider';
import { CodeDeliveryFailure } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { DEFAULT_AUTHENTICATION_MESSAGES } from '../mfa/pool-mfa.js';
import { effectiveVerificationMessages } from './verification-messages.js';

/** A code to verify a contact or sign up, a temporary password, or an MFA code at sign-in. */
export type MessageKind = 'verification' | 'invitation' | 'authentication';

export interface Destination {
  medium: DeliveryMediumType;
  attribute: 'email' | 'phone_number';
  address: string;
}

/** Cognito's invitation when the pool sets none. */
const DEFAULT_INVITATION = {
  subject: 'Your temporary password',
  email: 'Your username is {username} and temporary password is {####}. ',
  sms: 'Your username is {username} and temporary password is {####}. ',
};

/** A message to this address of the contact attribute. */
export const contactDestination = (attribute: Destination['attribute'], address: string): Destination =>
  ({ medium: attribute === 'email' ? 'EMAIL' : 'SMS', attribute, address });

/** Where a message for the user can go, in the order given ('email', 'phone_number'). */
export function destinationFor(user: UserRecord, preference: ('email' | 'phone_number')[], verifiedOnly = false): Destination | undefined {
  for (const attribute of preference) {
    const address = user.attributes[attribute];
    if (!address) continue;
    if (verifiedOnly && user.attributes[`${attribute}_verified`] !== 'true') continue;
    return contactDestination(attribute, address);
  }
  return undefined;
}

export async function deliverCode(services: Pick<Services, 'mailer' | 'sms' | 'log'>, pool: PoolRecord, user: UserRecord, to: Destination, kind: MessageKind, code: string): Promise<CodeDeliveryDetailsType> {
  const template = templateFor(pool, kind);
  const fill = (text: string) => text.replaceAll('{####}', code).replaceAll('{username}', user.username);
  try {
    if (to.medium === 'EMAIL') await services.mailer.send({ to: to.address, subject: template.subject, body: fill(template.email) });
    else await services.sms.send({ to: to.address, message: fill(template.sms) });
  } catch (error) {
    services.log.error({ err: error, medium: to.medium }, 'code delivery failed');
    throw CodeDeliveryFailure('Unable to deliver the message.');
  }
  return describeDelivery(to);
}

export function describeDelivery(to: Destination): CodeDeliveryDetailsType {
  return { Destination: mask(to), DeliveryMedium: to.medium, AttributeName: to.attribute };
}

/** `j***@e***` for mail, `+*******1234` for phones, as Cognito shows destinations. */
export function mask(to: Pick<Destination, 'medium' | 'address'>): string {
  if (to.medium === 'EMAIL') {
    const [local = '', domain = ''] = to.address.split('@');
    return `${local.charAt(0)}***@${domain.charAt(0)}***`;
  }
  return `+${'*'.repeat(Math.max(0, to.address.length - 5))}${to.address.slice(-4)}`;
}

function templateFor(pool: PoolRecord, kind: MessageKind): { subject: string; email: string; sms: string } {
  if (kind === 'invitation') {
    const invite = pool.settings.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
    return { subject: invite.EmailSubject ?? DEFAULT_INVITATION.subject, email: invite.EmailMessage ?? DEFAULT_INVITATION.email, sms: invite.SMSMessage ?? DEFAULT_INVITATION.sms };
  }
  if (kind === 'authentication') {
    const email = pool.settings.MfaFactors?.email;
    return {
      subject: email?.Subject ?? DEFAULT_AUTHENTICATION_MESSAGES.subject,
      email: email?.Message ?? DEFAULT_AUTHENTICATION_MESSAGES.email,
      sms: pool.settings.SmsAuthenticationMessage ?? DEFAULT_AUTHENTICATION_MESSAGES.sms,
    };
  }
  const messages = effectiveVerificationMessages(pool.settings);
  return { subject: messages.EmailSubject, email: messages.EmailMessage, sms: messages.SmsMessage };
}
