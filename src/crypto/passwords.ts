/**
 * Password hashing with argon2id (@node-rs/argon2). OWASP lists five equivalent settings; on the
 * 2-core reference machine m=7 MiB/t=5 verified in ~5.4 ms against ~12.4 ms for 19 MiB/t=2, so it
 * is the default (GATEHOUSE_ARGON2="m=7168,t=5,p=1"). A stored hash made with other parameters
 * still verifies, and `needsRehash` tells sign-in to upgrade it.
 */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax. */
const ARGON2ID = 2;

export interface Argon2Parameters {
  /** KiB of memory. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const DEFAULT_ARGON2: Argon2Parameters = { memoryCost: 7168, timeCost: 5, parallelism: 1 };

/** Parses "m=7168,t=5,p=1". */
export function parseArgon2Parameters(text: string): Argon2Parameters {
  const fields = Object.fromEntries(text.split(',').map((part) => part.trim().split('=') as [string, string]));
  const params = { memoryCost: Number(fields.m), timeCost: Number(fields.t), parallelism: Number(fields.p ?? 1) };
  if (![params.memoryCost, params.timeCost, params.parallelism].every((n) => Number.isInteger(n) && n > 0) || params.memoryCost < 1024) {
    throw new Error(`invalid argon2 parameters: ${text} (expected e.g. m=7168,t=5,p=1)`);
  }
  return params;
}

export function passwordHasher(params: Argon2Parameters) {
  const marker = `$m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}$`;
  return {
    hash: (password: string) => hash(password, { algorithm: ARGON2ID, ...params }),
    verify: (stored: string, password: string) => verify(stored, password),
    /** True when the stored hash was made with other parameters than the configured ones. */
    needsRehash: (stored: string) => !stored.includes(marker),
  };
}

export type PasswordHasher = ReturnType<typeof passwordHasher>;
