import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openConnection, type Connection } from '../../db/connection.js';
import { writeDatabaseCopy } from '../../db/copy.js';
import type { DatabaseKey } from '../../db/key.js';
import { LATEST_SCHEMA_VERSION, migrate } from '../../db/migrator.js';
import type { PulledEntryTable } from '../../db/schema.js';
import type { Clock } from '../../../src-shared/clock.js';
import { DEFAULT_CLUB_SETTINGS, type ClubSettings } from '../../../src-shared/club-settings.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import type { PullResponse } from '../../../src-shared/sync-protocol.js';
import type { Desk } from '../desk/desk.js';
import { operationOf } from './audit.js';
import { applyPulledPage, asAuditRow, type PulledOutcome } from './pulled.js';

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
  /** The finished snapshot's bytes: a compact SQLite file, no free pages (nothing deleted lingers). Closes the builder. */
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
  if (base) writeFileSync(file, base);
  let connection: Connection;
  try {
    connection = openConnection(file, { create: true });
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
      const out = `${file}.out`;
      try {
        writeDatabaseCopy(connection.rawDatabase, out, null);
        return readFileSync(out);
      } finally {
        rmSync(out, { force: true });
        close();
      }
    },
    close,
  };
}

function pullCursor(sqlite: BetterSqlite3.Database): number {
  return (sqlite.prepare('SELECT pull_cursor FROM sync_state WHERE id = 1').get() as { pull_cursor: number } | undefined)?.pull_cursor ?? 0;
}

/** Why a database is not a club snapshot (a desk's own file, a log of its own); null when it is one. */
function snapshotProblem(sqlite: BetterSqlite3.Database): string | null {
  if (sqlite.prepare("SELECT 1 FROM setting WHERE key = 'local_desk_id'").get()) return 'it is a desk’s own database';
  if (sqlite.prepare('SELECT 1 FROM audit_log LIMIT 1').get()) return 'it holds a log of its own';
  return null;
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** What a snapshot put in place for a joining desk. */
export interface InstalledSnapshot {
  /** The server sequence it holds the club's log up to: the desk's pull cursor. */
  serverSeq: number;
  /** The club's settings as the log last set them (`settings.update`), or null when it never did. */
  clubSettings: ClubSettings | null;
}

/**
 * Puts a club snapshot in place as a new desk's database file, before the desk's own set-up
 * (docs/SYNC.md, Bootstrap): the bytes are opened in memory and checked (a sound SQLite file,
 * a snapshot and not a desk, at `serverSeq`, holding nothing of the joining desk `deskId`),
 * migrated when an older Comptoir built them, their sync bookkeeping reset (the pull cursor
 * stays at `serverSeq`), then written encrypted with the desk's `key` (plain when null) to a
 * temporary file renamed to `file` at the end: `file` is either the whole snapshot or absent.
 *
 * @throws SNAPSHOT_UNUSABLE when the bytes are not such a snapshot; JOIN_NEEDS_NEW_FILE when
 *   `file` exists.
 */
export function installSnapshot(bytes: Buffer, file: string, expected: { serverSeq: number; deskId: string; key: DatabaseKey | null }): InstalledSnapshot {
  if (existsSync(file)) throw new ComptoirError('JOIN_NEEDS_NEW_FILE', { file });
  const unusable = (reason: string) => new ComptoirError('SNAPSHOT_UNUSABLE', { reason });
  let sqlite: BetterSqlite3.Database;
  try {
    // A file written in WAL mode says so in its header (bytes 18–19); opened in memory, SQLite
    // then refuses to attach the encrypted copy. Marked as a rollback-journal file instead (the
    // desk's connection turns WAL back on).
    if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
    sqlite = new BetterSqlite3(bytes);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw unusable((error as Error).message);
  }
  const temporary = `${file}.snapshot-${randomBytes(6).toString('hex')}`;
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version === 0 || version > LATEST_SCHEMA_VERSION) throw unusable(`schema version ${version}`);
    const damage = (sqlite.pragma('quick_check(10)') as Record<string, string>[]).map((row) => Object.values(row)[0]).filter((text) => text !== 'ok');
    if (damage.length > 0) throw unusable(damage.join('; '));
    migrate(sqlite);
    const problem = snapshotProblem(sqlite);
    if (problem) throw unusable(problem);
    const cursor = pullCursor(sqlite);
    if (cursor !== expected.serverSeq) throw unusable(`it holds the log up to ${cursor}, not ${expected.serverSeq}`);
    if (sqlite.prepare('SELECT 1 FROM pulled_entry WHERE desk_id = ? LIMIT 1').get(expected.deskId)) throw unusable('it holds entries of the joining desk');
    // The builder's bookkeeping is not this desk's: it has not pushed, nor pulled, anything yet.
    sqlite.exec(
      `UPDATE sync_state SET acknowledged_seq = 0, attempts = 0, last_error = NULL, last_attempt_at = NULL, server_head = pull_cursor,
         last_push_at = NULL, last_pull_at = NULL, server_address = NULL, desk_credential = NULL, push_refusal = NULL, clock_offset_ms = NULL
       WHERE id = 1`,
    );
    const settings = sqlite
      .prepare("SELECT * FROM pulled_entry WHERE action = 'settings.update' AND problem IS NULL ORDER BY server_seq DESC LIMIT 1")
      .get() as PulledEntryTable | undefined;
    const op = settings ? operationOf(asAuditRow(settings), () => null) : null;
    writeDatabaseCopy(sqlite, temporary, expected.key);
    renameSync(temporary, file);
    return { serverSeq: cursor, clubSettings: op?.kind === 'settings.update' ? op.settings : null };
  } catch (error) {
    removeDatabase(temporary);
    if (error instanceof ComptoirError) throw error;
    throw unusable((error as Error).message);
  } finally {
    sqlite.close();
  }
}
