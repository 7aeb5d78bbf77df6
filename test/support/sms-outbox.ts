/**
 * The SMS messages a test server sent, read from the file GATEHOUSE_SMS_SENDER=file:<path> appends
 * to (one JSON line per message), the way a deployment without an SMS gateway reads them.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sms {
  to: string;
  message: string;
}

export interface SmsOutbox {
  /** Pass to startGatehouse's env. */
  env: { GATEHOUSE_SMS_SENDER: string };
  /** Every message sent so far, oldest first. */
  all(): Sms[];
  /** Messages sent so far to one number. */
  to(phoneNumber: string): Sms[];
}

export function smsOutbox(): SmsOutbox {
  const path = join(mkdtempSync(join(tmpdir(), 'gatehouse-sms-')), 'sms.jsonl');
  const all = (): Sms[] => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Sms) : []);
  return { env: { GATEHOUSE_SMS_SENDER: `file:${path}` }, all, to: (phoneNumber) => all().filter((sms) => sms.to === phoneNumber) };
}
