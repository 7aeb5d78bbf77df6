/**
 * Reads the SMS messages Gatehouse writes with GATEHOUSE_SMS_SENDER=file:<path>, the way a user
 * reads a text: the next message to a number, and the six-digit code in it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sms {
  to: string;
  message: string;
  code: string | undefined;
}

export interface SmsOutbox {
  /** Pass to startGatehouse's env. */
  env: Record<string, string>;
  next(phoneNumber: string, timeoutMs?: number): Promise<Sms>;
  /** Every message so far. */
  all(): Sms[];
}

export function smsOutbox(): SmsOutbox {
  const path = join(mkdtempSync(join(tmpdir(), 'gatehouse-sms-')), 'sms.jsonl');
  const taken = new Set<number>();
  const all = (): Sms[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [])
    .map((line) => JSON.parse(line) as { to: string; message: string })
    .map(({ to, message }) => ({ to, message, code: /\b(\d{6})\b/.exec(message)?.[1] }));
  return {
    env: { GATEHOUSE_SMS_SENDER: `file:${path}` },
    all,
    async next(phoneNumber, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = all().findIndex((sms, i) => !taken.has(i) && sms.to === phoneNumber);
        if (index >= 0) {
          taken.add(index);
          return all()[index]!;
        }
        if (Date.now() > deadline) throw new Error(`no SMS for ${phoneNumber} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
