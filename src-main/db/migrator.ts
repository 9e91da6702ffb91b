import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { migrations, type Migration } from '../../migrations/index.js';
import { ComptoirError } from '../../src-shared/errors.js';

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;

/** The highest migration a database has run, 0 for a new file. */
export function schemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** Throws DATABASE_TOO_NEW, having read only the header, when a newer Comptoir wrote this file. */
export function refuseNewerDatabase(sqlite: BetterSqlite3.Database, all: readonly Migration[] = migrations): number {
  const latest = all.at(-1)?.version ?? 0;
  const found = schemaVersion(sqlite);
  if (found > latest) throw new ComptoirError('DATABASE_TOO_NEW', { found, known: latest });
  return found;
}

/** The migrations this database has not run yet. */
export function pendingMigrations(sqlite: BetterSqlite3.Database, all: readonly Migration[] = migrations): Migration[] {
  const found = schemaVersion(sqlite);
  return all.filter((migration) => migration.version > found);
}

/**
 * Brings a database up to this version's schema, one migration per transaction. A database
 * written by a newer Comptoir is refused before anything is touched: an older app must not
 * write rows it does not understand.
 */
export function migrate(sqlite: BetterSqlite3.Database, all: readonly Migration[] = migrations): number[] {
  const found = refuseNewerDatabase(sqlite, all);
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied: number[] = [];
  for (const migration of all) {
    if (migration.version <= found) continue;
    // Switching foreign keys off only takes effect outside a transaction.
    if (migration.rebuildsTables) sqlite.pragma('foreign_keys = OFF');
    try {
      sqlite
        .transaction(() => {
          sqlite.exec(migration.sql);
          migration.rebuild?.(sqlite);
          if (migration.rebuildsTables && (sqlite.pragma('foreign_key_check') as unknown[]).length > 0) {
            throw new Error(`migration ${migration.version} would leave a row pointing nowhere`);
          }
          sqlite
            .prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)')
            .run(migration.version, migration.name, new Date().toISOString());
          sqlite.pragma(`user_version = ${migration.version}`);
        })
        .immediate();
    } finally {
      if (migration.rebuildsTables) sqlite.pragma('foreign_keys = ON');
    }
    applied.push(migration.version);
  }
  return applied;
}
