import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openServerDb, type Dialect } from '../../src-server/db/open.js';
import { serverMigrations } from '../../src-server/db/migrations.js';
import { tempFolder } from '../helpers.js';
import { DIALECTS, POSTGRES_URL, testSchemaName } from './harness.js';

/** A server database left by an earlier version: migrated up to `last`, no further. */
async function earlierDatabase(dialect: Dialect, last: string) {
  const schema = testSchemaName();
  const location = dialect === 'sqlite' ? join(tempFolder(), 'serveur.sqlite') : POSTGRES_URL;
  const db =
    dialect === 'sqlite'
      ? new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(location) }) })
      : new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location, options: `-c search_path=${schema}`, max: 1 }) }) });
  if (dialect === 'postgres') await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
  const all = serverMigrations(dialect);
  const upTo = Object.fromEntries(Object.entries(all).filter(([name]) => name <= last));
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => upTo },
    migrationTableName: 'server_migration',
    migrationLockTableName: 'server_migration_lock',
    ...(dialect === 'postgres' ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { db, location, ...(dialect === 'postgres' ? { schema } : {}) };
}

describe.each(DIALECTS)('a server database of an earlier version, on %s', (dialect) => {
  it('keeps every member key when keys move into the members’ rows, those of members it never followed included', async () => {
    const earlier = await earlierDatabase(dialect, '0006-enrollment-attempts');
    const at = '2026-11-30T15:00:00.000Z';
    await sql`INSERT INTO club (id, slug, name, settings_json, head_seq, created_at) VALUES ('c1', 'demo', 'Club', '{}', 0, ${at})`.execute(earlier.db);
    for (const [id, erased] of [['keyed', null], ['keyless', null], ['erased', at]] as const) {
      await sql`INSERT INTO server_member (club_id, id, number, details_json, sealed_by, field_stamps, erased_at) VALUES ('c1', ${id}, 100001, ${erased ? null : '{}'}, NULL, '{}', ${erased})`.execute(earlier.db);
    }
    for (const id of ['keyed', 'unfollowed']) await sql`INSERT INTO member_key (club_id, member_id, key, created_at) VALUES ('c1', ${id}, ${`key-of-${id}`}, ${at})`.execute(earlier.db);
    await earlier.db.destroy();

    const sdb = await openServerDb(earlier.location, earlier.schema ? { schema: earlier.schema } : {});
    try {
      const members = await sdb.db.selectFrom('server_member').select(['id', 'number', 'key', 'erased_at']).orderBy('id').execute();
      expect(members).toEqual([
        { id: 'erased', number: 100001, key: null, erased_at: at },
        { id: 'keyed', number: 100001, key: 'key-of-keyed', erased_at: null },
        { id: 'keyless', number: 100001, key: null, erased_at: null },
        { id: 'unfollowed', number: 0, key: 'key-of-unfollowed', erased_at: null },
      ]);
    } finally {
      await sdb.close();
    }
  });
});
