/**
 * ListUsers' Filter and AttributesToGet. A filter is `attribute = "value"` (exact) or
 * `attribute ^= "value"` (prefix), spaces around the operator optional, `\` escaping the next
 * character inside the quotes. Only Cognito's searchable attributes may be named (API reference,
 * ListUsers): username (the stored spelling, case-sensitive), cognito:user_status
 * (case-insensitive), status ("Enabled"/"Disabled"), sub, and six standard attributes. Each maps
 * to an indexed column or attribute row (store/users.ts), never to a scan.
 */
import { InvalidParameter } from '../../errors.js';
import type { UserFilter } from '../../store/users.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { findAttribute } from '../pools/schema-attributes.js';

const SEARCHABLE_ATTRIBUTES = new Set(['email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username']);
const FILTER = /^\s*([^\s=^"]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/s;
const ENABLED_STATES = ['Enabled', 'Disabled'];

/** What a filter selects: a UserFilter, everyone (undefined), or no one. */
export type UserSearch = UserFilter | undefined | 'nobody';

export function parseUserFilter(text: string | undefined): UserSearch {
  if (text === undefined || text.trim() === '') return undefined;
  const match = FILTER.exec(text);
  if (!match) throw InvalidParameter('Error while parsing filter.');
  const [, attribute = '', operator, quoted = ''] = match;
  const value = quoted.replace(/\\(.)/gs, '$1');
  const prefix = operator === '^=';
  switch (attribute) {
    case 'username':
      return { on: 'column', column: 'users.username', value, prefix };
    case 'sub':
      return { on: 'column', column: 'users.sub', value, prefix };
    case 'cognito:user_status':
      return { on: 'column', column: 'users.status', value: value.toUpperCase(), prefix };
    case 'status':
      return enabledFilter(value, prefix);
    default:
      if (!SEARCHABLE_ATTRIBUTES.has(attribute)) throw InvalidParameter(`Invalid search attribute: ${attribute}`);
      return { on: 'attribute', attribute, value, prefix };
  }
}

/** `status` compares against the two words the console shows, case-sensitively. */
function enabledFilter(value: string, prefix: boolean): UserSearch {
  const states = ENABLED_STATES.filter((state) => (prefix ? state.startsWith(value) : state === value));
  if (states.length === 0) return 'nobody';
  if (states.length > 1) return undefined;
  return { on: 'enabled', enabled: states[0] === 'Enabled' };
}

/** The attributes to return, checked against the schema; absent or empty means all. */
export function attributesToGet(pool: PoolRecord, names: string[] | undefined): string[] | undefined {
  if (!names || names.length === 0) return undefined;
  if (names.some((name) => !findAttribute(pool, name))) throw InvalidParameter('One or more requested attributes do not exist.');
  return names;
}
