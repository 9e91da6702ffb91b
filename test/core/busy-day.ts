import { createActivity } from '../../src-main/core/activities/activities.js';
import { closeCashSession, openCashSession, recordCashMovement } from '../../src-main/core/cash/cash-sessions.js';
import { refundOrder, voidOrder } from '../../src-main/core/sales/corrections.js';
import type { Desk } from '../../src-main/core/desk/desk.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { createUser } from '../../src-main/core/users/users.js';
import { addMember, newDesk, openDrawer, type TestDesk } from '../helpers.js';

/**
 * A registration Monday at desk A, after a quiet day before: cash, cheque, card and a split
 * payment with cash rounding, a void, a refund, a cash movement, and a drawer closed 2 $ short.
 *
 * 2026-11-26  A-000001  Paul Roy renews, cash 25 $; drawer closed exact.
 * 2026-11-27  A-000002  Françoise renews, cash 25 $ (40 $ tendered)
 *             A-000003  Hélène renews + Yoga (60 $), one cheque of 85 $ (no 123, Desjardins)
 *             A-000004  Jean gives 10 $ by card
 *             A-000005  Marie: Peinture 40 $ + 2,42 $ donation; card 20 $ + cash 22,40 $ (rounded −2 ¢)
 *             A-000006  void of A-000004 (card given back)
 *             A-000007  refund of A-000003's Yoga line, cash 60 $
 *             10 $ taken out for coffee; drawer counted 75,40 $ against 77,40 $: 2 $ short.
 */
export function busyDay(
  t: TestDesk = newDesk({ at: '2026-11-26T15:00:00Z', club: { membershipPriceCents: 2500 } }),
): TestDesk & { members: Record<'paul' | 'francoise' | 'helene' | 'jean' | 'marie', number> } {
  const { desk, admin, clock } = t;
  const later = () => clock.advance(7 * 60_000);

  openDrawer(desk, admin);
  const paul = addMember(desk, admin, 'Paul', 'Roy');
  checkout(desk, admin, { memberNumber: paul, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] });
  closeCashSession(desk, admin, { count: { '5000': 2, '2000': 1, '500': 1 } });

  clock.set('2026-11-27T14:00:00Z');
  openDrawer(desk, admin);
  createActivity(desk, admin, { code: 'YOGA-A26', name: 'Yoga doux', season: 'Automne 2026', priceCents: 6000, capacity: 12 });
  createActivity(desk, admin, { code: 'PEINT', name: 'Peinture', season: 'Automne 2026', priceCents: 4000, capacity: 2, membershipRequired: false });
  const francoise = addMember(desk, admin, 'Françoise', 'Léveillé-Côté');
  const helene = addMember(desk, admin, 'Hélène', 'Bélanger');
  const jean = addMember(desk, admin, 'Jean', 'Tremblay');
  const marie = addMember(desk, admin, 'Marie', 'Tremblay');

  later();
  checkout(desk, admin, { memberNumber: francoise, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 4000 }] });
  later();
  checkout(desk, admin, {
    memberNumber: helene,
    lines: [{ kind: 'membership' }, { kind: 'activity', activityCode: 'YOGA-A26' }],
    payments: [{ method: 'cheque', amountCents: 8500, chequeNumber: '123', bank: 'Desjardins' }],
  });
  later();
  checkout(desk, admin, {
    memberNumber: jean,
    lines: [{ kind: 'donation', amountCents: 1000 }],
    payments: [{ method: 'card', amountCents: 1000, approval: { authCode: 'A1B2C3', brand: 'visa', last4: '4242' } }],
  });
  later();
  checkout(desk, admin, {
    memberNumber: marie,
    lines: [{ kind: 'activity', activityCode: 'PEINT' }, { kind: 'donation', amountCents: 242 }],
    payments: [
      { method: 'card', amountCents: 2000, approval: { authCode: 'D4E5F6', brand: 'mastercard', last4: '0005' } },
      { method: 'cash', tenderedCents: 2300 },
    ],
  });
  later();
  voidOrder(desk, admin, { receiptNumber: 'A-000004', reason: 'Mauvais montant', cardRefunds: [{ authCode: 'RF9876' }] });
  later();
  refundOrder(desk, admin, { receiptNumber: 'A-000003', linePositions: [2], reason: 'Cours annulé', method: { method: 'cash' } });
  later();
  recordCashMovement(desk, admin, { kind: 'out', amountCents: 1000, reason: 'Café des bénévoles' });
  later();
  closeCashSession(desk, admin, { count: { '5000': 1, '2000': 1, '500': 1, '10': 4 }, reason: 'Erreur de monnaie' });
  return { ...t, members: { paul, francoise, helene, jean, marie } };
}

