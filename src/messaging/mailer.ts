/** Sends mail through the configured SMTP server (nodemailer), or writes it to the log when none is set. */
import nodemailer from 'nodemailer';
import type { Logger } from '../logger.js';

export interface Mail {
  to: string;
  subject: string;
  /** HTML or plain text, as the pool's template gives it. */
  body: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string }, log: Logger): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(mail) {
        // Codes are secrets: without SMTP we say that a mail was due, not what it said.
        log.warn({ to: mail.to, subject: mail.subject }, 'no GATEHOUSE_SMTP_URL configured; mail not sent');
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      const isHtml = /<[a-z][\s\S]*>/i.test(mail.body);
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, ...(isHtml ? { html: mail.body } : { text: mail.body }) });
    },
  };
}
