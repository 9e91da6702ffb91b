import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { migrate, refuseNewerDatabase } from './migrator.js';
import { Reader, Writer } from './sql.js';

export interface Connection {
  readonly file: string;
  readonly reader: Reader;
  /**
   * The better-sqlite3 handle itself, for maintenance (integrity checks, backups, pragmas) and for
   * tests that play another program. Never for the desk's data: that goes through the ledger.
   */
  readonly rawDatabase: BetterSqlite3.Database;
  /** Runs `work` in one synchronous IMMEDIATE transaction: all of it commits, or none. */
  transaction<T>(work: (writer: Writer) => T): T;
  close(): void;
}

export interface OpenOptions {
  /** Open without migrating, e.g. to inspect a database; writes still go through transactions. */
  migrate?: boolean;
  readonly?: boolean;
}

export function openConnection(file: string, options: OpenOptions = {}): Connection {
  const sqlite = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  try {
    sqlite.pragma('busy_timeout = 5000');
    refuseNewerDatabase(sqlite);
    configure(sqlite, options.readonly ?? false);
    if (options.migrate !== false && !options.readonly) migrate(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
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
    transaction<T>(next: (writer: Writer) => T): T {
      const outer = work;
      work = next;
      try {
        // IMMEDIATE takes the write lock up front, so two processes on one file queue instead of
        // failing mid-transaction with SQLITE_BUSY on the lock upgrade.
        return inTransaction.immediate() as T;
      } finally {
        work = outer;
      }
    },
    close: () => sqlite.close(),
  };
}

function configure(sqlite: BetterSqlite3.Database, readonly: boolean): void {
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: a sale the volunteer saw as done survives a power cut.
  // NORMAL would be faster but may lose the last transactions, which for money is not acceptable.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
}
