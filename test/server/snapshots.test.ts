import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import { runServerCli } from '../../src-server/cli.js';
import { openServerDb, type ServerDb } from '../../src-server/db/open.js';
import { acceptPush } from '../../src-server/push.js';
import { buildClubSnapshot, buildInWorker, latestSnapshot, readSnapshot, startSnapshotSchedule } from '../../src-server/snapshots.js';
import { REPLAYED_TABLES } from '../../src-main/core/ledger/replay.js';
import { updateMember } from '../../src-main/core/members/members.js';
import { entriesToPush } from '../../src-main/sync/outgoing.js';
import { busyDay } from '../core/busy-day.js';
import { addMember } from '../helpers.js';
import { DIALECTS, enrolledDesk, freshLocation, testClub } from './harness.js';

/** Every row of a snapshot the desk reads, table by table (when each entry was applied left out: that is the builder's clock). */
function contents(bytes: Buffer) {
  const db = new BetterSqlite3(bytes.fill(1, 18, 20), { readonly: true });
  try {
    const tables = [...REPLAYED_TABLES, 'member_key', 'pulled_entry', 'sync_state'];
    return Object.fromEntries(
      tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all().map((row) => ({ ...(row as object), applied_at: undefined, last_pull_at: undefined }))]),
    );
  } finally {
    db.close();
  }
}

