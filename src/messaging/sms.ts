/**
 * SMS senders. `outbox` (the default) appends each message to the data folder's outbox
 * (outbox.ts), where `gatehouse outbox` reads it; `file:<path>` appends one JSON line per message
 * to that file, which is how tests and scripts read them. GATEHOUSE_SMS_SENDER picks one. Neither
 * writes a message to the log: messages carry codes and temporary passwords.
 */
import { appendJsonLine, appendToOutbox } from './outbox.js';

export interface Sms {
  to: string;
  message: string;
}

export interface SmsSender {
  send(sms: Sms): Promise<void>;
}

export function createSmsSender(kind: string, dataDir: string): SmsSender {
  if (kind === 'outbox') {
    return {
      async send(sms) {
        await appendToOutbox(dataDir, 'sms', { to: sms.to, message: sms.message });
      },
    };
  }
  if (kind.startsWith('file:')) {
    const path = kind.slice('file:'.length);
    return {
      async send(sms) {
        await appendJsonLine(path, { ...sms, sentAt: new Date().toISOString() });
      },
    };
  }
  throw new Error(`GATEHOUSE_SMS_SENDER: unknown SMS sender ${JSON.stringify(kind)} (expected outbox or file:<path>)`);
}
