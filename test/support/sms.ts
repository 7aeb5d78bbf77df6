/**
 * Reads the SMS messages Gatehouse writes with GATEHOUSE_SMS_SENDER=file:<path> (one JSON line per
 * message), the way a user reads a text: every message to a number, the next one, and its code.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeIn } from './codes.js';

export interface Sms {
  to: string;
  message: string;
  /** The first six-digit number in the message. */
  code: string | undefined;
}

export interface SmsOutbox {
  /** Pass to startGatehouse's env. */
  env: { GATEHOUSE_SMS_SENDER: string };
  /** Every message sent so far, oldest first. */
  all(): Sms[];
  /** Messages sent so far to one number. */
  to(phoneNumber: string): Sms[];
  /** Resolves with the next message to `phoneNumber` not yet taken, waiting for it if need be. */
  next(phoneNumber: string, timeoutMs?: number): Promise<Sms>;
}

export function smsOutbox(): SmsOutbox {
  const path = join(mkdtempSync(join(tmpdir(), 'gatehouse-sms-')), 'sms.jsonl');
  const taken = new Set<number>();
  const all = (): Sms[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [])
    .map((line) => JSON.parse(line) as { to: string; message: string })
    .map(({ to, message }) => ({ to, message, code: codeIn(message) }));
  return {
    env: { GATEHOUSE_SMS_SENDER: `file:${path}` },
    all,
    to: (phoneNumber) => all().filter((sms) => sms.to === phoneNumber),
    async next(phoneNumber, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const sent = all();
        const index = sent.findIndex((sms, i) => !taken.has(i) && sms.to === phoneNumber);
        if (index >= 0) {
          taken.add(index);
          return sent[index]!;
        }
        if (Date.now() > deadline) throw new Error(`no SMS for ${phoneNumber} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
