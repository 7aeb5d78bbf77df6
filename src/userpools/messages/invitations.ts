/**
 * AdminCreateUser's invitation: the username and temporary password, sent with the pool's
 * InviteMessageTemplate by each medium asked for (DesiredDeliveryMediums; SMS when absent).
 * A medium asked for explicitly needs its attribute; the default SMS goes only where there is a
 * phone number, so a user created with an email alone and no mediums gets no message, as in
 * Cognito. A template without the {####} placeholder is not delivered (API reference,
 * AdminCreateUser).
 */
import type { DeliveryMediumType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { deliverCode, type Destination } from './code-delivery.js';

const MEDIUMS = {
  EMAIL: { attribute: 'email', missing: 'No email provided but desired delivery medium was Email' },
  SMS: { attribute: 'phone_number', missing: 'No phone_number provided but desired delivery medium was Sms' },
} as const;

export function invitationDestinations(attributes: Record<string, string>, mediums: DeliveryMediumType[] | undefined): Destination[] {
  if (!mediums || mediums.length === 0) {
    return attributes.phone_number ? [{ medium: 'SMS', attribute: 'phone_number', address: attributes.phone_number }] : [];
  }
  return [...new Set(mediums)].map((medium) => {
    const { attribute, missing } = MEDIUMS[medium as keyof typeof MEDIUMS];
    const address = attributes[attribute];
    if (!address) throw InvalidParameter(missing);
    return { medium, attribute, address };
  });
}

export async function sendInvitation(services: Pick<Services, 'mailer' | 'sms' | 'log'>, pool: PoolRecord, user: UserRecord, destinations: Destination[], temporaryPassword: string): Promise<void> {
  const template = pool.settings.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
  for (const to of destinations) {
    const message = to.medium === 'EMAIL' ? template.EmailMessage : template.SMSMessage;
    if (message !== undefined && !message.includes('{####}')) continue;
    await deliverCode(services, pool, user, to, 'invitation', temporaryPassword);
  }
}
