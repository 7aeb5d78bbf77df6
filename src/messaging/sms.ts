/**
 * SMS senders. The default writes each message to the log (the one place a local deployment can
 * read its codes); tests and embedders can pass their own sender.
 */
import type { Logger } from '../logger.js';

export interface Sms {
  to: string;
  message: string;
}

export interface SmsSender {
  send(sms: Sms): Promise<void>;
}

export function createSmsSender(kind: string, log: Logger): SmsSender {
  if (kind !== 'log') throw new Error(`unknown SMS sender: ${kind}`);
  return {
    async send(sms) {
      log.info({ sms: { to: sms.to, message: sms.message } }, 'SMS message');
    },
  };
}
