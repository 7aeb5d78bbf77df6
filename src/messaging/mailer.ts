/** Sends mail through the configured SMTP server (nodemailer), or appends it to the outbox when none is set. */
import nodemailer from 'nodemailer';
import { appendToOutbox } from './outbox.js';

export interface Mail {
  to: string;
  subject: string;
  /** HTML or plain text, as the pool's template gives it. */
  body: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** `dataDir` holds the outbox that takes the mail when `smtpUrl` is unset. */
export function createMailer(options: { smtpUrl: string | undefined; from: string; dataDir: string }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(mail) {
        // Codes are secrets: they go to a file only the owner reads, never to the log.
        await appendToOutbox(options.dataDir, 'mail', { from: options.from, to: mail.to, subject: mail.subject, body: mail.body });
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
