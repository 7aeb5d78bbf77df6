/**
 * Temporary passwords Cognito generates for AdminCreateUser when the administrator gives none.
 * Every one has a lowercase and an uppercase letter, a digit and a symbol, whatever the policy
 * asks, so it satisfies any policy; it is at least as long as the policy's minimum. Characters
 * that are easy to misread (l, I, O, 0, 1) or that HTML mail templates would mangle (<, >, &) are
 * left out.
 */
import { randomInt } from 'node:crypto';
import { randomString } from '../../crypto/ids.js';
import type { PoolRecord } from '../../store/user-pools.js';

const CLASSES = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!#$%*+-.=?@^_'] as const;
const ANY = CLASSES.join('');
const DEFAULT_LENGTH = 12;

export function generateTemporaryPassword(pool: PoolRecord): string {
  const length = Math.max(pool.settings.Policies?.PasswordPolicy?.MinimumLength ?? 8, DEFAULT_LENGTH);
  const characters = [...CLASSES.map((set) => randomString(set, 1)), ...randomString(ANY, length - CLASSES.length)];
  // Fisher-Yates, so the guaranteed characters do not always lead.
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j]!, characters[i]!];
  }
  return characters.join('');
}
