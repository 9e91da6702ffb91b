import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { clubMoney } from '../../src-server/money.js';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { cancelRegistration, registerMember } from '../../src-main/core/activities/registrations.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { updateMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { voidOrder } from '../../src-main/core/sales/corrections.js';
import { mulberry32 } from '../../src-main/demo/people.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { pushPending } from '../../src-main/sync/push-client.js';
import { isComptoirError } from '../../src-shared/errors.js';
import { addMember, openDrawer } from '../helpers.js';
import { DIALECTS, enrolledDesk, testClub, testServerDb } from '../server/harness.js';
import { memberDetails } from '../../src-server/members.js';

const STEPS = Number(process.env.CONVERGENCE_STEPS ?? 120);
const SEED = Number(process.env.CONVERGENCE_SEED ?? 20261130);

/**
 * The same random streams of work — new members, edits, renewals, registrations and
 * cancellations, sales of a small activity, voids — played on three desks that sync now and then,
 * in any order, with clocks a little apart. Once every desk has synced, they hold the same
 * members (every detail), periods, registrations and money, and so does the server's view of
 * periods, places and money: one rule, one place.
 */
describe.each(DIALECTS)('three desks converge on %s', (dialect) => {
  let sdb: ServerDb;
  let app: FastifyInstance;
  afterEach(async () => {
    await app.close();
    await sdb.close();
  });

  it(`to the same club after ${STEPS} random steps (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    sdb = await testServerDb(dialect);
    await testClub(sdb);
    app = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const desks: (Awaited<ReturnType<typeof enrolledDesk>> & { sync: () => Promise<unknown> })[] = [];
    for (const [i, name] of ['Accueil', 'Salle 2', 'Salle 3'].entries()) {
      const d = await enrolledDesk(sdb, 'demo', name, `2026-11-27T1${4 + i}:00:00Z`);
      openDrawer(d.desk, d.admin);
      const target = { address, deskId: d.enrollment.desk.id, credential: d.enrollment.credential };
      desks.push({ ...d, sync: async () => (await pushPending(d.desk, target), await pullChanges(d.desk, target)) });
    }
    const [first] = desks;
    createActivity(first!.desk, first!.admin, { code: 'YOGA', name: 'Yoga doux', season: 'Hiver 2027', priceCents: 3000, capacity: 3, membershipRequired: false });
    for (const d of desks) await d.sync();
    for (const d of desks) await d.sync();

    const numbersOn = (d: (typeof desks)[number]) => d.desk.reader.rawAll<{ number: number }>('SELECT number FROM member WHERE erased_at IS NULL').map((m) => m.number);
    const steps: Record<string, number> = {};
    for (let step = 0; step < STEPS; step++) {
      const d = pick(desks);
      d.clock.advance(Math.floor(random() * 90_000));
      const kind = pick(['member', 'member', 'edit', 'edit', 'renew', 'yoga', 'register', 'cancel', 'void', 'sync', 'sync', 'sync'] as const);
      const known = numbersOn(d);
      try {
        if (kind === 'member') addMember(d.desk, d.admin, `P${step}`, pick(['Roy', 'Gagnon', 'Côté', 'Lévesque']));
        else if (kind === 'sync') await d.sync();
        else if (known.length === 0) continue;
        else if (kind === 'edit') updateMember(d.desk, d.admin, pick(known), { [pick(['phone', 'city', 'notes'])]: pick(['514 555-0101', '418 555-0202', 'Laval', 'Rimouski', 'Préfère le matin']) });
        else if (kind === 'renew') checkout(d.desk, d.admin, { memberNumber: pick(known), lines: [{ kind: 'membership', force: true }], payments: [{ method: 'cheque', amountCents: 2500, chequeNumber: String(step), bank: 'Desjardins' }] });
        else if (kind === 'yoga') checkout(d.desk, d.admin, { memberNumber: pick(known), lines: [{ kind: 'activity', activityCode: 'YOGA' }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
        else if (kind === 'register') registerMember(d.desk, d.admin, { activityCode: 'YOGA', memberNumber: pick(known), waitlistIfFull: true });
        else if (kind === 'cancel') cancelRegistration(d.desk, d.admin, { activityCode: 'YOGA', memberNumber: pick(known) });
        else {
          const own = d.desk.reader.rawAll<{ receipt_number: string }>(
            "SELECT receipt_number FROM sale_order o WHERE desk_id = ? AND original_order_id IS NULL AND NOT EXISTS (SELECT 1 FROM sale_order c WHERE c.original_order_id = o.id)",
            d.desk.id,
          );
          if (own.length > 0) voidOrder(d.desk, d.admin, { receiptNumber: pick(own).receipt_number, reason: 'Essai' });
        }
        steps[kind] = (steps[kind] ?? 0) + 1;
      } catch (error) {
        // A refusal the desk would show the volunteer (full, already registered, not found…): nothing happened.
        if (!isComptoirError(error)) throw error;
      }
    }

    for (let pass = 0; pass < 3; pass++) for (const d of desks) await d.sync();
    const view = (d: (typeof desks)[number]) => ({
      members: d.desk.reader.rawAll('SELECT number, first_name, last_name, phone, city, notes, expires_on, erased_at IS NOT NULL AS erased FROM member ORDER BY number'),
      periods: d.desk.reader.rawAll('SELECT id, member_id, starts_on, ends_on, voided_by_order_id IS NOT NULL AS voided FROM membership_period ORDER BY id'),
      registrations: d.desk.reader.rawAll('SELECT id, member_id, status FROM registration ORDER BY id'),
      money: d.desk.reader.rawGet<{ total: number; n: number }>('SELECT coalesce(sum(total_cents), 0) AS total, count(*) AS n FROM sale_order'),
      flags: d.desk.reader.rawAll('SELECT id, reason FROM treasurer_flag ORDER BY id'),
    });
    for (const d of desks) {
      const refused = d.desk.reader.rawAll<{ action: string; problem: string }>('SELECT action, problem FROM pulled_entry WHERE problem IS NOT NULL');
      expect(refused, `${d.desk.name}: pulled entries it could not apply`).toEqual([]);
    }
    const [a, ...others] = desks.map(view);
    for (const [i, other] of others.entries()) expect(other, `desk ${i + 2} against desk 1 (steps ${JSON.stringify(steps)})`).toEqual(a);
    for (const d of desks) expect(verifyDatabase(d.desk.reader), d.desk.name).toEqual([]);

    const club = await sdb.db.selectFrom('club').select('id').executeTakeFirstOrThrow();
    const money = await clubMoney(sdb, club.id);
    expect([money.totalCents, money.orders]).toEqual([a!.money!.total, a!.money!.n]);
    const serverPeriods = await sdb.db.selectFrom('server_period').select(['id', 'starts_on', 'ends_on', 'voided']).orderBy('id').execute();
    expect(serverPeriods.map((p) => [p.id, p.starts_on, p.ends_on, Number(p.voided)])).toEqual(
      (a!.periods as { id: string; starts_on: string; ends_on: string; voided: number }[]).map((p) => [p.id, p.starts_on, p.ends_on, p.voided]),
    );
    const serverPlaces = await sdb.db.selectFrom('server_registration').select(['id', 'status']).orderBy('id').execute();
    expect(serverPlaces.map((r) => [r.id, r.status])).toEqual((a!.registrations as { id: string; status: string }[]).map((r) => [r.id, r.status]));
    // The server's view of members' details (what its emails are written from) is the desks'.
    const serverMembers = await sdb.db.selectFrom('server_member').select(['id', 'number']).orderBy('number').execute();
    const held = await Promise.all(serverMembers.map(async (m) => [Number(m.number), await memberDetails(sdb.db, club.id, m.id)] as const));
    expect(held.map(([number, details]) => (details ? [number, details.firstName, details.lastName, details.phone, details.city, details.notes] : [number, null]))).toEqual(
      (a!.members as { number: number; first_name: string; last_name: string; phone: string; city: string; notes: string; erased: number }[]).map((m) =>
        m.erased ? [m.number, null] : [m.number, m.first_name, m.last_name, m.phone, m.city, m.notes],
      ),
    );
  }, 120_000);
});
