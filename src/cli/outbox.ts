/**
 * `gatehouse outbox [--follow]`: prints the mail and SMS the server wrote to the data folder's
 * outbox (messaging/outbox.ts), oldest first, one message per block; `--follow` keeps printing
 * new ones as they arrive, as `tail -f` does.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { outboxFile, type OutboxKind } from '../messaging/outbox.js';

const KINDS: OutboxKind[] = ['mail', 'sms'];
const POLL_MS = 250;

interface Entry {
  kind: OutboxKind;
  at: string;
  fields: Record<string, unknown>;
}

export async function printOutbox(dataDir: string, options: { follow: boolean }, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<void> {
  const offsets = new Map<OutboxKind, number>(KINDS.map((kind) => [kind, 0]));
  const drain = () => {
    const entries = KINDS.flatMap((kind) => readNew(dataDir, kind, offsets));
    entries.sort((a, b) => a.at.localeCompare(b.at));
    for (const entry of entries) write(render(entry));
  };
  drain();
  if (!options.follow) return;
  await new Promise<never>(() => setInterval(drain, POLL_MS));
}

/** The complete lines appended to one outbox file since the last read. */
function readNew(dataDir: string, kind: OutboxKind, offsets: Map<OutboxKind, number>): Entry[] {
  const path = outboxFile(dataDir, kind);
  if (!existsSync(path)) return [];
  const from = offsets.get(kind)!;
  if (statSync(path).size <= from) return [];
  const text = readFileSync(path).subarray(from).toString('utf8');
  const end = text.lastIndexOf('\n') + 1;
  offsets.set(kind, from + Buffer.byteLength(text.slice(0, end)));
  return text.slice(0, end).split('\n').filter(Boolean).map((line) => {
    const fields = JSON.parse(line) as Record<string, unknown>;
    return { kind, at: String(fields.at ?? ''), fields };
  });
}

function render({ kind, at, fields }: Entry): string {
  if (kind === 'mail') return `${at} mail to ${String(fields.to)}\nSubject: ${String(fields.subject)}\n\n${String(fields.body)}\n\n`;
  return `${at} SMS to ${String(fields.to)}\n${String(fields.message)}\n\n`;
}
