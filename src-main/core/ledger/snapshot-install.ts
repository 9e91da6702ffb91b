import { closeSync, existsSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { openConnection } from '../../db/connection.js';
import type { DatabaseKey } from '../../db/key.js';
import { LATEST_SCHEMA_VERSION, migrate } from '../../db/migrator.js';
import type { PulledEntryTable } from '../../db/schema.js';
import { startPageWorkers, type PageWorkers } from '../../db/page-workers.js';
import { fitsSqlcipherPages, SQLCIPHER_PAGE_SIZE } from '../../db/sqlcipher-pages.js';
import type { ClubSettings } from '../../../src-shared/club-settings.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { operationOf } from './audit.js';
import { asAuditRow } from './pulled.js';
import { pullCursor, removeDatabase, snapshotProblem } from './snapshot.js';

/** What a snapshot put in place for a joining desk. */
export interface InstalledSnapshot {
  /** The server sequence it holds the club's log up to: the desk's pull cursor. */
  serverSeq: number;
  /** The club's settings as the log last set them (`settings.update`), or null when it never did. */
  clubSettings: ClubSettings | null;
}

/** Writes a club snapshot as it arrives, then puts it in place (see snapshotWriter). */
export interface SnapshotWriter {
  /** The snapshot's next bytes (any size); resolves once there is room for more. */
  write(chunk: Buffer): Promise<void>;
  /**
   * Checks what was written and puts it in place as `file`.
   *
   * @throws SNAPSHOT_UNUSABLE (nothing is left behind).
   */
  finish(expected: { serverSeq: number; deskId: string }): Promise<InstalledSnapshot>;
  /** Gives up: nothing is left behind. */
  abort(): Promise<void>;
}

const unusable = (reason: string) => new ComptoirError('SNAPSHOT_UNUSABLE', { reason });
/** Any failure as SNAPSHOT_UNUSABLE, with what went wrong. */
const asUnusable = (error: unknown) => (error instanceof ComptoirError && error.code === 'SNAPSHOT_UNUSABLE' ? error : unusable((error as Error).message));

/** Pages handed to a worker at a time (1 MB), and batches under way at most. */
const BATCH_PAGES = 256;
const IN_FLIGHT = 8;

/**
 * Puts a club snapshot in place as a new desk's database file, before the desk's own set-up
 * (docs/SYNC.md, Bootstrap), as its bytes arrive: each page is encrypted with the desk's `key`
 * (SQLCipher's format, by worker threads: db/page-workers.ts; plain when null) and written to a
 * temporary file, so no clear page touches the disk and the download, its decompression and the
 * encryption overlap. `finish` then opens it with the key (every page's HMAC guards it from
 * here on), checks it is a club snapshot (not a desk, at `serverSeq`, nothing of the joining
 * desk), migrates it when an older Comptoir built it, resets its sync bookkeeping (the pull
 * cursor stays at `serverSeq`) and renames it to `file`: `file` is either the whole snapshot or
 * absent.
 *
 * @throws JOIN_NEEDS_NEW_FILE when `file` exists; SNAPSHOT_UNUSABLE from `write` when the
 *   bytes are not a SQLite file whose pages leave room for SQLCipher.
 */
export function snapshotWriter(file: string, key: DatabaseKey | null): SnapshotWriter {
  if (existsSync(file)) throw new ComptoirError('JOIN_NEEDS_NEW_FILE', { file });
  const temporary = `${file}.snapshot-${randomBytes(6).toString('hex')}`;
  const fd = openSync(temporary, 'wx', 0o600);
  let open = true;
  let workers: PageWorkers | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let nextPage = 1;
  const inFlight = new Set<Promise<void>>();
  let failure: Error | null = null;
  const abort = async () => {
    await Promise.allSettled(inFlight);
    await workers?.close();
    workers = null;
    if (open) closeSync(fd);
    open = false;
    removeDatabase(temporary);
  };
  const dispatch = (pages: Buffer) => {
    const first = nextPage;
    // Counted now: a worker may take the pages' memory.
    nextPage += pages.length / SQLCIPHER_PAGE_SIZE;
    if (first === 1) {
      if (!fitsSqlcipherPages(pages.subarray(0, SQLCIPHER_PAGE_SIZE))) throw unusable('not a SQLite file with room for SQLCipher on its pages');
      // A file written in WAL mode says so in its header; as a rollback-journal file it opens anywhere (the desk turns WAL back on).
      pages.fill(1, 18, 20);
    }
    if (key) {
      workers ??= startPageWorkers(key, fd);
      const done: Promise<void> = workers.encryptInto(pages, first).catch((error: Error) => {
        failure ??= error;
      });
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    } else writeSync(fd, pages, 0, pages.length, (first - 1) * SQLCIPHER_PAGE_SIZE);
  };
  const drain = async (room: number) => {
    while (inFlight.size > room) await Promise.race(inFlight);
    if (failure) throw failure;
  };
  return {
    async write(chunk) {
      try {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        const batch = BATCH_PAGES * SQLCIPHER_PAGE_SIZE;
        while (pending.length >= batch) {
          // The rest first: the batch's memory may be handed over to a worker.
          const rest = pending.length > batch ? pending.subarray(batch) : Buffer.alloc(0);
          dispatch(pending.subarray(0, batch));
          pending = rest;
        }
        await drain(IN_FLIGHT);
      } catch (error) {
        await abort();
        throw asUnusable(error);
      }
    },
    async finish(expected) {
      try {
        if (pending.length % SQLCIPHER_PAGE_SIZE !== 0) throw unusable('it ends in the middle of a page');
        if (pending.length > 0) dispatch(pending);
        if (nextPage === 1) throw unusable('it is empty');
        await drain(0);
        await workers?.close();
        workers = null;
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        const installed = prepare(temporary, key, expected);
        renameSync(temporary, file);
        return installed;
      } catch (error) {
        await abort();
        throw asUnusable(error);
      }
    },
    abort,
  };
}

/** The checks and the bookkeeping of `finish`, on the written file. */
function prepare(temporary: string, key: DatabaseKey | null, expected: { serverSeq: number; deskId: string }): InstalledSnapshot {
  // Not migrated by openConnection, which would first back the file up beside the desk's.
  const connection = openConnection(temporary, { key, trusted: true, migrate: false });
  try {
    const sqlite = connection.rawDatabase;
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version === 0 || version > LATEST_SCHEMA_VERSION) throw unusable(`schema version ${version}`);
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
      // Through the entity index: a scan of every entry would read (and decrypt) the whole file.
      .prepare("SELECT * FROM pulled_entry WHERE entity_type = 'settings' AND entity_id = 'club' AND action = 'settings.update' AND problem IS NULL ORDER BY server_seq DESC LIMIT 1")
      .get() as PulledEntryTable | undefined;
    const op = settings ? operationOf(asAuditRow(settings), () => null) : null;
    return { serverSeq: cursor, clubSettings: op?.kind === 'settings.update' ? op.settings : null };
  } finally {
    connection.close();
  }
}
