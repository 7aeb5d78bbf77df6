/**
 * The outbox: where mail and SMS go when no SMTP server (or SMS file) is configured. Each message
 * is appended as one JSON line to `<data>/outbox/mail.jsonl` or `<data>/outbox/sms.jsonl`,
 * readable by the owner only, so that a local deployment can read its codes
 * (`gatehouse outbox [--follow]`) without them ever reaching the log.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export type OutboxKind = 'mail' | 'sms';

export const outboxFolder = (dataDir: string) => join(dataDir, 'outbox');
export const outboxFile = (dataDir: string, kind: OutboxKind) => join(outboxFolder(dataDir), `${kind}.jsonl`);

/** Appends one message; `at` (ISO 8601) is when it was written. */
export async function appendToOutbox(dataDir: string, kind: OutboxKind, message: Record<string, string>): Promise<void> {
  await mkdir(outboxFolder(dataDir), { recursive: true, mode: 0o700 });
  await appendJsonLine(outboxFile(dataDir, kind), { at: new Date().toISOString(), ...message });
}

/** One JSON line, appended to a file created readable by its owner only. */
export async function appendJsonLine(path: string, value: object): Promise<void> {
  await appendFile(path, `${JSON.stringify(value)}\n`, { mode: 0o600 });
}
