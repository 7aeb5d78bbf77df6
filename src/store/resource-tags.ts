/**
 * Tags of any resource Gatehouse names with an ARN (user pools now, identity pools later), keyed by
 * that ARN. Limits are the caller's rule; this repository only applies them atomically.
 */
import type { Db } from './database.js';

export type Tags = Record<string, string>;

export function resourceTagsRepository(db: Db) {
  return {
    async list(arn: string): Promise<Tags> {
      const rows = await db.selectFrom('resource_tags').select(['tag_key', 'tag_value'])
        .where('resource_arn', '=', arn).orderBy('tag_key').execute();
      return Object.fromEntries(rows.map((row) => [row.tag_key, row.tag_value]));
    },

    /** Adds or overwrites tags unless the resource would then carry more than `limit`; false when it would. */
    async put(arn: string, tags: Tags, limit: number): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('resource_tags').select('tag_key').where('resource_arn', '=', arn).execute();
        const keys = new Set([...existing.map((row) => row.tag_key), ...Object.keys(tags)]);
        if (keys.size > limit) return false;
        await upsert(trx, arn, tags);
        return true;
      });
    },

    /** Makes `tags` the resource's whole tag set. */
    async replace(arn: string, tags: Tags): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('resource_tags').where('resource_arn', '=', arn).execute();
        await upsert(trx, arn, tags);
      });
    },

    async remove(arn: string, keys: readonly string[]): Promise<void> {
      if (keys.length === 0) return;
      await db.deleteFrom('resource_tags').where('resource_arn', '=', arn).where('tag_key', 'in', [...keys]).execute();
    },

    async removeAll(arn: string): Promise<void> {
      await db.deleteFrom('resource_tags').where('resource_arn', '=', arn).execute();
    },
  };
}

async function upsert(db: Db, arn: string, tags: Tags): Promise<void> {
  const rows = Object.entries(tags).map(([key, value]) => ({ resource_arn: arn, tag_key: key, tag_value: value }));
  if (rows.length === 0) return;
  await db.insertInto('resource_tags').values(rows)
    .onConflict((conflict) => conflict.columns(['resource_arn', 'tag_key']).doUpdateSet((eb) => ({ tag_value: eb.ref('excluded.tag_value') })))
    .execute();
}

export type ResourceTagsRepository = ReturnType<typeof resourceTagsRepository>;
