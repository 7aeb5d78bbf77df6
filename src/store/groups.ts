/** User pool groups: a name unique in its pool, with an optional description, IAM role and precedence. */
import { bytewise } from './bytewise.js';
import type { Db } from './database.js';
import type { GroupTable } from './schema.js';

export interface GroupRecord {
  poolId: string;
  groupName: string;
  description: string | undefined;
  roleArn: string | undefined;
  precedence: number | undefined;
  createdAt: number;
  updatedAt: number;
}

/** The members UpdateGroup may change; an absent member stays as it is. */
export type GroupChanges = Partial<Pick<GroupRecord, 'description' | 'roleArn' | 'precedence'>> & { updatedAt: number };

export function groupsRepository(db: Db) {
  return {
    /** Throws a unique violation when the pool already has a group of that name. */
    async insert(group: GroupRecord): Promise<void> {
      await db.insertInto('groups').values({
        pool_id: group.poolId, group_name: group.groupName, description: group.description ?? null, role_arn: group.roleArn ?? null,
        precedence: group.precedence ?? null, created_at: group.createdAt, updated_at: group.updatedAt,
      }).execute();
    },

    async find(poolId: string, groupName: string): Promise<GroupRecord | undefined> {
      const row = await db.selectFrom('groups').selectAll().where('pool_id', '=', poolId).where('group_name', '=', groupName).executeTakeFirst();
      return row && toRecord(row);
    },

    /** The pool's groups in name order after the given name, as many as asked. */
    async listAfter(poolId: string, after: string | undefined, limit: number): Promise<GroupRecord[]> {
      const name = bytewise(db, 'group_name');
      let query = db.selectFrom('groups').selectAll().where('pool_id', '=', poolId).orderBy(name).limit(limit);
      if (after !== undefined) query = query.where(name, '>', after);
      return (await query.execute()).map(toRecord);
    },

    /** Applies the given changes; undefined when the group does not exist. */
    async update(poolId: string, groupName: string, changes: GroupChanges): Promise<GroupRecord | undefined> {
      const result = await db.updateTable('groups')
        .set({
          updated_at: changes.updatedAt,
          ...(changes.description !== undefined ? { description: changes.description } : {}),
          ...(changes.roleArn !== undefined ? { role_arn: changes.roleArn } : {}),
          ...(changes.precedence !== undefined ? { precedence: changes.precedence } : {}),
        })
        .where('pool_id', '=', poolId).where('group_name', '=', groupName)
        .returningAll().executeTakeFirst();
      return result && toRecord(result);
    },

    /** The groups a user belongs to, in name order after the given name, as many as asked. */
    async listForUser(poolId: string, usernameKey: string, after: string | undefined, limit: number): Promise<GroupRecord[]> {
      const name = bytewise(db, 'groups.group_name');
      let query = db.selectFrom('groups')
        .innerJoin('user_groups as m', (join) => join.onRef('m.pool_id', '=', 'groups.pool_id').onRef('m.group_name', '=', 'groups.group_name'))
        .selectAll('groups').where('groups.pool_id', '=', poolId).where('m.username_key', '=', usernameKey).orderBy(name).limit(limit);
      if (after !== undefined) query = query.where(name, '>', after);
      return (await query.execute()).map(toRecord);
    },

    async remove(poolId: string, groupName: string): Promise<boolean> {
      const result = await db.deleteFrom('groups').where('pool_id', '=', poolId).where('group_name', '=', groupName).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toRecord(row: GroupTable): GroupRecord {
  return {
    poolId: row.pool_id, groupName: row.group_name, description: row.description ?? undefined, roleArn: row.role_arn ?? undefined,
    precedence: row.precedence === null ? undefined : Number(row.precedence),
    createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
  };
}

export type GroupsRepository = ReturnType<typeof groupsRepository>;
