import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ComptoirError } from '../../src-shared/errors.js';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateServer } from './migrations.js';
import type { ServerDatabase } from './schema.js';
import { makeFolders, removeFolders } from '../../src-main/db/folders.js';
import { serverDatabaseFailure, shownLocation } from './failures.js';
import { checkLocation, isPostgresLocation } from './location.js';

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

export { isPostgresLocation } from './location.js';

/**
 * Opens (and migrates) the server's database: `postgres://…` or `postgresql://…` for
 * PostgreSQL, anything else is an SQLite file path (WAL, synchronous=FULL: a commit survives a
 * power cut). `schema` puts PostgreSQL's tables in their own schema (the tests' isolation).
 * With `create: false` (the commands that only read or change a database) a missing file or
 * schema is refused rather than made.
 *
 * @throws INVALID_INPUT for a schema with an SQLite file, or a schema name PostgreSQL would change or keeps
 *   for itself; SERVER_DATABASE_NOT_FOUND; SERVER_DATABASE_UNUSABLE (a folder, no room, PostgreSQL
 *   unreachable or refusing, in French: db/failures.ts); the desk's SQLite errors (busy, damaged…);
 *   NOT_A_SERVER_DATABASE (a desk's file, say: left untouched).
 */
export async function openServerDb(location: string, options: { schema?: string; create?: boolean } = {}): Promise<ServerDb> {
  const create = options.create ?? true;
  checkLocation(location);
  if (!isPostgresLocation(location)) {
    if (options.schema !== undefined) {
      throw new ComptoirError('INVALID_INPUT', {
        fr: `un schéma (« ${options.schema} ») ne vaut que pour une base PostgreSQL, et ${shownLocation(location)} est un fichier SQLite. Rien n'a été ouvert.`,
        en: `a schema ("${options.schema}") applies only to a PostgreSQL database, and ${shownLocation(location)} is an SQLite file. Nothing was opened.`,
      });
    }
    return openSqlite(location, create);
  }
  if (options.schema !== undefined) {
    checkSchemaName(options.schema);
    // libpq's own `options` in the address would set the search path instead of --schema.
    if (addressHasOptions(location)) {
      throw new ComptoirError('INVALID_INPUT', {
        fr: `l'adresse de la base a ses propres options (options=…), qui choisiraient un autre schéma que « ${options.schema} » : retirez-les, ou n'indiquez pas de schéma. Rien n'a été ouvert.`,
        en: `the database address has options of its own (options=…), which would choose another schema than "${options.schema}": remove them, or give no schema. Nothing was opened.`,
      });
    }
  }
  const pool = new pg.Pool({
    connectionString: location,
    max: 10,
    types: pgTypes as pg.CustomTypesConfig,
    // Quoted here and below: a name such as « user » or « order » is a keyword to PostgreSQL.
    ...(options.schema ? { options: `-c search_path="${options.schema}"` } : {}),
  });
  // The pool reports a connection that fails while idle here; the next query reports it too.
  pool.on('error', () => {});
  const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (options.schema) {
      const exists = await sql`SELECT 1 FROM information_schema.schemata WHERE schema_name = ${options.schema}`.execute(db);
      if (exists.rows.length === 0 && !create) throw new ComptoirError('SERVER_DATABASE_NOT_FOUND', { file: `${shownLocation(location)} (schéma ${options.schema})` });
      await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(options.schema)}`.execute(db);
    }
    await migrateServer(db as Kysely<unknown>, 'postgres', options.schema);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw serverDatabaseFailure(error, location);
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Whether a PostgreSQL address sets libpq's `options` (its parameter names read decoded, as pg reads them). */
function addressHasOptions(location: string): boolean {
  try {
    return [...new URL(location).searchParams.keys()].some((name) => name.toLowerCase() === 'options');
  } catch {
    // Not readable as an address: pg will say so when it connects.
    return /options/i.test(decodeURIComponent(location.replace(/%(?![0-9a-f]{2})/gi, '%25')));
  }
}

/**
 * Refuses a PostgreSQL schema name the server could not find again or should not write into:
 * one PostgreSQL would fold to lower case (it does so for unquoted names, and Kysely quotes
 * them), or one PostgreSQL keeps for itself (`pg_…`, `information_schema`).
 *
 * @throws INVALID_INPUT, in French.
 */
function checkSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ComptoirError('INVALID_INPUT', {
      fr: `le schéma PostgreSQL « ${schema} » n'est pas un nom permis (lettres minuscules sans accents, chiffres et _, au plus 63, sans chiffre au début). Rien n'a été ouvert.`,
      en: `the PostgreSQL schema "${schema}" is not an allowed name (lower-case letters without accents, digits and _, at most 63, not starting with a digit). Nothing was opened.`,
    });
  }
  if (schema.startsWith('pg_') || schema === 'information_schema') {
    throw new ComptoirError('INVALID_INPUT', {
      fr: `le schéma « ${schema} » est réservé à PostgreSQL (pg_…, information_schema) : choisissez un autre nom. Rien n'a été ouvert.`,
      en: `the schema "${schema}" is PostgreSQL's own (pg_…, information_schema): choose another name. Nothing was opened.`,
    });
  }
}

/** An SQLite server database: made (with its folder) when missing and `create` allows, then migrated. */
async function openSqlite(location: string, create: boolean): Promise<ServerDb> {
  let made: string[] = [];
  let madeFile = false;
  // Refused: whatever was made for it goes again.
  const unmake = () => {
    if (madeFile) for (const suffix of ['', '-wal', '-shm']) rmSync(`${location}${suffix}`, { force: true });
    removeFolders(made);
  };
  if (location !== ':memory:' && !existsSync(location)) {
    if (!create) throw new ComptoirError('SERVER_DATABASE_NOT_FOUND', { file: location });
    // It holds members' keys: for the server's account alone (SQLite gives its -wal and -shm the same).
    try {
      made = makeFolders(dirname(location));
      closeSync(openSync(location, 'wx', 0o600));
      madeFile = true;
    } catch (error) {
      unmake();
      throw serverDatabaseFailure(error, location);
    }
  }
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    // SQLite would only say it cannot open it.
    if (statSync(location, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(`${location} is a folder`), { code: 'EISDIR' });
    sqlite = new BetterSqlite3(location);
    // A desk's file, or anything else with tables of its own, is not migrated into a server's.
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length > 0 && !tables.includes('server_migration')) throw new ComptoirError('NOT_A_SERVER_DATABASE', { file: location });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateServer(db as Kysely<unknown>, 'sqlite');
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  } catch (error) {
    sqlite?.close();
    unmake();
    throw serverDatabaseFailure(error, location);
  }
}
