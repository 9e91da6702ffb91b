import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { createEnrollmentCode } from '../../src-server/desks.js';
import { buildClubSnapshot, latestSnapshot, readSnapshot } from '../../src-server/snapshots.js';
import { openDesk, type Desk } from '../../src-main/core/desk/desk.js';
import { updateClubSettings } from '../../src-main/core/desk/settings.js';
import { systemUserId } from '../../src-main/core/desk/setup.js';
import { readSyncStatus, readSyncTarget } from '../../src-main/core/ledger/sync-progress.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { getMember, updateMember } from '../../src-main/core/members/members.js';
import { eraseMember } from '../../src-main/core/privacy/erasure.js';
import { newDatabaseKey, type DatabaseKey } from '../../src-main/db/key.js';
import { joinClubServer } from '../../src-main/sync/join.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import { fixedClock } from '../../src-shared/clock.js';
import { ERASED_MEMBER } from '../../src-shared/personal-data.js';
import { busyDay } from '../core/busy-day.js';
import { addMember, tempFolder } from '../helpers.js';
import { DIALECTS, enrolledDesk, testClub, testServerDb } from '../server/harness.js';

/** Everything a volunteer or the treasurer would compare between two desks of one club (`leaving` out some desks' own rows). */
function clubView(desk: Desk, leaving: Desk[] = []) {
  const all = (sql: string) => desk.reader.rawAll(sql);
  return {
    members: all('SELECT id, number, first_name, last_name, phone, email, city, notes, expires_on, erased_at, field_stamps FROM member ORDER BY number'),
    periods: all('SELECT id, member_id, starts_on, ends_on, voided_by_order_id FROM membership_period ORDER BY id'),
    registrations: all('SELECT id, member_id, activity_id, status FROM registration ORDER BY id'),
    orders: all('SELECT id, receipt_number, total_cents FROM sale_order ORDER BY id'),
    payments: all('SELECT id, order_id, method, amount_cents FROM payment ORDER BY id'),
    drawers: all('SELECT id, desk_id, closed_at FROM cash_session ORDER BY id'),
    flags: all('SELECT id, reason FROM treasurer_flag ORDER BY id'),
    users: all("SELECT id, name, role FROM app_user WHERE name NOT LIKE 'Administration (ligne de commande)%' ORDER BY id"),
    desks: all('SELECT id, name, receipt_prefix, next_receipt_seq FROM desk ORDER BY id').filter((d) => ![desk, ...leaving].some((left) => left.id === (d as { id: string }).id)),
    settings: desk.settings(),
    keys: all('SELECT member_id, key FROM member_key ORDER BY member_id'),
  };
}

