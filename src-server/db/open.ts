import { closeSync, existsSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateServer } from './migrations.js';
import type { ServerDatabase } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** The server's database, whichever engine holds it. */
export interface ServerDb {
  db: Kysely<ServerDatabase>;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL's bigint (OID 20) and numeric counts arrive as text by default: sequences and
// counts stay far below 2^53, so they are read as numbers.
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : (pg.types.getTypeParser as (o: number, f?: 'text' | 'binary') => unknown)(oid, format),
};

/** True for a PostgreSQL connection string (`postgres://…`, `postgresql://…`); anything else is an SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/**
 * Opens (and migrates) the server's database: `postgres://…` or `postgresql://…` for
 * PostgreSQL, anything else is an SQLite file path (WAL, synchronous=FULL: a commit survives a
 * power cut). `schema` puts PostgreSQL's tables in their own schema (the tests' isolation).
 */
export async function openServerDb(location: string, options: { schema?: string } = {}): Promise<ServerDb> {
  if (isPostgresLocation(location)) {
    const pool = new pg.Pool({
      connectionString: location,
      max: 10,
      types: pgTypes as pg.CustomTypesConfig,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    if (options.schema) {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
      } finally {
        client.release();
      }
    }
    const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
    await migrateServer(db as Kysely<unknown>, 'postgres', options.schema);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  // It holds members' keys: for the server's account alone (SQLite gives its -wal and -shm the same).
  if (location !== ':memory:' && !existsSync(location)) closeSync(openSync(location, 'wx', 0o600));
  const sqlite = new BetterSqlite3(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateServer(db as Kysely<unknown>, 'sqlite');
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
