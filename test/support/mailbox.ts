/**
 * A real SMTP listener (smtp-server) that catches what Gatehouse sends, so tests read
 * confirmation and recovery codes the way a user would: from the mail.
 */
import { SMTPServer } from 'smtp-server';
import { codeIn } from './codes.js';

export interface Mail {
  to: string[];
  raw: string;
  subject: string;
  /** The first six-digit number in the message body. */
  code: string | undefined;
}

export interface Mailbox {
  url: string;
  mails: Mail[];
  /** While on, every recipient is refused with a permanent 550, as a mail server that will not take the mail. */
  refuse(on: boolean): void;
  /** Resolves with the next mail to `address` that arrives (or already arrived after `since`). */
  next(address: string, timeoutMs?: number): Promise<Mail>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const mails: Mail[] = [];
  const taken = new Set<Mail>();
  const waiters: (() => void)[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refusing) return callback();
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const [head = '', ...bodyParts] = raw.split(/\r?\n\r?\n/);
        const body = bodyParts.join('\n\n').replace(/=\r?\n/g, '');
        mails.push({ to, raw, subject: /^Subject: (.*)$/im.exec(head)?.[1]?.trim() ?? '', code: codeIn(body) });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse(on) {
      refusing = on;
    },
    async next(address, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = mails.find((m) => !taken.has(m) && m.to.includes(address.toLowerCase()));
        if (mail) {
          taken.add(mail);
          return mail;
        }
        if (Date.now() > deadline) throw new Error(`no mail for ${address} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
