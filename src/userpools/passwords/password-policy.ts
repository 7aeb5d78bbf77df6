/** The pool's password policy, worded as Cognito words its refusals. */
import { InvalidPassword } from '../../errors.js';
import type { PoolRecord } from '../../store/user-pools.js';

/** The special characters Cognito counts as symbols (and the space). */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export function checkPasswordPolicy(pool: PoolRecord, password: string): void {
  const policy = pool.settings.Policies?.PasswordPolicy ?? {};
  const problem =
    password.length < (policy.MinimumLength ?? 8) ? 'Password not long enough'
      : policy.RequireLowercase !== false && !/\p{Ll}/u.test(password) ? 'Password must have lowercase characters'
        : policy.RequireUppercase !== false && !/\p{Lu}/u.test(password) ? 'Password must have uppercase characters'
          : policy.RequireNumbers !== false && !/[0-9]/.test(password) ? 'Password must have numeric characters'
            : policy.RequireSymbols !== false && !SYMBOLS.test(password) ? 'Password must have symbol characters'
              : undefined;
  if (problem) throw InvalidPassword(`Password did not conform with policy: ${problem}`);
}
