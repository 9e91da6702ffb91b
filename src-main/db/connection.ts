import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { ComptoirError } from '../../src-shared/errors.js';
import { backupDatabase, type BackupPlace } from './backup.js';
import { databaseFailure } from './failures.js';
import type { DatabaseKey } from './key.js';
import { migrate, pendingMigrations, refuseNewerDatabase, schemaVersion } from './migrator.js';
import { Reader, Writer } from './sql.js';

export interface Connection {
  readonly file: string;
  readonly reader: Reader;
  /**
   * The better-sqlite3 handle itself, for maintenance (integrity checks, backups, pragmas) and for
   * tests that play another program. Never for the desk's data: that goes through the ledger.
   */
  readonly rawDatabase: BetterSqlite3.Database;
  /** Whether the file is encrypted (SQLCipher). */
  readonly encrypted: boolean;
  /** The schema version the file is at (0: not a Comptoir database yet), and whether it is this version's. */
  readonly schema: { version: number; upToDate: boolean };
  /** What SQLite's check found wrong with the file when it was opened; null when sound. */
  readonly damage: string[] | null;
  /**
   * Runs `work` in one synchronous IMMEDIATE transaction: all of it commits, or none.
   *
   * @throws DATABASE_DAMAGED on a damaged file (nothing is written to it); DATABASE_BUSY,
   *   DISK_FULL, DATABASE_READ_ONLY, DISK_ERROR when the file refuses the write.
   */
  transaction<T>(work: (writer: Writer) => T): T;
  /** A consistent copy beside the database (and on the second drive, when set); returns the paths. */
  backup(reason: 'fermeture-caisse' | 'manuelle', place?: BackupPlace): string[];
  /**
   * Merges the write-ahead log into the file and empties it (what an erasure needs: the pages
   * that held the erased data and the destroyed key leave the log at once). Quietly does nothing
   * while another connection still reads an older state: the next checkpoint finishes it.
   */
  checkpoint(): void;
  close(): void;
}

export interface OpenOptions {
  /** Open without migrating, e.g. to inspect a database; writes still go through transactions. */
  migrate?: boolean;
  readonly?: boolean;
  /** Create the file when it does not exist (setting a desk up); otherwise a missing file is refused. */
  create?: boolean;
  /** The database's encryption key; a plain file given a key is encrypted with it on opening. */
  key?: DatabaseKey | null;
  /** Where backups go (before a migration, at a drawer's close, on request). */
  backups?: BackupPlace;
  /** Skip SQLite's check of the file at opening (scratch copies the desk just made). */
  trusted?: boolean;
}

/**
 * Opens the desk's database: decrypts it with its key (encrypting a plain file the first time a
 * key is given), refuses a file a newer Comptoir wrote, checks the file (`quick_check`), backs it
 * up before any migration, then migrates it. A damaged file opens for reading only: every write is
 * refused with DATABASE_DAMAGED, which tells the volunteer what to do.
 *
 * @throws DATABASE_NOT_FOUND, DATABASE_ENCRYPTED, DATABASE_KEY_WRONG, NOT_A_COMPTOIR_DATABASE,
 *   DATABASE_TOO_NEW, and the file failures of `databaseFailure`.
 */
