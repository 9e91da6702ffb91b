import { beforeAll, describe, expect, it } from 'vitest';
import { listActivities } from '../../src-main/core/activities/activities.js';
import { listUsers, signIn } from '../../src-main/core/users/users.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { getMember } from '../../src-main/core/members/members.js';
import { demoOrderCount, loadDemoData, type DemoSummary } from '../../src-main/demo/index.js';
import { count, newDesk, type TestDesk } from '../helpers.js';

const MEMBERS = 300;

function loaded(seed = 7): TestDesk & { summary: DemoSummary } {
  const test = newDesk();
  return { ...test, summary: loadDemoData(test.desk, test.admin, { members: MEMBERS, seed }) };
}

/** What two loads with the same seed must agree on: every receipt, amount, date and member. */
function fingerprint(test: TestDesk): unknown {
  return test.desk.reader.rawAll(
    `SELECT o.receipt_number, o.kind, o.total_cents, o.business_date, o.created_at, m.number, m.first_name, m.last_name,
       (SELECT group_concat(method || ':' || amount_cents) FROM payment WHERE order_id = o.id) AS payments
     FROM sale_order o LEFT JOIN member m ON m.id = o.member_id ORDER BY o.receipt_seq`,
  );
}

describe('the demo club', () => {
  let demo: ReturnType<typeof loaded>;
  beforeAll(() => {
    demo = loaded();
  });

  it('passes every integrity check of the database', () => {
    expect(verifyDatabase(demo.desk.reader)).toEqual([]);
  });

  it('has the members asked for, with couples sharing a household and often an email', () => {
    const { desk, summary } = demo;
    expect(summary.members).toBe(MEMBERS);
    expect(count(desk, 'member')).toBe(MEMBERS);
    expect(summary.households).toBeGreaterThan(0);
    const sharedEmails = desk.reader.rawGet<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT email FROM member WHERE email IS NOT NULL
       GROUP BY email, household_id HAVING count(*) = 2 AND household_id IS NOT NULL)`,
    )!.n;
    expect(sharedEmails).toBeGreaterThan(0);
  });

  it('has accented Québec names, as volunteers will type and search them', () => {
    const names = demo.desk.reader.rawAll<{ name: string }>("SELECT first_name || ' ' || last_name AS name FROM member").map((r) => r.name);
    expect(names.filter((name) => /[éèêëàâîïôûüçÉ]/.test(name)).length).toBeGreaterThan(MEMBERS / 10);
    expect(names.some((name) => name.includes('-'))).toBe(true);
  });

  it('publishes 40 activities over five seasons, some full with a waitlist, some open to non-members', () => {
    const { desk, summary } = demo;
    expect(summary.activities.total).toBe(40);
    expect(summary.activities.bySeason).toEqual({
      'Automne 2025': 8,
      'Hiver 2026': 8,
      'Printemps 2026': 8,
      'Automne 2026': 8,
      'Hiver 2027': 8,
    });
    const activities = listActivities(desk);
    expect(activities).toHaveLength(40);
    expect(activities.some((a) => a.placesLeft === 0 && a.waitlistCount > 0)).toBe(true);
    expect(activities.some((a) => !a.membershipRequired)).toBe(true);
    expect(activities.every((a) => a.leader && a.schedule && a.place)).toBe(true);
    expect(summary.registrations.waitlisted).toBeGreaterThan(0);
  });

  it('replays past registration days through the real sale path: every drawer opened and closed', () => {
    const { desk, summary } = demo;
    expect(summary.orders.sales).toBe(demoOrderCount(MEMBERS));
    expect(count(desk, 'sale_order', "kind = 'sale'")).toBe(summary.orders.sales);
    expect(count(desk, 'sale_order', "kind = 'void'")).toBe(summary.orders.voids);
    expect(summary.orders.voids).toBeGreaterThanOrEqual(1);
    expect(count(desk, 'cash_session')).toBe(summary.businessDays);
    expect(count(desk, 'cash_session', 'closed_at IS NULL')).toBe(0);
    expect(count(desk, 'cash_session', 'difference_cents <> 0 AND difference_reason IS NOT NULL')).toBe(summary.cashSessions.overShort);
    expect(count(desk, 'sale_order', "business_date >= '2026-11-27'")).toBe(0);
    // One audit entry and one outbox operation per write, as at a real desk.
    expect(count(desk, 'audit_log')).toBe(count(desk, 'outbox'));
  });

  it('takes cash, cheques, cards and split payments, and renews memberships', () => {
    const { desk } = demo;
    for (const method of ['cash', 'cheque', 'card']) expect(count(desk, 'payment', `method = '${method}'`)).toBeGreaterThan(0);
    expect(count(desk, 'sale_order', "kind = 'sale' AND id IN (SELECT order_id FROM payment GROUP BY order_id HAVING count(*) > 1)")).toBeGreaterThan(0);
    expect(count(desk, 'membership_period', 'voided_by_order_id IS NULL')).toBeGreaterThan(50);
  });

  it('creates volunteers who sign in with the PINs the summary gives', async () => {
    const { desk, summary } = demo;
    const lise = listUsers(desk).find((u) => u.name === 'Lise Bouchard');
    expect(summary.volunteers).toContainEqual({ name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
    expect((await signIn(desk, { userId: lise?.id, pin: '1234' })).name).toBe('Lise Bouchard');
    expect(summary.notes.join('\n')).toMatch(/1234/);
    // Who is who, for a new user trying the treasurer's or the administrator's screens.
    expect(summary.notes.join('\n')).toMatch(/Huguette Lavoie 9876 \(trésorerie\), .*Gilles Fortin 2468 \(administration\)/);
  });

  it('leaves the caller’s desk on its own clock', () => {
    expect(demo.desk.clock.now().toISOString()).toBe('2026-11-27T15:00:00.000Z');
  });

  it('gives the same club for the same seed', () => {
    const again = loaded();
    expect(fingerprint(again)).toEqual(fingerprint(demo));
    expect(again.summary.registrations).toEqual(demo.summary.registrations);
  });

  it('looks like a real club a year in: most members active or recently lapsed, a few never members', () => {
    const { desk } = demo;
    const statuses = desk.reader
      .rawAll<{ number: number }>('SELECT number FROM member')
      .map((m) => getMember(desk, m.number).status.kind);
    const share = (kinds: string[]) => statuses.filter((k) => kinds.includes(k)).length / statuses.length;
    expect(share(['active', 'grace', 'expired', 'upcoming'])).toBeGreaterThan(0.85);
    expect(share(['active', 'grace'])).toBeGreaterThan(0.4);
    expect(share(['never'])).toBeGreaterThan(0.02);
    expect(share(['never'])).toBeLessThan(0.15);
  });
});
