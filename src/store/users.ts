/**
 * Users and everything keyed by them: attribute rows (indexed for ListUsers filters), sign-in
 * aliases, group memberships. A user is addressed by (pool_id, username_key); `username_key` is
 * the username as the pool compares it (see userpools/users/usernames.ts).
 */
import type { Selectable, Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { isForeignKeyViolation, isUniqueViolation } from './sql-errors.js';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER' | 'ARCHIVED' | 'COMPROMISED' | 'UNKNOWN';

export interface UserRecord {
  poolId: string;
  username: string;
  usernameKey: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  passwordHash: string | null;
  srpSalt: string | null;
  srpVerifier: string | null;
  passwordSetAt: number | null;
  failedSignIns: number;
  lockedUntil: number;
  mfaSettings: string | null;
  createdAt: number;
  updatedAt: number;
  /** Attribute name → value, `sub` included, as Cognito lists them. */
  attributes: Record<string, string>;
}

export type NewUser = Omit<UserRecord, 'failedSignIns' | 'lockedUntil' | 'mfaSettings'>;

/** Why a create or an alias change could not be written. */
export type Conflict = 'username' | 'alias';

type Executor = Db | Transaction<Database>;
/** A users row as read back (Kysely's Generated columns unwrapped). */
type UserRow = Selectable<Database['users']>;

export function usersRepository(db: Db) {
  return {
    /** Inserts the user, its attributes and aliases in one transaction; a taken username or alias is reported, not thrown. */
    async create(user: NewUser, aliasKeys: string[]): Promise<Conflict | undefined> {
      return db.transaction().execute(async (trx) => {
        try {
          await trx.insertInto('users').values({
            pool_id: user.poolId, username: user.username, username_key: user.usernameKey, sub: user.sub, status: user.status,
            enabled: user.enabled ? 1 : 0, password_hash: user.passwordHash, srp_salt: user.srpSalt, srp_verifier: user.srpVerifier,
            password_set_at: user.passwordSetAt, mfa_settings: null, created_at: user.createdAt, updated_at: user.updatedAt,
          }).execute();
        } catch (error) {
          if (isUniqueViolation(error)) return 'username';
          throw error;
        }
        await writeAttributes(trx, user.poolId, user.usernameKey, user.attributes);
        return (await insertAliases(trx, user.poolId, user.usernameKey, aliasKeys)) ? undefined : rollback('alias');
      }).catch(unwrapRollback);
    },

    async find(poolId: string, usernameKey: string): Promise<UserRecord | undefined> {
      return findOne(db, poolId, 'users.username_key', usernameKey);
    },

    /** The user an alias (email, phone number, preferred username) signs in as. */
    async findByAlias(poolId: string, aliasKey: string): Promise<UserRecord | undefined> {
      const alias = await db.selectFrom('user_aliases').select('username_key').where('pool_id', '=', poolId).where('alias_key', '=', aliasKey).executeTakeFirst();
      return alias && this.find(poolId, alias.username_key);
    },

    async findBySub(poolId: string, sub: string): Promise<UserRecord | undefined> {
      return findOne(db, poolId, 'users.sub', sub);
    },

    /** Changes columns of the user row (status, password, flags...). */
    async update(poolId: string, usernameKey: string, changes: Partial<Pick<UserRecord, 'status' | 'enabled' | 'passwordHash' | 'srpSalt' | 'srpVerifier' | 'passwordSetAt' | 'failedSignIns' | 'lockedUntil' | 'mfaSettings' | 'updatedAt'>>): Promise<boolean> {
      const result = await db.updateTable('users').set(toColumns(changes)).where('pool_id', '=', poolId).where('username_key', '=', usernameKey).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /**
     * Sets and removes attributes and adds or drops aliases atomically. Returns 'alias' (and
     * changes nothing) when an added alias belongs to another user.
     */
    async changeAttributes(poolId: string, usernameKey: string, change: { set?: Record<string, string>; remove?: string[]; addAliases?: string[]; dropAliases?: string[]; updatedAt: number }): Promise<Conflict | undefined> {
      return db.transaction().execute(async (trx) => {
        if (change.remove?.length) {
          await trx.deleteFrom('user_attributes').where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('name', 'in', change.remove).execute();
        }
        if (change.set) await writeAttributes(trx, poolId, usernameKey, change.set);
        if (change.dropAliases?.length) {
          await trx.deleteFrom('user_aliases').where('pool_id', '=', poolId).where('username_key', '=', usernameKey).where('alias_key', 'in', change.dropAliases).execute();
        }
        if (change.addAliases?.length && !(await insertAliases(trx, poolId, usernameKey, change.addAliases))) return rollback('alias');
        await trx.updateTable('users').set({ updated_at: change.updatedAt }).where('pool_id', '=', poolId).where('username_key', '=', usernameKey).execute();
        return undefined;
      }).catch(unwrapRollback);
    },

    /** The user's alias keys. */
    async aliases(poolId: string, usernameKey: string): Promise<string[]> {
      const rows = await db.selectFrom('user_aliases').select('alias_key').where('pool_id', '=', poolId).where('username_key', '=', usernameKey).execute();
      return rows.map((row) => row.alias_key);
    },

    async remove(poolId: string, usernameKey: string): Promise<boolean> {
      const result = await db.deleteFrom('users').where('pool_id', '=', poolId).where('username_key', '=', usernameKey).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async count(poolId: string): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('pool_id', '=', poolId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Users in username order after `after`, optionally filtered by one column or attribute, `=` or prefix. */
    async list(poolId: string, options: { after?: string; limit: number; filter?: UserFilter }): Promise<UserRecord[]> {
      let query = db.selectFrom('users').selectAll('users').where('users.pool_id', '=', poolId).orderBy('users.username_key').limit(options.limit);
      if (options.after !== undefined) query = query.where('users.username_key', '>', options.after);
      const filter = options.filter;
      if (filter && filter.on === 'column') {
        query = filter.prefix ? query.where(filter.column, '>=', filter.value).where(filter.column, '<', prefixEnd(filter.value)) : query.where(filter.column, '=', filter.value);
      } else if (filter && filter.on === 'enabled') {
        query = query.where('users.enabled', '=', filter.enabled ? 1 : 0);
      } else if (filter) {
        let matches = db.selectFrom('user_attributes').select('username_key').where('pool_id', '=', poolId).where('name', '=', filter.attribute);
        matches = filter.prefix ? matches.where('value', '>=', filter.value).where('value', '<', prefixEnd(filter.value)) : matches.where('value', '=', filter.value);
        query = query.where('users.username_key', 'in', matches);
      }
      const rows = (await query.execute()) as UserRow[];
      return withAttributes(db, poolId, rows);
    },

    /** False when the group or the user is no longer there (deleted since the caller looked). */
    async addToGroup(poolId: string, groupName: string, usernameKey: string, now: number): Promise<boolean> {
      try {
        await db.insertInto('user_groups').values({ pool_id: poolId, group_name: groupName, username_key: usernameKey, created_at: now })
          .onConflict((oc) => oc.doNothing()).execute();
        return true;
      } catch (error) {
        if (isForeignKeyViolation(error)) return false;
        throw error;
      }
    },

    async removeFromGroup(poolId: string, groupName: string, usernameKey: string): Promise<void> {
      await db.deleteFrom('user_groups').where('pool_id', '=', poolId).where('group_name', '=', groupName).where('username_key', '=', usernameKey).execute();
    },

    /** The names of the user's groups, by name. */
    async groupNames(poolId: string, usernameKey: string): Promise<string[]> {
      const rows = await db.selectFrom('user_groups').select('group_name').where('pool_id', '=', poolId).where('username_key', '=', usernameKey).orderBy('group_name').execute();
      return rows.map((row) => row.group_name);
    },

    /** Members of a group in username order after `after`. */
    async listInGroup(poolId: string, groupName: string, options: { after?: string; limit: number }): Promise<UserRecord[]> {
      let query = db.selectFrom('users').innerJoin('user_groups as g', (join) => join.onRef('g.pool_id', '=', 'users.pool_id').onRef('g.username_key', '=', 'users.username_key'))
        .selectAll('users').where('users.pool_id', '=', poolId).where('g.group_name', '=', groupName).orderBy('users.username_key').limit(options.limit);
      if (options.after !== undefined) query = query.where('users.username_key', '>', options.after);
      const rows = (await query.execute()) as UserRow[];
      return withAttributes(db, poolId, rows);
    },
  };
}

export type UserFilter =
  | { on: 'column'; column: 'users.username_key' | 'users.username' | 'users.status' | 'users.sub'; value: string; prefix: boolean }
  | { on: 'enabled'; enabled: boolean }
  | { on: 'attribute'; attribute: string; value: string; prefix: boolean };

export type UsersRepository = ReturnType<typeof usersRepository>;

/** The smallest string greater than every string that starts with the prefix. */
const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

class Rollback extends Error {
  constructor(readonly conflict: Conflict) {
    super(conflict);
  }
}
function rollback(conflict: Conflict): never {
  throw new Rollback(conflict);
}
function unwrapRollback(error: unknown): Conflict {
  if (error instanceof Rollback) return error.conflict;
  throw error;
}

async function insertAliases(trx: Executor, poolId: string, usernameKey: string, aliasKeys: string[]): Promise<boolean> {
  if (aliasKeys.length === 0) return true;
  try {
    await trx.insertInto('user_aliases').values(aliasKeys.map((alias_key) => ({ pool_id: poolId, alias_key, username_key: usernameKey }))).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function writeAttributes(trx: Executor, poolId: string, usernameKey: string, attributes: Record<string, string>): Promise<void> {
  const rows = Object.entries(attributes).map(([name, value]) => ({ pool_id: poolId, username_key: usernameKey, name, value }));
  if (rows.length === 0) return;
  await trx.insertInto('user_attributes').values(rows)
    .onConflict((oc) => oc.columns(['pool_id', 'username_key', 'name']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
}

/** One user and its attributes in one query (a row per attribute): the hot path of every sign-in and admin read. */
async function findOne(db: Db, poolId: string, column: 'users.username_key' | 'users.sub', value: string): Promise<UserRecord | undefined> {
  const rows = await db.selectFrom('users')
    .leftJoin('user_attributes as a', (join) => join.onRef('a.pool_id', '=', 'users.pool_id').onRef('a.username_key', '=', 'users.username_key'))
    .selectAll('users').select(['a.name as attribute_name', 'a.value as attribute_value'])
    .where('users.pool_id', '=', poolId).where(column, '=', value).orderBy('a.name').execute();
  if (rows.length === 0) return undefined;
  const attributes: Record<string, string> = {};
  for (const row of rows) if (row.attribute_name !== null) attributes[row.attribute_name] = row.attribute_value!;
  return toRecord(rows[0] as unknown as UserRow, attributes);
}

/** Users of one pool with their attributes, fetched in one query for the whole page. */
async function withAttributes(db: Db, poolId: string, rows: UserRow[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const attributes = await db.selectFrom('user_attributes').select(['username_key', 'name', 'value'])
    .where('pool_id', '=', poolId).where('username_key', 'in', rows.map((row) => row.username_key)).orderBy('name').execute();
  const byUser = new Map<string, Record<string, string>>(rows.map((row) => [row.username_key, {}]));
  for (const attribute of attributes) byUser.get(attribute.username_key)![attribute.name] = attribute.value;
  return rows.map((row) => toRecord(row, byUser.get(row.username_key)!));
}

function toRecord(row: UserRow, attributes: Record<string, string>): UserRecord {
  return {
    poolId: row.pool_id, username: row.username, usernameKey: row.username_key, sub: row.sub, status: row.status as UserStatus,
    enabled: Number(row.enabled) === 1, passwordHash: row.password_hash, srpSalt: row.srp_salt, srpVerifier: row.srp_verifier,
    passwordSetAt: row.password_set_at === null ? null : Number(row.password_set_at),
    failedSignIns: Number(row.failed_sign_ins), lockedUntil: Number(row.locked_until), mfaSettings: row.mfa_settings,
    createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
    attributes,
  };
}

function toColumns(changes: Parameters<UsersRepository['update']>[2]) {
  return {
    ...(changes.status !== undefined && { status: changes.status }),
    ...(changes.enabled !== undefined && { enabled: changes.enabled ? 1 : 0 }),
    ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
    ...(changes.srpSalt !== undefined && { srp_salt: changes.srpSalt }),
    ...(changes.srpVerifier !== undefined && { srp_verifier: changes.srpVerifier }),
    ...(changes.passwordSetAt !== undefined && { password_set_at: changes.passwordSetAt }),
    ...(changes.failedSignIns !== undefined && { failed_sign_ins: changes.failedSignIns }),
    ...(changes.lockedUntil !== undefined && { locked_until: changes.lockedUntil }),
    ...(changes.mfaSettings !== undefined && { mfa_settings: changes.mfaSettings }),
    ...(changes.updatedAt !== undefined && { updated_at: changes.updatedAt }),
  };
}
