/**
 * Users' devices (device tracking): issued at sign-in as NewDeviceMetadata, confirmed with the
 * device's SRP verifier (ConfirmDevice), remembered or not, and listed in key order.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bytewise = db.getExecutor().adapter instanceof PostgresAdapter ? sql`collate "C"` : sql``;
  await db.schema.createTable('devices')
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('device_key', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('device_group_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    /** The device's SRP salt and verifier in hex, from ConfirmDevice; null until confirmed. */
    .addColumn('salt', 'text')
    .addColumn('verifier', 'text')
    /** 'remembered' or 'not_remembered'; null until confirmed. */
    .addColumn('remembered_status', 'text')
    .addColumn('last_ip', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_authenticated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('devices_pk', ['pool_id', 'device_key'])
    .addForeignKeyConstraint('devices_user_fk', ['pool_id', 'username_key'], 'users', ['pool_id', 'username_key'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('devices_by_user').on('devices').columns(['pool_id', 'username_key', 'device_key']).execute();
}
