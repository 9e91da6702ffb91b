import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { DatabaseKey } from './key.js';

/**
 * Writes a copy of `source` (any open database, such as one read from bytes in memory) to a new
 * file, encrypted with `key` as the desk's files are (SQLCipher 4, see connection.ts) or plain
 * when `key` is null. The copy is made inside SQLite — the schema's statements, then the rows
 * table by table, then indexes and triggers — so no clear page of an encrypted copy ever touches
 * the disk (SQLite3 Multiple Ciphers has no `sqlcipher_export`, and an in-memory database cannot
 * be rekeyed). The file must not exist; on failure nothing is left at `file`.
 *
 * @throws SQLite's error when the copy fails.
 */
export function writeDatabaseCopy(source: BetterSqlite3.Database, file: string, key: DatabaseKey | null): void {
  if (!key) {
    // A plain copy: VACUUM INTO writes a compact file with no free pages.
    try {
      source.prepare('VACUUM INTO ?').run(file);
    } catch (error) {
      rmSync(file, { force: true });
      throw error;
    }
    return;
  }
  const objects = source
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all() as { type: 'table' | 'index' | 'trigger' | 'view'; name: string; tableName: string; sql: string }[];
  const version = source.pragma('user_version', { simple: true }) as number;
  source.pragma("cipher = 'sqlcipher'");
  source.pragma('legacy = 4');
  source.prepare('ATTACH DATABASE ? AS copy KEY ?').run(file, `x'${key}'`);
  // Tables are filled one after the other, so a row may come before the one it points to.
  const foreignKeys = source.pragma('foreign_keys', { simple: true }) as number;
  source.pragma('foreign_keys = OFF');
  try {
    source.pragma('copy.journal_mode = OFF');
    source.pragma('copy.synchronous = OFF');
    const inCopy = (sql: string) => sql.replace(/^CREATE (TABLE|UNIQUE INDEX|INDEX|TRIGGER|VIEW) (IF NOT EXISTS )?/i, (start) => `${start}copy.`);
    source.transaction(() => {
      for (const table of objects.filter((o) => o.type === 'table')) source.exec(inCopy(table.sql));
      for (const table of objects.filter((o) => o.type === 'table')) source.exec(`INSERT INTO copy."${table.name}" SELECT * FROM main."${table.name}"`);
      if (source.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) source.exec('INSERT INTO copy.sqlite_sequence SELECT * FROM main.sqlite_sequence');
      // Indexes after the rows (built by sorting once), triggers last (they guard later writes, not this copy).
      for (const kind of ['index', 'view', 'trigger'] as const) for (const object of objects.filter((o) => o.type === kind)) source.exec(inCopy(object.sql));
      source.pragma(`copy.user_version = ${version}`);
    })();
    source.exec('DETACH DATABASE copy');
    source.pragma(`foreign_keys = ${foreignKeys}`);
  } catch (error) {
    try {
      source.exec('DETACH DATABASE copy');
    } catch {
      // Not attached any more.
    }
    rmSync(file, { force: true });
    throw error;
  }
}
