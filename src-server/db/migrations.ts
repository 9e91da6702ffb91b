import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './open.js';

/**
 * The server's migrations, for SQLite and PostgreSQL alike: new ones are added at the end, a
 * shipped one never changes (a database already holds its result). Types differ only where the
 * dialects do: sequences are bigint on PostgreSQL, integer on SQLite.
 */
export function serverMigrations(dialect: Dialect): Record<string, Migration> {
  const seqType = dialect === 'postgres' ? 'bigint' : 'integer';
  const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0001-clubs-desks-log': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('club')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('settings_json', 'text', (c) => c.notNull())
          .addColumn('head_seq', seqType, (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('desk')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('receipt_prefix', 'text', (c) => c.notNull())
          .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .addUniqueConstraint('desk_receipt_prefix_unique', ['club_id', 'receipt_prefix'])
          .execute();
        await db.schema
          .createTable('enrollment_code')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('desk_name', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addColumn('desk_id', 'text', (c) => c.references('desk.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('desk_chain')
          .addColumn('desk_id', 'text', (c) => c.primaryKey().references('desk.id'))
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('last_seq', seqType, (c) => c.notNull())
          .addColumn('last_hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('operation')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('server_seq', seqType, (c) => c.notNull())
          .addColumn('desk_id', 'text', (c) => c.notNull().references('desk.id'))
          .addColumn('desk_seq', seqType, (c) => c.notNull())
          .addColumn('operation_id', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity_type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('before_json', 'text')
          .addColumn('after_json', 'text')
          .addColumn('op_version', 'integer')
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('operation_pk', ['club_id', 'server_seq'])
          .addUniqueConstraint('operation_id_unique', ['club_id', 'operation_id'])
          .addUniqueConstraint('operation_desk_seq_unique', ['desk_id', 'desk_seq'])
          .execute();
        await db.schema
          .createTable('member_key')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('member_key_pk', ['club_id', 'member_id'])
          .execute();
        await db.schema
          .createTable('member_number_block')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('desk_id', 'text', (c) => c.notNull().references('desk.id'))
          .addColumn('first', 'integer', (c) => c.notNull())
          .addColumn('last', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('member_number_block_first_unique', ['club_id', 'first'])
          .addCheckConstraint('member_number_block_range', sql`"first" <= "last"`)
          .execute();
        await db.schema
          .createTable('chain_problem')
          .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('desk_id', 'text', (c) => c.notNull().references('desk.id'))
          .addColumn('seq', seqType, (c) => c.notNull())
          .addColumn('problem', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002-decisions': {
      // What the server needs to decide conflicts (docs/SYNC.md): each member's periods, each
      // activity's capacity and registrations, kept from the operations as they arrive.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('server_period')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('order_line_id', 'text', (c) => c.notNull())
          .addColumn('starts_on', 'text', (c) => c.notNull())
          .addColumn('ends_on', 'text', (c) => c.notNull())
          .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('server_period_pk', ['club_id', 'id'])
          .execute();
        await db.schema.createIndex('server_period_member').on('server_period').columns(['club_id', 'member_id']).execute();
        await db.schema
          .createTable('server_activity')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('capacity', 'integer')
          .addPrimaryKeyConstraint('server_activity_pk', ['club_id', 'id'])
          .execute();
        await db.schema
          .createTable('server_registration')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('activity_id', 'text', (c) => c.notNull())
          .addColumn('member_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text')
          .addPrimaryKeyConstraint('server_registration_pk', ['club_id', 'id'])
          .execute();
        await db.schema.createIndex('server_registration_activity').on('server_registration').columns(['club_id', 'activity_id', 'status']).execute();
        // An operation that reached the server after its business day: kept, and marked late for
        // the treasurer, whose day may already be reconciled.
        await db.schema.alterTable('operation').addColumn('late_for', 'text').execute();
      },
    },
    '0003-club-snapshot': {
      // A new desk starts from a snapshot of the club, then pulls the tail (docs/SYNC.md,
      // Bootstrap). The snapshot is a desk-schema SQLite file, gzipped, kept in the database so
      // that any server process serves it, in chunks a route streams one by one; only the latest
      // two are kept.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('club_snapshot')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('server_seq', seqType, (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('bytes', seqType, (c) => c.notNull())
          .addColumn('gzipped_bytes', seqType, (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('chunks', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('club_snapshot_pk', ['club_id', 'server_seq'])
          .execute();
        await db.schema
          .createTable('club_snapshot_chunk')
          .addColumn('club_id', 'text', (c) => c.notNull())
          .addColumn('server_seq', seqType, (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
          .addPrimaryKeyConstraint('club_snapshot_chunk_pk', ['club_id', 'server_seq', 'n'])
          .addForeignKeyConstraint('club_snapshot_chunk_snapshot', ['club_id', 'server_seq'], 'club_snapshot', ['club_id', 'server_seq'], (fk) => fk.onDelete('cascade'))
          .execute();
        // Who builds the club's next snapshot, until when: one builder at a time, whichever process.
        await db.schema
          .createTable('club_snapshot_build')
          .addColumn('club_id', 'text', (c) => c.primaryKey().references('club.id'))
          .addColumn('holder', 'text')
          .addColumn('expires_at', 'text')
          .execute();
      },
    },
    '0004-members-and-emails': {
      // Members' details as the club's log leaves them (field-level last writer wins, like the
      // desks), and the emails the server sends for the desks (docs/SYNC.md, Email).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('server_member')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('number', 'integer', (c) => c.notNull())
          // Null once the member is erased: the details go, the number and the id stay.
          .addColumn('details_json', 'text')
          .addColumn('field_stamps', 'text', (c) => c.notNull())
          .addColumn('erased_at', 'text')
          .addPrimaryKeyConstraint('server_member_pk', ['club_id', 'id'])
          .execute();
        await db.schema
          .createTable('email_message')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('operation_id', 'text', (c) => c.notNull())
          .addColumn('order_id', 'text', (c) => c.notNull())
          .addColumn('order_line_id', 'text')
          .addColumn('member_id', 'text')
          .addColumn('receipt_number', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'text', (c) => c.notNull())
          .addColumn('claimed_until', 'text')
          .addColumn('failure', 'text')
          .addColumn('smtp_code', 'integer')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('finished_at', 'text')
          .addPrimaryKeyConstraint('email_message_pk', ['club_id', 'id'])
          .execute();
        await db.schema.createIndex('email_message_due').on('email_message').columns(['status', 'next_attempt_at']).execute();
        await db.schema
          .createTable('email_attachment')
          .addColumn('club_id', 'text', (c) => c.notNull().references('club.id'))
          .addColumn('email_id', 'text', (c) => c.notNull())
          .addColumn('filename', 'text', (c) => c.notNull())
          .addColumn('content_base64', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('email_attachment_pk', ['club_id', 'email_id'])
          .execute();
      },
    },
    '0005-sealed-member-details': {
      // A member's personal details stay sealed with the member's key in the server's copy, as
      // the desk logged them: a push stores them without opening them, and erasure (the key
      // destroyed) leaves them unreadable. The operation id the box is bound to.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('server_member').addColumn('sealed_by', 'text').execute();
      },
    },
    '0006-enrollment-attempts': {
      // The attempt that used a code: a desk whose answer was lost asks again with the same one.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('enrollment_code').addColumn('attempt_hash', 'text').execute();
      },
    },
    '0007-member-keys-in-members': {
      // Each member's key in the member's row (one write per new member, not two). Every key is
      // carried over; a key whose member the server did not follow (written before 0004) gets a
      // row of its own, number 0, details unknown.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('server_member').addColumn('key', 'text').execute();
        await sql`UPDATE server_member SET key = (SELECT k.key FROM member_key k WHERE k.club_id = server_member.club_id AND k.member_id = server_member.id)`.execute(db);
        await sql`INSERT INTO server_member (club_id, id, number, details_json, sealed_by, field_stamps, erased_at, key)
          SELECT k.club_id, k.member_id, 0, NULL, NULL, '{}', NULL, k.key FROM member_key k
          WHERE NOT EXISTS (SELECT 1 FROM server_member m WHERE m.club_id = k.club_id AND m.id = k.member_id)`.execute(db);
        await db.schema.dropTable('member_key').execute();
      },
    },
  };
}

/**
 * Brings the database to the latest schema. Two server processes starting at once on one
 * PostgreSQL are safe: Kysely's migrator takes a lock.
 *
 * @throws the migration's error when one fails (the failed migration is rolled back).
 */
export async function migrateServer(db: Kysely<unknown>, dialect: Dialect, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => serverMigrations(dialect) },
    migrationTableName: 'server_migration',
    migrationLockTableName: 'server_migration_lock',
    // Named, since Kysely looks for its tables in every schema it can see.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
