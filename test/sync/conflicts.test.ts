import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { getMember, updateMember } from '../../src-main/core/members/members.js';
import { readSyncStatus } from '../../src-main/core/ledger/sync-progress.js';
import { eraseMember } from '../../src-main/core/privacy/erasure.js';
import { ERASED_MEMBER } from '../../src-shared/personal-data.js';
import { nextPeriod } from '../../src-shared/memberships.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { voidOrder } from '../../src-main/core/sales/corrections.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import type { SyncTarget } from '../../src-main/sync/transport.js';
import { addMember, openDrawer } from '../helpers.js';
import { DIALECTS, enrolledDesk, testClub, testServerDb } from '../server/harness.js';

describe.each(DIALECTS)('what the server decides when offline desks disagree, on %s', (dialect) => {
  let sdb: ServerDb;
  let app: FastifyInstance;
  afterEach(async () => {
    await app.close();
    await sdb.close();
  });

  /** Two desks of one club on a server on loopback, each with its drawer open. */
  const twoDesks = async (names = ['Accueil', 'Salle 2'], serverNow?: () => Date) => {
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    app = await buildServer(sdb, serverNow ? { now: serverNow } : {});
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const desks = [];
    for (const name of names) {
      const d = await enrolledDesk(sdb, 'demo', name);
      openDrawer(d.desk, d.admin);
      const target: SyncTarget = { address, deskId: d.enrollment.desk.id, credential: d.enrollment.credential };
      desks.push({ ...d, sync: async () => ({ pushed: await pushPending(d.desk, target), pulled: await pullChanges(d.desk, target) }) });
    }
    return desks as [(typeof desks)[0], (typeof desks)[0], ...(typeof desks)[0][]];
  };
  const flags = (d: { desk: { reader: { rawAll: <T>(sql: string) => T[] } } }) =>
    d.desk.reader.rawAll<{ reason: string; order_ids: string }>('SELECT reason, order_ids FROM treasurer_flag').map((f) => ({ reason: f.reason, orders: JSON.parse(f.order_ids).length }));

  it('keeps both payments when two desks renew the same member offline, extends the membership by both, and flags the double payment', async () => {
    const [a, b] = await twoDesks();
    const ginette = addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    await a.sync();
    await b.sync();
    // Both offline, both renew her.
    const renew = (d: typeof a) => checkout(d.desk, d.admin, { memberNumber: ginette, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
    renew(a);
    renew(b);
    const oneYear = getMember(a.desk, ginette).expiresOn!;
    expect(getMember(b.desk, ginette).expiresOn).toBe(oneYear);

    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const member = getMember(d.desk, ginette);
      expect(member.expiresOn! > oneYear).toBe(true);
      // Hers: A's year, B's year as sold, and the year after A's that B's payment now also pays.
      expect(d.desk.reader.rawAll('SELECT id FROM membership_period WHERE member_id = ? AND voided_by_order_id IS NULL', member.id)).toHaveLength(3);
      expect(d.desk.reader.rawAll('SELECT id FROM sale_order WHERE member_id = ?', member.id)).toHaveLength(2);
      expect(flags(d)).toEqual([{ reason: 'double_renewal', orders: 2 }]);
      expect(verifyDatabase(d.desk.reader)).toEqual([]);
    }
    expect(getMember(a.desk, ginette).expiresOn).toBe(getMember(b.desk, ginette).expiresOn);
    // Exactly what one desk renewing her twice in a row would give (the shared renewal rule).
    expect(getMember(a.desk, ginette).expiresOn).toBe(nextPeriod(a.desk.settings(), oneYear, '2026-11-27').endsOn);

    // The treasurer refunds B's sale: its two periods go, and the membership is A's year again.
    const receipt = b.desk.reader.rawGet<{ r: string }>("SELECT receipt_number AS r FROM sale_order WHERE receipt_number LIKE 'B-%'")!.r;
    voidOrder(b.desk, b.admin, { receiptNumber: receipt, reason: 'Payé deux fois' });
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(getMember(d.desk, ginette).expiresOn).toBe(oneYear);
      expect(verifyDatabase(d.desk.reader)).toEqual([]);
    }
  });

  it('keeps one desk’s sale of the last place and puts the other on the waitlist, flagged for a refund, on both desks', async () => {
    const [a, b] = await twoDesks();
    createActivity(a.desk, a.admin, { code: 'YOGA', name: 'Yoga doux', season: 'Hiver 2027', priceCents: 6000, capacity: 1, membershipRequired: false });
    const roger = addMember(a.desk, a.admin, 'Roger', 'Gagnon');
    const yvette = addMember(a.desk, a.admin, 'Yvette', 'Sirois');
    await a.sync();
    await b.sync();
    const sell = (d: typeof a, number: number) =>
      checkout(d.desk, d.admin, { memberNumber: number, lines: [{ kind: 'activity', activityCode: 'YOGA' }], payments: [{ method: 'cash', tenderedCents: 6000 }] });
    sell(a, roger);
    sell(b, yvette);

    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const places = d.desk.reader.rawAll<{ number: number; status: string }>(
        'SELECT m.number, r.status FROM registration r JOIN member m ON m.id = r.member_id ORDER BY m.number',
      );
      expect(places).toEqual([
        { number: roger, status: 'registered' },
        { number: yvette, status: 'waitlisted' },
      ]);
      expect(flags(d)).toEqual([{ reason: 'over_capacity', orders: 1 }]);
      expect(verifyDatabase(d.desk.reader)).toEqual([]);
    }
  });

  it('keeps each detail’s latest edit, whatever order two offline desks’ edits reach each desk in', async () => {
    const [a, b] = await twoDesks();
    const ginette = addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    await a.sync();
    await b.sync();
    a.clock.set('2026-11-27T15:00:00Z');
    b.clock.set('2026-11-27T15:05:00Z');
    updateMember(a.desk, a.admin, ginette, { phone: '514 555-0101', email: 'ginette@exemple.ca' });
    updateMember(b.desk, b.admin, ginette, { phone: '514 555-0202' });
    // B's later edit reaches the server first, A's earlier one after it.
    await b.sync();
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      const member = getMember(d.desk, ginette);
      expect([member.phone, member.email]).toEqual(['514 555-0202', 'ginette@exemple.ca']);
      expect(verifyDatabase(d.desk.reader)).toEqual([]);
    }
  });

  it('orders an edit made after reading another desk’s after it, even from a desk whose clock is a little behind', async () => {
    const [a, b] = await twoDesks();
    const ginette = addMember(a.desk, a.admin, 'Ginette', 'Lachance');
    a.clock.set('2026-11-27T15:10:00Z');
    updateMember(a.desk, a.admin, ginette, { city: 'Laval' });
    await a.sync();
    b.clock.set('2026-11-27T15:06:00Z'); // four minutes behind A
    await b.sync();
    updateMember(b.desk, b.admin, ginette, { city: 'Longueuil' });
    await b.sync();
    await a.sync();
    for (const d of [a, b]) expect(getMember(d.desk, ginette).city).toBe('Longueuil');
  });

  it('tells a desk whose clock is far off, keeps its work, and does not let it drag the others’ clocks', async () => {
    const [a, c] = await twoDesks(['Accueil', 'Salle 3'], () => new Date('2026-11-27T15:00:00Z'));
    a.clock.set('2026-11-27T15:00:00Z');
    c.clock.set('2026-11-27T15:30:00Z'); // thirty minutes ahead
    const roger = addMember(c.desk, c.admin, 'Roger', 'Gagnon');
    await c.sync();
    expect(readSyncStatus(c.desk.reader).clockOffMs).toBe(30 * 60_000);
    expect(readSyncStatus(a.desk.reader).clockOffMs).toBe(null);
    await a.sync();
    expect(getMember(a.desk, roger).firstName).toBe('Roger');
    updateMember(a.desk, a.admin, roger, { phone: '514 555-0303' });
    const lastAt = a.desk.reader.rawGet<{ at: string }>('SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1')!.at;
    // Not 15:30: C's instants were too far ahead to move A's clock (its set-up at 15:00 did, by a millisecond).
    expect(lastAt < '2026-11-27T15:00:01Z').toBe(true);
  });

  it('carries an erasure everywhere: the member is erased on every desk, every copy of the key destroyed, an older edit arriving later does not bring the data back', async () => {
    const [a, b] = await twoDesks();
    const ginette = addMember(a.desk, a.admin, 'Ginette', 'Lachance', { phone: '514 555-0101', email: 'ginette@exemple.ca' });
    await a.sync();
    await b.sync();
    const id = getMember(a.desk, ginette).id;
    b.clock.set('2026-11-27T15:00:00Z');
    updateMember(b.desk, b.admin, ginette, { phone: '514 555-0999' }); // offline, before the erasure
    a.clock.set('2026-11-27T15:30:00Z');
    eraseMember(a.desk, a.admin, { number: ginette, reason: 'request' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      const member = getMember(d.desk, ginette);
      expect([member.firstName, member.phone, member.email]).toEqual([ERASED_MEMBER.firstName, null, null]);
      expect(d.desk.reader.rawAll('SELECT 1 FROM member_key WHERE member_id = ?', id)).toEqual([]);
      expect(verifyDatabase(d.desk.reader)).toEqual([]);
    }
    expect(await sdb.db.selectFrom('server_member').select('key').where('id', '=', id).execute()).toEqual([{ key: null }]);
  });
});