describe.each(DIALECTS)('a new desk bootstrapped from the club’s snapshot on %s', (dialect) => {
  let sdb: ServerDb;
  let app: FastifyInstance;
  const opened: Desk[] = [];
  afterEach(async () => {
    for (const desk of opened.splice(0)) desk.close();
    await app.close();
    await sdb.close();
  });

  const start = async () => {
    sdb = await testServerDb(dialect);
    const club = await testClub(sdb);
    app = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const a = await enrolledDesk(sdb, 'demo', 'Accueil', '2026-11-26T15:00:00Z');
    const targetA = { address, deskId: a.enrollment.desk.id, credential: a.enrollment.credential };
    const join_ = async (name: string, options: { key?: DatabaseKey; fetch?: typeof fetch } = {}) => {
      const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: name });
      const file = join(tempFolder(), 'poste.sqlite');
      const desk = await joinClubServer(file, { address, code }, { clock: fixedClock('2026-11-28T15:00:00Z'), ...(options.key ? { key: options.key } : {}) }, options.fetch ?? fetch);
      opened.push(desk);
      return { desk, file, target: readSyncTarget(desk.reader)! };
    };
    return { clubId: club.id, a, targetA, join: join_ };
  };
  /** Pulled entries applied before the desk's own set-up: only a desk that started from a snapshot has them. */
  const fromSnapshot = (desk: Desk) => desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM pulled_entry WHERE after_local_seq = 0')!.n;

  it('holds the same club as a desk that pulled the whole log, is verify-clean, encrypted, and keeps syncing both ways', async () => {
    const { clubId, a, targetA, join: joinDesk } = await start();
    busyDay(a);
    updateClubSettings(a.desk, a.admin, { membershipPriceCents: 3000 });
    const ginette = addMember(a.desk, a.admin, 'Ginette', 'Lachance', { phone: '514 555-0101' });
    eraseMember(a.desk, a.admin, { number: ginette, reason: 'request' });
    await pushPending(a.desk, targetA);
    // The desk that replays: it joins before there is a snapshot.
    const replayed = await joinDesk('Salle 2');
    expect(fromSnapshot(replayed.desk)).toBe(0);

    expect(await buildClubSnapshot(sdb, clubId)).toMatchObject({ built: true, incremental: false });
    // The tail: written after the snapshot.
    const roger = addMember(a.desk, a.admin, 'Roger', 'Gagnon');
    updateMember(a.desk, a.admin, roger, { city: 'Laval' });
    await pushPending(a.desk, targetA);

    const key = newDatabaseKey();
    const joined = await joinDesk('Salle 3', { key });
    expect(fromSnapshot(joined.desk)).toBeGreaterThan(0);
    await pullChanges(replayed.desk, replayed.target);
    expect(clubView(joined.desk, [replayed.desk])).toEqual(clubView(replayed.desk, [joined.desk]));
    expect(clubView(joined.desk).settings.membershipPriceCents).toBe(3000);
    expect(verifyDatabase(joined.desk.reader)).toEqual([]);
    expect(readSyncStatus(joined.desk.reader)).toMatchObject({ synced: true, toCheck: 0 });
    // Encrypted with the desk's key, and nothing left beside it but its own files.
    expect(readFileSync(joined.file).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(readdirSync(dirname(joined.file)).filter((name) => name.includes('snapshot'))).toEqual([]);
    joined.desk.close();
    opened.splice(opened.indexOf(joined.desk), 1);
    const reopened = openDesk(joined.file, { key });
    opened.push(reopened);

    // Its own writes go to the club, and the club's reach it.
    const louise = addMember(reopened, { userId: systemUserId(reopened) }, 'Louise', 'Tremblay');
    expect(await pushPending(reopened, joined.target)).toMatchObject({ kind: 'sent' });
    await pullChanges(a.desk, targetA);
    expect(getMember(a.desk, louise).lastName).toBe('Tremblay');
    const yvon = addMember(a.desk, a.admin, 'Yvon', 'Roy');
    await pushPending(a.desk, targetA);
    await pullChanges(reopened, joined.target);
    expect(getMember(reopened, yvon).firstName).toBe('Yvon');
    expect(verifyDatabase(reopened.reader)).toEqual([]);
    expect(verifyDatabase(a.desk.reader)).toEqual([]);
  });

  it('never holds an erased member’s key or details, and a desk started from an older snapshot erases them when it pulls the erasure', async () => {
    const { clubId, a, targetA, join: joinDesk } = await start();
    const ginette = addMember(a.desk, a.admin, 'Ginette', 'Zyxwvutsrq', { phone: '514 555-0177' });
    const id = getMember(a.desk, ginette).id;
    const key = a.desk.reader.rawGet<{ key: Buffer }>('SELECT key FROM member_key WHERE member_id = ?', id)!.key;
    await pushPending(a.desk, targetA);
    await buildClubSnapshot(sdb, clubId);
    const before = await joinDesk('Salle 2');
    expect(before.desk.reader.rawGet('SELECT 1 AS here FROM member_key WHERE member_id = ?', id)).toBeDefined();

    eraseMember(a.desk, a.admin, { number: ginette, reason: 'request' });
    await pushPending(a.desk, targetA);
    // The erasure took the snapshots that held her key.
    expect(await latestSnapshot(sdb, clubId)).toBeNull();
    expect(await buildClubSnapshot(sdb, clubId)).toMatchObject({ built: true });
    const bytes = gunzipSync(await readSnapshot(sdb, clubId, (await latestSnapshot(sdb, clubId))!));
    for (const secret of [key, Buffer.from(key.toString('base64')), Buffer.from('Zyxwvutsrq'), Buffer.from('555-0177')]) expect(bytes.includes(secret)).toBe(false);

    const after = await joinDesk('Salle 3');
    expect(fromSnapshot(after.desk)).toBeGreaterThan(0);
    await pullChanges(before.desk, before.target);
    for (const desk of [before.desk, after.desk]) {
      expect([getMember(desk, ginette).firstName, getMember(desk, ginette).phone]).toEqual([ERASED_MEMBER.firstName, null]);
      expect(desk.reader.rawAll('SELECT 1 FROM member_key WHERE member_id = ?', id)).toEqual([]);
      expect(verifyDatabase(desk.reader)).toEqual([]);
    }
  });

  it('falls back to the whole log when the snapshot is corrupt, does not match its checksum, or the download fails, leaving nothing half-written', async () => {
    const { clubId, a, targetA, join: joinDesk } = await start();
    busyDay(a);
    await pushPending(a.desk, targetA);
    await buildClubSnapshot(sdb, clubId);
    const good = await joinDesk('Témoin');
    expect(fromSnapshot(good.desk)).toBeGreaterThan(0);

    const failing: typeof fetch = async (input, init) => {
      if (String(input).includes('/v1/snapshot')) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const cut = await joinDesk('Coupé', { fetch: failing });
    // Garbage with a checksum that matches: it downloads, and cannot be opened.
    const garbage = Buffer.from('SQLite format 3\u0000'.padEnd(8192, 'x'));
    const gzipped = gzipSync(garbage);
    await sdb.db.deleteFrom('club_snapshot_chunk').where('n', '>', 0).execute();
    await sdb.db.updateTable('club_snapshot_chunk').set({ data: gzipped }).execute();
    await sdb.db.updateTable('club_snapshot').set({ sha256: createHash('sha256').update(gzipped).digest('hex'), chunks: 1, bytes: garbage.length, gzipped_bytes: gzipped.length }).execute();
    const corrupt = await joinDesk('Corrompu', { key: newDatabaseKey() });
    await sdb.db.updateTable('club_snapshot').set({ sha256: '0'.repeat(64) }).execute();
    const mismatched = await joinDesk('Altéré');

    // Each knows the others as other desks: the rest of the club must be the same.
    await pullChanges(good.desk, good.target);
    const club = (desk: Desk) => clubView(desk, [good.desk, cut.desk, corrupt.desk, mismatched.desk]);
    for (const joined of [cut, corrupt, mismatched]) {
      await pullChanges(joined.desk, joined.target);
      expect(fromSnapshot(joined.desk), joined.desk.name).toBe(0);
      expect(club(joined.desk), joined.desk.name).toEqual(club(good.desk));
      expect(verifyDatabase(joined.desk.reader), joined.desk.name).toEqual([]);
      expect(readdirSync(dirname(joined.file)).filter((name) => name.includes('snapshot'))).toEqual([]);
      expect(existsSync(joined.file)).toBe(true);
    }
  });
});
