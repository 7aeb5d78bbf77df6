/**
 * The master key that encrypts secrets at rest: GATEHOUSE_MASTER_KEY (base64 of 32 bytes), or a
 * key generated once into the data folder. Deployments of several nodes must set the variable so
 * that every node shares it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadMasterKey(configured: string | undefined, dataDir: string): Uint8Array {
  if (configured) return decode(configured, 'GATEHOUSE_MASTER_KEY');
  const file = join(dataDir, 'master.key');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decode(readFileSync(file, 'utf8').trim(), file);
}

function decode(value: string, source: string): Uint8Array {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${source} must be base64 of exactly 32 bytes`);
  return new Uint8Array(key);
}