describe.each(DIALECTS)('the club snapshots the server builds on %s', (dialect) => {
  const opened: ServerDb[] = [];
  afterEach(async () => {
    for (const sdb of opened.splice(0)) await sdb.close();
  });
  const open = async (where: { location: string; schema?: string }) => {
    const sdb = await openServerDb(where.location, where.schema ? { schema: where.schema } : {});
    opened.push(sdb);
    return sdb;
  };

  /** A club whose desk A pushed a busy day. */
  const clubWithLog = async () => {
    const where = freshLocation(dialect);
    const sdb = await open(where);
    const club = await testClub(sdb);
    const a = await enrolledDesk(sdb, 'demo', 'Accueil', '2026-11-26T15:00:00Z');
    busyDay(a);
    const desk = await sdb.db.selectFrom('desk').selectAll().where('id', '=', a.enrollment.desk.id).executeTakeFirstOrThrow();
    const push = async () => {
      let acknowledged = 0;
      for (;;) {
        const batch = entriesToPush(a.desk.reader, acknowledged, 500);
        if (batch.entries.length === 0) return;
        acknowledged = (await acceptPush(sdb, desk, batch)).acknowledgedSeq;
      }
    };
    await push();
    return { where, sdb, clubId: club.id, a, push };
  };

  it('builds once when two builders start together, even in two server processes on one database', async () => {
    const { where, sdb, clubId } = await clubWithLog();
    const other = await open(where);
    const outcomes = await Promise.all([buildClubSnapshot(sdb, clubId), buildClubSnapshot(other, clubId)]);
    expect(outcomes.map((o) => (o.built ? 'built' : o.reason)).sort()).toEqual(['built', 'busy']);
    expect(await sdb.db.selectFrom('club_snapshot').select('server_seq').execute()).toHaveLength(1);
    // The lease was given back: the next build may run, and finds nothing new.
    expect(await buildClubSnapshot(other, clubId)).toEqual({ built: false, reason: 'up-to-date' });
  });

  it('takes over a lease its builder let lapse (a process that died mid-build)', async () => {
    const { sdb, clubId } = await clubWithLog();
    await sdb.db.insertInto('club_snapshot_build').values({ club_id: clubId, holder: 'died', expires_at: '2026-01-01T00:00:00.000Z' }).execute();
    expect(await buildClubSnapshot(sdb, clubId, { now: () => new Date('2025-12-31T23:59:00Z') })).toEqual({ built: false, reason: 'busy' });
    expect(await buildClubSnapshot(sdb, clubId)).toMatchObject({ built: true });
  });

  it('extends the last snapshot with the log’s tail into what a build from scratch gives, and keeps the latest two', async () => {
    const { sdb, clubId, a, push } = await clubWithLog();
    const now = () => new Date('2026-11-30T12:00:00Z');
    const first = await buildClubSnapshot(sdb, clubId, { now });
    expect(first).toMatchObject({ built: true, incremental: false });
    const roger = addMember(a.desk, a.admin, 'Roger', 'Gagnon');
    updateMember(a.desk, a.admin, roger, { city: 'Laval' });
    await push();
    const extended = await buildClubSnapshot(sdb, clubId, { now });
    expect(extended).toMatchObject({ built: true, incremental: true, applied: 2 });
    const incremental = (await latestSnapshot(sdb, clubId))!;
    const incrementalBytes = await readSnapshot(sdb, clubId, incremental);
    await sdb.db.deleteFrom('club_snapshot').where('server_seq', '=', incremental.serverSeq).execute();
    expect(await buildClubSnapshot(sdb, clubId, { now, full: true })).toMatchObject({ built: true, incremental: false });
    const full = (await latestSnapshot(sdb, clubId))!;
    expect(full.serverSeq).toBe(incremental.serverSeq);
    expect(contents(gunzipSync(incrementalBytes))).toEqual(contents(gunzipSync(await readSnapshot(sdb, clubId, full))));

    addMember(a.desk, a.admin, 'Yvon', 'Roy');
    await push();
    await buildClubSnapshot(sdb, clubId, { now });
    expect((await sdb.db.selectFrom('club_snapshot').select('server_seq').orderBy('server_seq').execute()).map((row) => Number(row.server_seq))).toEqual([
      incremental.serverSeq,
      incremental.serverSeq + 1,
    ]);
  });

  it('are built on a thread of their own, with a connection of their own, when the schedule names the database (as serve does)', async () => {
    const { where, sdb, clubId } = await clubWithLog();
    const schedule = startSnapshotSchedule(sdb, { every: 5, checkMs: 50, worker: { location: where.location, ...(where.schema ? { schema: where.schema } : {}) } });
    try {
      await vi.waitFor(async () => expect(await latestSnapshot(sdb, clubId)).not.toBeNull(), { timeout: 60_000, interval: 100 });
    } finally {
      await schedule.stop();
    }
    const head = Number((await sdb.db.selectFrom('club').select('head_seq').where('id', '=', clubId).executeTakeFirstOrThrow()).head_seq);
    expect((await latestSnapshot(sdb, clubId))!.serverSeq).toBe(head);
    // What the worker built is what this thread builds: the same snapshot, up to date already.
    expect(await buildClubSnapshot(sdb, clubId)).toEqual({ built: false, reason: 'up-to-date' });
    // A build that fails says why, from its thread.
    await expect(buildInWorker({ location: where.location, ...(where.schema ? { schema: where.schema } : {}), clubId: 'no-such-club' })).rejects.toThrow(/foreign key/i);
  });

  it('stop at the next page when the server stops, here or on their thread: nothing stored, the lease let go for the next start', async () => {
    const { where, sdb, clubId } = await clubWithLog();
    let asked = 0;
    // Told to stop once two pages are in.
    const stoppedHere = await buildClubSnapshot(sdb, clubId, { pageSize: 10, stopped: () => ++asked >= 2 });
    expect(asked).toBe(2);
    expect(stoppedHere).toEqual({ built: false, reason: 'stopped' });
    expect(await buildInWorker({ location: where.location, ...(where.schema ? { schema: where.schema } : {}), clubId }, AbortSignal.abort())).toEqual({ built: false, reason: 'stopped' });
    expect(await latestSnapshot(sdb, clubId)).toBeNull();
    expect(await sdb.db.selectFrom('club_snapshot_build').select('holder').where('club_id', '=', clubId).execute()).toEqual([{ holder: null }]);
    // The next start builds it.
    expect(await buildClubSnapshot(sdb, clubId)).toMatchObject({ built: true });
  });

  it('are built in the background once the log grew by N entries, and by `snapshot --club` at once', async () => {
    const { where, sdb, clubId, a, push } = await clubWithLog();
    const schedule = startSnapshotSchedule(sdb, { every: 5, checkMs: 50 });
    try {
      while (!(await latestSnapshot(sdb, clubId))) await new Promise((resolve) => setTimeout(resolve, 50));
      const seq = (await latestSnapshot(sdb, clubId))!.serverSeq;
      addMember(a.desk, a.admin, 'Roger', 'Gagnon');
      await push();
      // One entry more is not enough for a new one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await latestSnapshot(sdb, clubId))!.serverSeq).toBe(seq);
    } finally {
      await schedule.stop();
    }
    const out: string[] = [];
    const io = { stdout: (text: string) => out.push(text), stderr: (text: string) => out.push(text) };
    const args = ['snapshot', '--club', 'demo', '--database', where.location, ...(where.schema ? ['--schema', where.schema] : [])];
    expect(await runServerCli(args, io)).toEqual({ code: 0 });
    expect(out.join('')).toMatch(/^Instantané du club Club demo fait jusqu'à l'opération \d+ \([\d,]+ Mo, 1 opération appliquée en \d+ ms\)\.\n$/);
    expect(await runServerCli(args, io)).toEqual({ code: 0 });
    expect(out.at(-1)).toBe('Aucun nouvel instantané : le dernier instantané est déjà à jour.\n');
  });

  it('answers GET /v1/snapshot to a desk of the club only, streamed chunk by chunk, and says so as data when there is none', async () => {
    const { sdb, clubId, a } = await clubWithLog();
    const app = await buildServer(sdb);
    try {
      const authorization = `Bearer ${a.enrollment.desk.id}.${a.enrollment.credential}`;
      const none = await app.inject({ method: 'GET', url: '/v1/snapshot', headers: { authorization } });
      expect(none.statusCode).toBe(404);
      expect(none.json()).toEqual({ error: { code: 'SNAPSHOT_NOT_FOUND', message: expect.stringMatching(/^Le serveur n'a pas encore d'instantané du club/), messageEn: expect.any(String) } });
      expect((await app.inject({ method: 'GET', url: '/v1/snapshot' })).statusCode).toBe(401);
      await buildClubSnapshot(sdb, clubId, { chunkBytes: 5_000 });
      const stored = (await latestSnapshot(sdb, clubId))!;
      expect(stored.chunks).toBeGreaterThan(3);
      const answer = await app.inject({ method: 'GET', url: '/v1/snapshot', headers: { authorization } });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/gzip');
      expect([answer.headers['x-comptoir-snapshot-seq'], answer.headers['x-comptoir-snapshot-sha256']]).toEqual([String(stored.serverSeq), stored.sha256]);
      expect(answer.rawPayload.equals(await readSnapshot(sdb, clubId, stored))).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('a snapshot file', () => {
  it('is a plain SQLite file that leaves SQLCipher’s 80 bytes free on each page, with no free page', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'comptoir-snapshot-'));
    try {
      const sdb = await openServerDb(join(folder, 'server.sqlite'));
      const club = await testClub(sdb);
      const a = await enrolledDesk(sdb, 'demo', 'Accueil');
      const desk = await sdb.db.selectFrom('desk').selectAll().executeTakeFirstOrThrow();
      await acceptPush(sdb, desk, entriesToPush(a.desk.reader, 0, 500));
      await buildClubSnapshot(sdb, club.id);
      const bytes = gunzipSync(await readSnapshot(sdb, club.id, (await latestSnapshot(sdb, club.id))!));
      await sdb.close();
      expect([bytes.subarray(0, 16).toString('latin1'), bytes.readUInt16BE(16), bytes[20]]).toEqual(['SQLite format 3\u0000', 4096, 80]);
      const db = new BetterSqlite3(bytes.fill(1, 18, 20), { readonly: true });
      expect(db.pragma('freelist_count', { simple: true })).toBe(0);
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
