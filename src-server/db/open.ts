import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { ComptoirError } from '../../src-shared/errors.js';
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
 * With `create: false` (the commands that only read or change a database) a missing file or
 * schema is refused rather than made.
 *
 * @throws INVALID_INPUT for a schema name PostgreSQL would change; SERVER_DATABASE_NOT_FOUND; SERVER_DATABASE_UNUSABLE (a folder, not SQLite, no room);
 *   NOT_A_SERVER_DATABASE (a desk's file, say: left untouched).
 */
export async function openServerDb(location: string, options: { schema?: string; create?: boolean } = {}): Promise<ServerDb> {
  const create = options.create ?? true;
  if (isPostgresLocation(location)) {
    // PostgreSQL folds an unquoted name to lower case: a name it would change could never be found again.
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new ComptoirError('INVALID_INPUT', {
        fr: `le schéma PostgreSQL « ${options.schema} » n'est pas un nom permis (lettres minuscules sans accents, chiffres et _, au plus 63, sans chiffre au début). Rien n'a été ouvert.`,
        en: `the PostgreSQL schema "${options.schema}" is not an allowed name (lower-case letters without accents, digits and _, at most 63, not starting with a digit). Nothing was opened.`,
      });
    }
    const pool = new pg.Pool({
      connectionString: location,
      max: 10,
      types: pgTypes as pg.CustomTypesConfig,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    if (options.schema) {
      const client = await pool.connect();
      let missing: boolean;
      try {
        missing = (await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [options.schema])).rowCount === 0;
        if (!missing || create) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      } finally {
        client.release();
      }
      if (missing && !create) {
        await pool.end();
        throw new ComptoirError('SERVER_DATABASE_NOT_FOUND', { file: `${location} (schéma ${options.schema})` });
      }
    }
    const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
    await migrateServer(db as Kysely<unknown>, 'postgres', options.schema);
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (location !== ':memory:' && !existsSync(location)) {
    if (!create) throw new ComptoirError('SERVER_DATABASE_NOT_FOUND', { file: location });
    // It holds members' keys: for the server's account alone (SQLite gives its -wal and -shm the same).
    try {
      mkdirSync(dirname(location), { recursive: true });
      closeSync(openSync(location, 'wx', 0o600));
    } catch (error) {
      throw new ComptoirError('SERVER_DATABASE_UNUSABLE', { file: location, reason: (error as Error).message });
    }
  }
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(location);
    // A desk's file, or anything else with tables of its own, is not migrated into a server's.
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length > 0 && !tables.includes('server_migration')) {
      sqlite.close();
      throw new ComptoirError('NOT_A_SERVER_DATABASE', { file: location });
    }
  } catch (error) {
    if (error instanceof ComptoirError) throw error;
    throw new ComptoirError('SERVER_DATABASE_UNUSABLE', { file: location, reason: (error as Error).message });
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateServer(db as Kysely<unknown>, 'sqlite');
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
