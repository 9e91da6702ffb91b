import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../src-main/api/service.js';
import { METHOD_NAMES } from '../../src-main/api/methods.js';
import type { Method } from '../../src-main/api/contract.js';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { recordCashMovement } from '../../src-main/core/cash/cash-sessions.js';
import { emailReceipt } from '../../src-main/core/sales/receipts.js';
import { createUser } from '../../src-main/core/users/users.js';
import type { Role } from '../../src-shared/words.js';
import { addMember, count, newDesk, openDrawer } from '../helpers.js';

const ROLES: Role[] = ['volunteer', 'leader', 'treasurer', 'admin'];

/** docs/ROLES.md's table: each row's label, and the roles ticked ✓. */
function documentedMatrix(): Map<string, Role[]> {
  const rows = readFileSync(new URL('../../docs/ROLES.md', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return new Map(
    rows.map((line) => {
      const [label, ...cells] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return [label!.replace(/`/g, ''), ROLES.filter((_, i) => cells[i] === '✓')];
    }),
  );
}

/** A small club: two members with an email, one without, an activity the leader leads, two sales in an open drawer. */
function club(role: Role) {
  const t = newDesk();
  const { desk, admin } = t;
  const me = createUser(desk, admin, { name: 'Monique Gagnon', role, pin: '2468' });
  const robert = createUser(desk, admin, { name: 'Robert Morin', role: 'volunteer', pin: '1111' });
  const jean = addMember(desk, admin, 'Jean', 'Roy', { email: 'jean.roy@exemple.ca' });
  const marie = addMember(desk, admin, 'Marie', 'Roy');
  const paul = addMember(desk, admin, 'Paul', 'Caron', { email: 'paul.caron@exemple.ca' });
  createActivity(desk, admin, { code: 'CHORALE', name: 'Chorale', season: 'Hiver 2027', priceCents: 0, leader: 'monique gagnon', membershipRequired: false });
  createActivity(desk, admin, { code: 'YOGA', name: 'Yoga', season: 'Hiver 2027', priceCents: 0, leader: 'Denise Poulin', membershipRequired: false });
  openDrawer(desk, admin);
  checkout(desk, admin, { memberNumber: jean, lines: [{ kind: 'donation', amountCents: 1000 }], payments: [{ method: 'cash', tenderedCents: 1000 }] });
  checkout(desk, admin, { memberNumber: paul, lines: [{ kind: 'donation', amountCents: 2000 }], payments: [{ method: 'cash', tenderedCents: 2000 }] });
  const today = '2026-11-27';
  const card = { authCode: 'AB12', last4: '4242', brand: 'visa' };
  // Each row of docs/ROLES.md, with a call that succeeds for a role ticked ✓; in this order, as a day goes.
  const calls: [string, Method, unknown][] = [
    ['desk.state (public)', 'desk.state', {}],
    ['desk.setLanguage (public)', 'desk.setLanguage', { language: 'fr' }],
    ['users.list (public)', 'users.list', {}],
    ['sync.status (public)', 'sync.status', {}],
    ['session.signIn (public)', 'session.signIn', { userId: me.id, pin: '2468' }],
    ['session.keepAlive', 'session.keepAlive', {}],
    ['members.search', 'members.search', { query: 'roy' }],
    ['members.profile', 'members.profile', { number: jean }],
    ['members.profileStamp (whether an open profile changed; no personal data)', 'members.profileStamp', { number: jean }],
    ['members.checkDuplicates', 'members.checkDuplicates', { firstName: 'Luc', lastName: 'Nadeau' }],
    ['members.create', 'members.create', { firstName: 'Luc', lastName: 'Nadeau', force: true }],
    ['members.update', 'members.update', { number: jean, changes: { phone: '418 555-0199' } }],
    ['members.update (change an email on file)', 'members.update', { number: paul, changes: { email: 'autre@exemple.ca' } }],
    ['activities.list', 'activities.list', {}],
    ['activities.roster', 'activities.roster', { code: 'CHORALE' }],
    ['registrations.register', 'registrations.register', { activityCode: 'CHORALE', memberNumber: marie }],
    ['registrations.register (an activity led by someone else)', 'registrations.register', { activityCode: 'YOGA', memberNumber: marie }],
    ['registrations.cancel', 'registrations.cancel', { activityCode: 'CHORALE', memberNumber: marie }],
    ['sales.quote', 'sales.quote', { memberNumber: jean, lines: [{ kind: 'donation', amountCents: 500 }] }],
    ['sales.checkout', 'sales.checkout', { memberNumber: jean, lines: [{ kind: 'donation', amountCents: 500 }], payments: [{ method: 'cash', tenderedCents: 500 }] }],
    ['payments.card', 'payments.card', { amountCents: 2500, reference: 'panier-1', slip: card }],
    ['orders.get', 'orders.get', { receiptNumber: 'A-000001' }],
    ['receipts.email', 'receipts.email', { receiptNumber: 'A-000001' }],
    ["receipts.email (to another address than the member's)", 'receipts.email', { receiptNumber: 'A-000001', email: 'ailleurs@exemple.ca' }],
    ['receipts.emails', 'receipts.emails', { receiptNumber: 'A-000001' }],
    ['documents.receipt', 'documents.receipt', { receiptNumber: 'A-000001' }],
    ['documents.memberCard', 'documents.memberCard', { number: jean }],
    ['documents.dayReport', 'documents.dayReport', { date: today }],
    ['documents.roster', 'documents.roster', { code: 'CHORALE' }],
    ['reports.day', 'reports.day', { date: today }],
    ['files.save', 'files.save', { filename: 'recu.pdf', base64: 'JVBERi0=' }],
    ['desk.print', 'desk.print', { filename: 'recu.pdf', base64: 'JVBERi0=', kind: 'receipt' }],
    ['sales.void', 'sales.void', { receiptNumber: 'A-000001', reason: 'Erreur de membre' }],
    ['sales.refund', 'sales.refund', { receiptNumber: 'A-000002', linePositions: [1], method: { method: 'cash' }, reason: 'Don annulé' }],
    ['drawer.movement', 'drawer.movement', { kind: 'in', amountCents: 500, reason: 'Monnaie' }],
    ['drawer.movement (cash out)', 'drawer.movement', { kind: 'out', amountCents: 500, reason: 'Dépôt à la banque' }],
    ['drawer.close', 'drawer.close', { count: { '2000': 5 }, reason: 'Compté pour le test' }],
    ['drawer.open', 'drawer.open', { count: { '2000': 5 } }],
    ['users.unlock', 'users.unlock', { userId: robert.id }],
    ['privacy.accessLog', 'privacy.accessLog', { memberNumber: jean }],
    ['privacy.lapsed', 'privacy.lapsed', {}],
    ['privacy.erase', 'privacy.erase', { number: paul }],
    ['session.signOut (public)', 'session.signOut', {}],
  ];
  return { ...t, me, marie, calls, api: createApiService(desk, { log: () => {} }) };
}

/** The refusals a role meets: the contract's, and the finer ones the core decides. */
const REFUSALS = ['FORBIDDEN', 'EMAIL_CHANGE_RESERVED', 'RECEIPT_EMAIL_ELSEWHERE', 'LEADER_OTHER_ACTIVITY'];

describe('the role matrix of docs/ROLES.md', () => {
  const matrix = documentedMatrix();

  it('has a row for every method of the contract', () => {
    const documented = new Set([...matrix.keys()].map((label) => label.split(' ')[0]));
    expect([...METHOD_NAMES].filter((m) => !documented.has(m))).toEqual([]);
    expect(club('admin').calls.map(([label]) => label).sort()).toEqual([...matrix.keys()].sort());
  });

  for (const role of ROLES) {
    it(`holds for the role ${role}: every ✓ succeeds, every — is refused and changes nothing`, async () => {
      const { desk, me, calls, api } = club(role);
      await api.call('session.signIn', { userId: me.id, pin: '2468' });
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const [label, method, input] of calls) {
        const writesBefore = count(desk, 'audit_log', "action NOT LIKE 'user.sign%'");
        const result = await api.call(method, input);
        outcomes[label] = result.ok ? 'ok' : REFUSALS.includes(result.error.code) ? 'refused' : `${result.error.code}: ${result.error.message}`;
        expected[label] = matrix.get(label)!.includes(role) ? 'ok' : 'refused';
        if (!result.ok) expect(count(desk, 'audit_log', "action NOT LIKE 'user.sign%'"), label).toBe(writesBefore);
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

describe('the finer rules, whoever calls the core', () => {
  it('refuse a volunteer cash out of the drawer, and say who may', () => {
    const { desk, admin } = newDesk();
    const lise = { userId: createUser(desk, admin, { name: 'Lise', role: 'volunteer', pin: '1234' }).id };
    openDrawer(desk, admin);
    expect(() => recordCashMovement(desk, lise, { kind: 'out', amountCents: 1000, reason: 'Café' })).toThrow(
      "Cette action est réservée au trésorier ou à l'administrateur.",
    );
    expect(recordCashMovement(desk, lise, { kind: 'in', amountCents: 1000, reason: 'Monnaie' }).cashInCents).toBe(1000);
  });

  it('let a volunteer email a receipt to a member without an address, and only to the member’s own otherwise (case aside)', () => {
    const { desk, admin } = newDesk();
    const lise = { userId: createUser(desk, admin, { name: 'Lise', role: 'volunteer', pin: '1234' }).id };
    const jean = addMember(desk, admin, 'Jean', 'Roy', { email: 'jean.roy@exemple.ca' });
    const marie = addMember(desk, admin, 'Marie', 'Roy');
    openDrawer(desk, admin);
    const sale = (no: number) => checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'donation', amountCents: 100 }], payments: [{ method: 'cash', tenderedCents: 100 }] });
    const forJean = sale(jean).order.receiptNumber;
    const forMarie = sale(marie).order.receiptNumber;
    expect(emailReceipt(desk, lise, { receiptNumber: forJean, email: 'Jean.Roy@exemple.ca' }).email).toBe('Jean.Roy@exemple.ca');
    expect(emailReceipt(desk, lise, { receiptNumber: forMarie, email: 'marie@exemple.ca' }).email).toBe('marie@exemple.ca');
    expect(() => emailReceipt(desk, lise, { receiptNumber: forJean, email: 'pirate@exemple.ca' })).toThrow(/réservé au trésorier/);
  });
});
