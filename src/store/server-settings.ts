/** Small named values the server keeps for itself (generated admin credentials, ...). */
import type { Db } from './database.js';
import { isUniqueViolation } from './sql-errors.js';

export function serverSettingsRepository(db: Db) {
  return {
    async get(name: string): Promise<string | undefined> {
      const row = await db.selectFrom('server_settings').select('value').where('name', '=', name).executeTakeFirst();
      return row?.value;
    },

    /** Stores the value unless one exists; returns whichever value is stored afterwards. */
    async putIfAbsent(name: string, value: string): Promise<string> {
      try {
        await db.insertInto('server_settings').values({ name, value }).execute();
        return value;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return (await this.get(name))!;
      }
    },
  };
}
