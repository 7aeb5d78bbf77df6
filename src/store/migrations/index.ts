/** Numbered migrations, applied in order by store/migrate.ts. Add new ones at the end; never edit an old one. */
import type { Migration } from 'kysely';
import * as foundation from './001-foundation.js';
import * as users from './002-users.js';
import * as userSearch from './003-user-search.js';
import * as pendingAttributes from './004-pending-attributes.js';
import * as softwareTokens from './005-software-tokens.js';
import * as signInAttempts from './006-sign-in-attempts.js';
import * as devices from './007-devices.js';
import * as webAuthn from './008-webauthn.js';

export const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-users': users,
  '003-user-search': userSearch,
  '004-pending-attributes': pendingAttributes,
  '005-software-tokens': softwareTokens,
  '006-sign-in-attempts': signInAttempts,
  '007-devices': devices,
  '008-webauthn': webAuthn,
};
