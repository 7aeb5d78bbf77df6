/**
 * SMS senders. `log` (the default) writes each message to the log, the one place a local
 * deployment can read its codes; `file:<path>` appends one JSON line per message, which is how
 * tests and scripts read them. GATEHOUSE_SMS_SENDER picks one.
 */
import { appendFile } from 'node:fs/promises';
import type { Logger } from '../logger.js';

export interface Sms {
  to: string;
  message: string;
}

export interface SmsSender {
  send(sms: Sms): Promise<void>;
}

export function createSmsSender(kind: string, log: Logger): SmsSender {
  if (kind === 'log') {
    return {
      async send(sms) {
        log.info({ sms: { to: sms.to, message: sms.message } }, 'SMS message');
      },
    };
  }
  if (kind.startsWith('file:')) {
    const path = kind.slice('file:'.length);
    return {
      async send(sms) {
        await appendFile(path, `${JSON.stringify({ ...sms, sentAt: new Date().toISOString() })}\n`, { mode: 0o600 });
      },
    };
  }
  throw new Error(`unknown SMS sender: ${kind} (expected log or file:<path>)`);
}
