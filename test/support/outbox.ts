/** Reads the outbox a server without SMTP writes into its data folder (src/messaging/outbox.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxMessage {
  at: string;
  to: string;
  /** Mail only. */
  subject?: string;
  body?: string;
  /** SMS only. */
  message?: string;
}

export function readOutbox(dataDir: string, kind: 'mail' | 'sms'): OutboxMessage[] {
  const path = join(dataDir, 'outbox', `${kind}.jsonl`);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as OutboxMessage);
}

/** The last message to `to` in the outbox, with the first six-digit code or temporary password after "password is". */
export function lastTo(dataDir: string, kind: 'mail' | 'sms', to: string): OutboxMessage & { text: string; code: string | undefined; temporaryPassword: string | undefined } {
  const message = readOutbox(dataDir, kind).filter((m) => m.to === to).at(-1);
  if (!message) throw new Error(`no ${kind} to ${to} in the outbox`);
  const text = message.body ?? message.message ?? '';
  return { ...message, text, code: /\b(\d{6})\b/.exec(text)?.[1], temporaryPassword: /password is (\S+?)\.? *$/m.exec(text)?.[1] };
}