export function openConnection(file: string, options: OpenOptions = {}): Connection {
  const memory = file === ':memory:';
  if (!memory && !options.create && !existsSync(file)) throw new ComptoirError('DATABASE_NOT_FOUND', { file });
  const key = options.key ?? null;
  const readonly = options.readonly ?? false;
  if (key && !memory && !readonly && existsSync(file) && statSync(file).size > 0 && isPlain(file)) encryptInPlace(file, key);
  // A new desk file is for this computer's account alone (SQLite gives its -wal and -shm the same).
  if (!memory && options.create && !existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
  const sqlite = openSqlite(file, readonly, key);
  let damage: string[] | null = null;
  try {
    sqlite.pragma('busy_timeout = 5000');
    refuseNewerDatabase(sqlite);
    if (!options.trusted && !memory) damage = checkFile(sqlite);
    configure(sqlite, readonly || damage !== null);
    if (options.migrate !== false && !readonly && damage === null && pendingMigrations(sqlite).length > 0) {
      if (schemaVersion(sqlite) > 0) backupDatabase(sqlite, file, 'avant-migration', options.backups ?? {});
      migrate(sqlite);
    }
  } catch (error) {
    sqlite.close();
    throw databaseFailure(error, file) ?? error;
  }
  const writer = new Writer(sqlite);
  // One transaction function for the connection's life: better-sqlite3 wraps it once, and each
  // call only swaps the work it runs.
  let work: ((writer: Writer) => unknown) | undefined;
  const inTransaction = sqlite.transaction(() => work!(writer));
  return {
    file,
    reader: new Reader(sqlite),
    rawDatabase: sqlite,
    encrypted: key !== null,
    get schema() {
      return { version: schemaVersion(sqlite), upToDate: pendingMigrations(sqlite).length === 0 };
    },
    get damage() {
      return damage;
    },
    transaction<T>(next: (writer: Writer) => T): T {
      if (damage) throw new ComptoirError('DATABASE_DAMAGED', { file });
      const outer = work;
      work = next;
      try {
        // IMMEDIATE takes the write lock up front, so two processes on one file queue instead of
        // failing mid-transaction with SQLITE_BUSY on the lock upgrade.
        return inTransaction.immediate() as T;
      } catch (error) {
        const failure = databaseFailure(error, file);
        if (failure?.code === 'DATABASE_DAMAGED') damage = ['SQLITE_CORRUPT'];
        throw failure ?? error;
      } finally {
        work = outer;
      }
    },
    backup: (reason, place) => {
      // The main file holds everything committed so far: a copy of it alone would miss nothing.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      return backupDatabase(sqlite, file, reason, { ...options.backups, ...place });
    },
    checkpoint: () => {
      if (readonly || damage !== null) return;
      try {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Busy: another connection reads; the log is merged next time.
      }
    },
    close: () => {
      if (!readonly && damage === null && sqlite.open) {
        try {
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          // Another connection may still read: the log is merged next time.
        }
      }
      sqlite.close();
    },
  };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000');

/** A plain SQLite file starts with its magic header; an encrypted one looks like noise. */
function isPlain(file: string): boolean {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER);
}

function openSqlite(file: string, readonly: boolean, key: DatabaseKey | null): BetterSqlite3.Database {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw databaseFailure(error, file) ?? error;
  }
  try {
    if (key) useKey(sqlite, key);
    // The first read decides: a wrong key, an encrypted file without one, or not a database at all.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      if (key) throw new ComptoirError('DATABASE_KEY_WRONG', { file });
      throw new ComptoirError(existsSync(file) && !isPlain(file) ? 'DATABASE_ENCRYPTED' : 'NOT_A_COMPTOIR_DATABASE', { file });
    }
    throw databaseFailure(error, file) ?? error;
  }
  return sqlite;
}

function useKey(sqlite: BetterSqlite3.Database, key: DatabaseKey): void {
  // SQLCipher 4's format (SQLite3 Multiple Ciphers' `sqlcipher` scheme, legacy 4): a raw 256-bit key.
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key}'"`);
}

/**
 * Encrypts a plain database where it lies (SQLite3 Multiple Ciphers' rekey, which needs a rollback
 * journal rather than the write-ahead log for the time it takes).
 */
function encryptInPlace(file: string, key: DatabaseKey): void {
  const plain = new BetterSqlite3(file);
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
    plain.pragma("cipher = 'sqlcipher'");
    plain.pragma('legacy = 4');
    plain.pragma(`rekey = "x'${key}'"`);
  } catch (error) {
    throw databaseFailure(error, file) ?? error;
  } finally {
    plain.close();
  }
}

/** SQLite's own check of the file's pages and indexes; null when it finds nothing wrong. */
export function checkFile(sqlite: BetterSqlite3.Database, full = false): string[] | null {
  try {
    const rows = sqlite.pragma(full ? 'integrity_check(100)' : 'quick_check(100)') as Record<string, string>[];
    const problems = rows.map((row) => Object.values(row)[0] ?? '').filter((text) => text !== 'ok');
    return problems.length ? problems : null;
  } catch (error) {
    return [(error as Error).message];
  }
}

function configure(sqlite: BetterSqlite3.Database, readonly: boolean): void {
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: a sale the volunteer saw as done survives a power cut.
  // NORMAL would be faster but may lose the last transactions, which for money is not acceptable.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // A deleted row is overwritten in its page, not left behind: a destroyed member key (an
  // erasure) leaves no copy in the file. FAST skips zeroing whole free pages (the file is
  // encrypted anyway), which would cost every write extra I/O.
  sqlite.pragma('secure_delete = FAST');
}