/**
 * The same registration Monday with more drawers: after desk A's morning drawer (busyDay), a
 * second desk, « Bar », opens at 10 h 30 and stays open past midnight; desk A opens an
 * afternoon drawer at 11 h, opened by the treasurer.
 *
 * 2026-11-27  B-000001  Bar: Paul gives 8 $ cash (drawer left open)
 *             A-000008  afternoon at A (Lucie, the treasurer): Jean gives 30 $ by cheque (no 555, Banque Laurentienne)
 *             A-000009  Françoise gives 15 $ by card
 *             A-000010  refund of the morning's A-000005 Peinture line, 40 $ cash: made in the afternoon drawer
 *             drawer counted 60 $ against 60 $: exact
 * 2026-11-28  B-000002  Bar, the drawer still open from the day before: Marie gives 7 $ cash
 */
export function drawersDay(): TestDesk & { bar: Desk; members: ReturnType<typeof busyDay>['members'] } {
  const t = busyDay();
  const { desk, admin, clock, members } = t;
  const lucie = { userId: createUser(desk, admin, { name: 'Lucie Gagnon', role: 'treasurer', pin: '2468' }).id };

  clock.set('2026-11-27T15:30:00Z');
  const barId = 'desk-bar';
  desk.connection.transaction((w) =>
    w.rawRun('INSERT INTO desk (id, name, receipt_prefix, next_receipt_seq, created_at) VALUES (?, ?, ?, 1, ?)', barId, 'Bar', 'B', clock.now().toISOString()),
  );
  // The same file seen as the Bar's desk: its drawer, its receipts.
  const bar: Desk = { ...desk, id: barId, name: 'Bar', receiptPrefix: 'B' };
  openDrawer(bar, admin);
  checkout(bar, admin, { memberNumber: members.paul, lines: [{ kind: 'donation', amountCents: 800 }], payments: [{ method: 'cash', tenderedCents: 800 }] });

  clock.set('2026-11-27T16:00:00Z');
  openCashSession(desk, lucie, { count: { '2000': 5 } });
  clock.advance(5 * 60_000);
  checkout(desk, lucie, {
    memberNumber: members.jean,
    lines: [{ kind: 'donation', amountCents: 3000 }],
    payments: [{ method: 'cheque', amountCents: 3000, chequeNumber: '555', bank: 'Banque Laurentienne' }],
  });
  clock.advance(5 * 60_000);
  checkout(desk, lucie, {
    memberNumber: members.francoise,
    lines: [{ kind: 'donation', amountCents: 1500 }],
    payments: [{ method: 'card', amountCents: 1500, approval: { authCode: 'G7H8I9', brand: 'visa', last4: '1111' } }],
  });
  clock.advance(5 * 60_000);
  refundOrder(desk, lucie, { receiptNumber: 'A-000005', linePositions: [1], reason: 'Atelier complet', method: { method: 'cash' } });
  clock.advance(5 * 60_000);
  closeCashSession(desk, lucie, { count: { '2000': 3 } });

  clock.set('2026-11-28T15:00:00Z');
  checkout(bar, admin, { memberNumber: members.marie, lines: [{ kind: 'donation', amountCents: 700 }], payments: [{ method: 'cash', tenderedCents: 700 }] });
  return { ...t, bar };
}
