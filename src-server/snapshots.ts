import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openSnapshotBuilder } from '../src-main/core/ledger/snapshot.js';
import { MAX_PULL_ENTRIES } from '../src-shared/sync-protocol.js';
import { sql } from 'kysely';
import type { ServerDb } from './db/open.js';
import { clubHead, clubPage } from './pull.js';
import { lockHead } from './server-author.js';
import type { SnapshotWorkerAnswer, SnapshotWorkerData } from './snapshot-worker.js';

/** How long a builder holds the club's lease without renewing it (it renews after every page). */
export const SNAPSHOT_LEASE_MS = 2 * 60_000;
/** Snapshots kept per club: the newest, and the one before for a desk still downloading it. */
const KEPT_SNAPSHOTS = 2;

/** Gzipped bytes per stored chunk: a route streams them one query at a time. */
const CHUNK_BYTES = 4 * 1024 * 1024;

export interface StoredSnapshot {
  serverSeq: number;
  createdAt: string;
  /** Size of the SQLite file, and of it gzipped. */
  bytes: number;
  gzippedBytes: number;
  /** SHA-256 (hex) of the gzipped bytes. */
  sha256: string;
  chunks: number;
}

/** The club's latest snapshot (what it is, not its bytes), or null when it has none. */
export async function latestSnapshot(sdb: ServerDb, clubId: string): Promise<StoredSnapshot | null> {
  const row = await sdb.db.selectFrom('club_snapshot').selectAll().where('club_id', '=', clubId).orderBy('server_seq', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return { serverSeq: Number(row.server_seq), createdAt: row.created_at, bytes: Number(row.bytes), gzippedBytes: Number(row.gzipped_bytes), sha256: row.sha256, chunks: Number(row.chunks) };
}

/**
 * A snapshot's gzipped bytes, chunk after chunk, each read when asked for (a download streams
 * them).
 *
 * @throws when a chunk is missing (the snapshot was deleted meanwhile: an erasure).
 */
export async function* snapshotChunks(sdb: ServerDb, clubId: string, snapshot: StoredSnapshot): AsyncGenerator<Buffer> {
  // PostgreSQL sends bytea as hex text, twice the bytes, and its decoding held a 100,000-member
  // club's download to half the speed base64 gives (README, « Tests and figures »).
  const data = sdb.dialect === 'postgres' ? sql<string>`encode(data, 'base64')`.as('data') : sql<Uint8Array>`data`.as('data');
  for (let n = 0; n < snapshot.chunks; n++) {
    const row = await sdb.db.selectFrom('club_snapshot_chunk').select(data).where('club_id', '=', clubId).where('server_seq', '=', snapshot.serverSeq).where('n', '=', n).executeTakeFirst();
    if (!row) throw new Error(`chunk ${n} of the snapshot at ${snapshot.serverSeq} is gone`);
    yield typeof row.data === 'string' ? Buffer.from(row.data, 'base64') : Buffer.from(row.data);
  }
}

/** A snapshot's whole gzipped bytes. */
export async function readSnapshot(sdb: ServerDb, clubId: string, snapshot: StoredSnapshot): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of snapshotChunks(sdb, clubId, snapshot)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** What a build came to: a new snapshot, or why none was made. */
export type BuildOutcome =
  | { built: true; serverSeq: number; bytes: number; gzippedBytes: number; applied: number; incremental: boolean; ms: number }
  | { built: false; reason: 'busy' | 'up-to-date' | 'lease-lost' | 'erased-meanwhile' | 'stopped' };

export interface BuildOptions {
  now?: () => Date;
  /** Start from a blank snapshot even when there is one to extend. */
  full?: boolean;
  /** Entries per page read from the log (the pull's page size by default). */
  pageSize?: number;
  /** Gzipped bytes per stored chunk (4 MB by default). */
  chunkBytes?: number;
  /**
   * Asked between two pages: true stops the build (the server shutting down), nothing is stored
   * and the lease is let go. A function, not an AbortSignal: a worker's build never yields to its
   * event loop on SQLite, so a stop must be readable without it (snapshot-worker.ts).
   */
  stopped?: () => boolean;
}

/**
 * Builds the club's next snapshot (docs/SYNC.md, Bootstrap): takes the club's build lease (one
 * builder at a time, across every server process on one database), opens the latest snapshot
 * (or a blank one) in a scratch folder, applies the log after it page by page through the
 * desk's own handlers (core/ledger/snapshot.ts), and stores the result, gzipped, in
 * `club_snapshot`, keeping the latest two. A snapshot built while a member was erased after
 * its cursor is thrown away (it may hold the member's key); so are those stored before an
 * erasure (decisions.ts).
 *
 * @throws what the database or the builder throws (the lease is released; nothing is stored).
 */
export async function buildClubSnapshot(sdb: ServerDb, clubId: string, options: BuildOptions = {}): Promise<BuildOutcome> {
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const holder = randomBytes(9).toString('base64url');
  if (!(await claimLease(sdb, clubId, holder, now()))) return { built: false, reason: 'busy' };
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-snapshot-'));
  try {
    const head = await clubHead(sdb, clubId);
    const base = options.full ? null : await latestSnapshot(sdb, clubId);
    if (base && base.serverSeq >= head) return { built: false, reason: 'up-to-date' };
    if (!base && head === 0) return { built: false, reason: 'up-to-date' };
    // Unzipping and opening the base takes seconds in a large club: a stop asked meanwhile is heard before and after.
    if (options.stopped?.()) return { built: false, reason: 'stopped' };
    const baseBytes = base ? gunzipSync(await readSnapshot(sdb, clubId, base)) : null;
    if (options.stopped?.()) return { built: false, reason: 'stopped' };
    const builder = openSnapshotBuilder(folder, baseBytes, { now });
    let applied = 0;
    let bytes: Buffer;
    let serverSeq: number;
    try {
      while (builder.cursor() < head) {
        const page = await clubPage(sdb, clubId, { after: builder.cursor(), limit: options.pageSize ?? MAX_PULL_ENTRIES });
        if (page.cursor <= builder.cursor()) break;
        applied += builder.apply({ ...page, head }).applied;
        if (options.stopped?.()) return { built: false, reason: 'stopped' };
        if (!(await renewLease(sdb, clubId, holder, now()))) return { built: false, reason: 'lease-lost' };
      }
      if (options.stopped?.()) return { built: false, reason: 'stopped' };
      serverSeq = builder.cursor();
      bytes = builder.finish();
    } finally {
      builder.close();
    }
    if (options.stopped?.()) return { built: false, reason: 'stopped' };
    const gzipped = gzipSync(bytes, { level: 1 });
    const stored = await sdb.db.transaction().execute(async (trx) => {
      // In turn with pushes (the club's lock): an erasure either committed before this check, or
      // after this snapshot is stored, and then its decision deletes it.
      await lockHead(trx, sdb.dialect, clubId);
      const lease = await trx.selectFrom('club_snapshot_build').select('holder').where('club_id', '=', clubId).executeTakeFirst();
      if (lease?.holder !== holder) return 'lease-lost' as const;
      const erased = await trx.selectFrom('operation').select('server_seq').where('club_id', '=', clubId).where('action', '=', 'member.erase').where('server_seq', '>', serverSeq).limit(1).executeTakeFirst();
      if (erased) return 'erased-meanwhile' as const;
      const held = await trx.selectFrom('club_snapshot').select('server_seq').where('club_id', '=', clubId).where('server_seq', '=', serverSeq).executeTakeFirst();
      if (held) return 'up-to-date' as const;
      const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
      const chunks = Math.ceil(gzipped.length / chunkBytes);
      await trx
        .insertInto('club_snapshot')
        .values({
          club_id: clubId,
          server_seq: serverSeq,
          created_at: now().toISOString(),
          bytes: bytes.length,
          gzipped_bytes: gzipped.length,
          sha256: createHash('sha256').update(gzipped).digest('hex'),
          chunks,
        })
        .execute();
      for (let n = 0; n < chunks; n++) {
        await trx
          .insertInto('club_snapshot_chunk')
          .values({ club_id: clubId, server_seq: serverSeq, n, data: gzipped.subarray(n * chunkBytes, (n + 1) * chunkBytes) })
          .execute();
      }
      const kept = await trx.selectFrom('club_snapshot').select('server_seq').where('club_id', '=', clubId).orderBy('server_seq', 'desc').limit(KEPT_SNAPSHOTS).execute();
      const oldestKept = Math.min(...kept.map((row) => Number(row.server_seq)));
      await trx.deleteFrom('club_snapshot').where('club_id', '=', clubId).where('server_seq', '<', oldestKept).execute();
      return null;
    });
    if (stored) return { built: false, reason: stored };
    return { built: true, serverSeq, bytes: bytes.length, gzippedBytes: gzipped.length, applied, incremental: base !== null, ms: performance.now() - started };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await releaseLease(sdb, clubId, holder);
  }
}

/** Takes the club's build lease when nobody holds it or its holder let it lapse: a conditional UPDATE, the same on both engines. */
async function claimLease(sdb: ServerDb, clubId: string, holder: string, at: Date): Promise<boolean> {
  await sdb.db.insertInto('club_snapshot_build').values({ club_id: clubId, holder: null, expires_at: null }).onConflict((oc) => oc.column('club_id').doNothing()).execute();
  const result = await sdb.db
    .updateTable('club_snapshot_build')
    .set({ holder, expires_at: new Date(at.getTime() + SNAPSHOT_LEASE_MS).toISOString() })
    .where('club_id', '=', clubId)
    .where((eb) => eb.or([eb('holder', 'is', null), eb('expires_at', '<', at.toISOString())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function renewLease(sdb: ServerDb, clubId: string, holder: string, at: Date): Promise<boolean> {
  const result = await sdb.db
    .updateTable('club_snapshot_build')
    .set({ expires_at: new Date(at.getTime() + SNAPSHOT_LEASE_MS).toISOString() })
    .where('club_id', '=', clubId)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function releaseLease(sdb: ServerDb, clubId: string, holder: string): Promise<void> {
  await sdb.db.updateTable('club_snapshot_build').set({ holder: null, expires_at: null }).where('club_id', '=', clubId).where('holder', '=', holder).execute();
}

export interface SnapshotSchedule {
  /** A club gets a new snapshot once its log grew by this many entries since the last one. */
  every: number;
  /**
   * The database as `openServerDb` takes it: builds then run in a worker thread with a connection
   * of their own, and the serving thread never waits on one. Without it they run in this thread.
   */
  worker?: { location: string; schema?: string };
  /** How often the clubs are looked at, in milliseconds. */
  checkMs?: number;
  /** Where a build's outcome or failure is told (the server's log). */
  log?: (message: string) => void;
}

/**
 * The background builder `serve` runs: every `checkMs`, each club whose log grew by `every`
 * entries since its latest snapshot gets a new one, built incrementally from it. Builds run one
 * after another in this process — in a worker thread when `schedule.worker` names the database,
 * as `serve` does; the lease keeps other processes from building the same club.
 * Returns how to stop it: a build under way stops at its next page (some 2 s measured, the
 * worker's start included), not after the minutes a large club's build takes, which a service
 * manager would not wait for.
 */
export function startSnapshotSchedule(sdb: ServerDb, schedule: SnapshotSchedule): { stop(): Promise<void> } {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  const round = async () => {
    const clubs = await sdb.db.selectFrom('club').select(['id', 'slug', 'head_seq']).execute();
    for (const club of clubs) {
      if (stopping.signal.aborted) return;
      const latest = await sdb.db.selectFrom('club_snapshot').select('server_seq').where('club_id', '=', club.id).orderBy('server_seq', 'desc').limit(1).executeTakeFirst();
      if (Number(club.head_seq) - Number(latest?.server_seq ?? 0) < schedule.every) continue;
      const outcome = schedule.worker ? await buildInWorker({ ...schedule.worker, clubId: club.id }, stopping.signal) : await buildClubSnapshot(sdb, club.id, { stopped: () => stopping.signal.aborted });
      if (outcome.built) schedule.log?.(`snapshot of club ${club.slug} at ${outcome.serverSeq} (${outcome.bytes} bytes, ${Math.round(outcome.ms)} ms)`);
    }
  };
  const timer = setInterval(() => {
    // A long build spans several ticks: the next round starts once it is done.
    if (running) return;
    running = round()
      .catch((error: unknown) => schedule.log?.(`snapshot build failed: ${(error as Error).message}`))
      .finally(() => {
        running = null;
      });
  }, schedule.checkMs ?? 30_000);
  timer.unref();
  return {
    stop: async () => {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}

/** The snapshot worker's script: the built one beside this file, or the TypeScript source through tsx. */
function snapshotWorkerScript(): { url: URL; workerData: Record<string, unknown> } {
  const built = new URL('./snapshot-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return { url: built, workerData: {} };
  return { url: new URL('../src-main/api/ts-worker.mjs', import.meta.url), workerData: { entry: new URL('./snapshot-worker.ts', import.meta.url).href } };
}

/**
 * Builds a club's snapshot in a worker thread (snapshot-worker.ts), with its own connection.
 * `signal` stops it at its next page (outcome `stopped`).
 *
 * @throws the build's error, with its message.
 */
export function buildInWorker(data: SnapshotWorkerData, signal?: AbortSignal): Promise<BuildOutcome> {
  const script = snapshotWorkerScript();
  return new Promise((resolve, reject) => {
    // Shared memory the worker reads between pages, however busy its thread (snapshot-worker.ts).
    const stopFlag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(script.url, { workerData: { ...script.workerData, ...data, stopFlag } });
    const stop = () => Atomics.store(stopFlag, 0, 1);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('exit', () => signal?.removeEventListener('abort', stop));
    let answered = false;
    worker.once('message', (answer: SnapshotWorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.outcome);
      else reject(new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the snapshot worker stopped (${code}) without an answer`));
    });
  });
}
