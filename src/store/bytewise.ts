/**
 * A text column compared by bytes on either engine. SQLite always compares text bytewise;
 * PostgreSQL compares by the database's default collation (ICU en-US puts 'a' before 'B' and '_x'
 * before letters) unless told `collate "C"`. Ordered and ranged queries over names whose column
 * was created without `collate "C"` use this, so that they sort and page the same everywhere.
 */
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { Db } from './database.js';

export function bytewise(db: Db, column: string): RawBuilder<string> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql<string>`${sql.ref(column)} collate "C"` : sql<string>`${sql.ref(column)}`;
}
