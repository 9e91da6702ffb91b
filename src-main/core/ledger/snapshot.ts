import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openConnection, type Connection } from '../../db/connection.js';
import { newDatabaseKey } from '../../db/key.js';
import { decryptPages, encryptPages, fitsSqlcipherPages } from '../../db/sqlcipher-pages.js';
import type { Clock } from '../../../src-shared/clock.js';
import { DEFAULT_CLUB_SETTINGS } from '../../../src-shared/club-settings.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import type { PullResponse } from '../../../src-shared/sync-protocol.js';
import type { Desk } from '../desk/desk.js';
import { applyPulledPage, type PulledOutcome } from './pulled.js';

/**
 * The desk id a club snapshot is built as: no entry of the club has it, so every entry of the log
 * is applied as another desk's (docs/SYNC.md, Bootstrap).
 */
export const SNAPSHOT_BUILDER_ID = 'club-snapshot';

/** A club snapshot being built: a desk-schema database with no desk of its own. */
export interface SnapshotBuilder {
  /** The server sequence the snapshot holds the club's log up to (0 when blank). */
  cursor(): number;
  /** Applies one page of the club's log, as a desk applies a pull (pulled.ts). */
  apply(page: PullResponse): PulledOutcome;
  /**
   * The finished snapshot's bytes: a plain SQLite file, compact (no free pages: nothing deleted
   * lingers), each page leaving SQLCipher's 80 bytes free. Closes the builder.
   */
  finish(): Buffer;
  /** Closes without finishing. */
  close(): void;
}

/**
 * Opens a club snapshot to build in `folder` (a scratch folder the caller owns): from `base`, an
 * earlier snapshot's bytes (then only the log's tail is applied; a base written by an older
 * Comptoir is migrated first), or blank. The builder is a desk database that never had a
 * `desk.init` of its own: every entry goes through `applyPulledPage`, the handlers a desk uses
 * for what it pulls, so the snapshot holds exactly what a new desk would hold after pulling the
 * whole log — tables, `pulled_entry` rows (verify's replay and `pulled_chains` need them) and the
 * keys of members not erased.
 *
 * @throws SNAPSHOT_UNUSABLE when `base` is not a club snapshot.
 */
export function openSnapshotBuilder(folder: string, base: Buffer | null, clock: Clock): SnapshotBuilder {
  const file = join(folder, `snapshot-${randomBytes(6).toString('hex')}.sqlite`);
  // Built encrypted, with a key used only here: every page then keeps the 80 bytes SQLCipher
  // needs, so a joining desk encrypts the finished file page by page instead of copying it.
  const key = newDatabaseKey();
  let connection: Connection;
  try {
    if (base) writeFileSync(file, fitsSqlcipherPages(base) ? encryptPages(base, key) : base);
    connection = openConnection(file, { create: true, key });
  } catch (error) {
    removeDatabase(file);
    throw new ComptoirError('SNAPSHOT_UNUSABLE', { reason: (error as Error).message });
  }
  const problem = snapshotProblem(connection.rawDatabase);
  if (problem) {
    connection.close();
    removeDatabase(file);
    throw new ComptoirError('SNAPSHOT_UNUSABLE', { reason: problem });
  }
  // A scratch file: a crash means building again, so commits need not reach the disk.
  connection.rawDatabase.pragma('synchronous = OFF');
  const desk: Desk = {
    connection,
    clock,
    id: SNAPSHOT_BUILDER_ID,
    name: '',
    receiptPrefix: '',
    language: 'fr',
    reader: connection.reader,
    settings: () => DEFAULT_CLUB_SETTINGS,
    close: () => connection.close(),
  };
  const close = () => {
    if (connection.rawDatabase.open) connection.close();
    removeDatabase(file);
  };
  return {
    cursor: () => pullCursor(connection.rawDatabase),
    apply: (page) => applyPulledPage(desk, page),
    finish: () => {
      try {
        // Rewritten without free pages: nothing deleted (an erased member's key) stays in the file.
        connection.rawDatabase.exec('VACUUM');
        connection.close();
        return decryptPages(readFileSync(file), key);
      } finally {
        close();
      }
    },
    close,
  };
}

/** How far a desk-schema database has pulled the club's log (its server sequence). */
export function pullCursor(sqlite: BetterSqlite3.Database): number {
  return (sqlite.prepare('SELECT pull_cursor FROM sync_state WHERE id = 1').get() as { pull_cursor: number } | undefined)?.pull_cursor ?? 0;
}

/** Why a database is not a club snapshot (a desk's own file, a log of its own); null when it is one. */
export function snapshotProblem(sqlite: BetterSqlite3.Database): string | null {
  if (sqlite.prepare("SELECT 1 FROM setting WHERE key = 'local_desk_id'").get()) return 'it is a desk’s own database';
  if (sqlite.prepare('SELECT 1 FROM audit_log LIMIT 1').get()) return 'it holds a log of its own';
  return null;
}

/** Removes a database file and the files SQLite keeps beside it. */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
