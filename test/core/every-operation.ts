import { cancelRegistration, registerMember } from '../../src-main/core/activities/registrations.js';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { closeCashSession, openCashSession, recordCashMovement } from '../../src-main/core/cash/cash-sessions.js';
import { updateClubSettings } from '../../src-main/core/desk/settings.js';
import { addLocalNumberBlock } from '../../src-main/core/members/member-numbers.js';
import { createMember, updateMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { refundOrder, voidOrder } from '../../src-main/core/sales/corrections.js';
import { recordCardApproval } from '../../src-main/core/sales/payments.js';
import { emailReceipt } from '../../src-main/core/sales/receipts.js';
import { createUser, MAX_FAILED_ATTEMPTS, signIn, unlockUser } from '../../src-main/core/users/users.js';
import { insertDemoMembers } from '../../src-main/demo/people.js';
import type { TestDesk } from '../helpers.js';
import { busyDay } from './busy-day.js';

/**
 * Every kind of operation the desk writes, on one desk: busyDay, then users, sign-ins and a
 * lock-out, settings, activities, a couple sharing a household, member edits, a number block,
 * split payments, credit bought and spent, waitlists moving up, voids, refunds, an email and a
 * batch of members. test/fixtures/desk-v0.1.dump is this same day as Comptoir 0.1 logged it.
 */
export async function everyOperation(): Promise<TestDesk> {
  const t = busyDay();
  const { desk, admin, clock } = t;
  const m = t.members;
  clock.set('2026-11-28T15:00:00Z');
  const vol = { userId: createUser(desk, admin, { name: 'Rita Fortin', role: 'volunteer', pin: '1357' }).id };
  const tre = { userId: createUser(desk, admin, { name: 'Gilles Caron', role: 'treasurer', pin: '8642' }).id };
  await signIn(desk, { userId: vol.userId, pin: '0000' }).catch(() => 'a wrong PIN, on purpose');
  await signIn(desk, { userId: vol.userId, pin: '1357' });
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
    // Wrong PINs in a row lock the account (slowly enough for the desk not to throttle them).
    clock.advance(15_000);
    await signIn(desk, { userId: tre.userId, pin: '0000' }).catch(() => 'locked at the last one');
  }
  unlockUser(desk, admin, tre.userId);
  updateClubSettings(desk, admin, { graceDays: 45, clubAddress: '123, rue Principale\nQuébec (Québec) G1H 2A3' });
  clock.advance(60_000);
  createActivity(desk, admin, { code: 'CHORALE', name: 'Chorale', season: 'Hiver 2027', priceCents: 3000, capacity: 1, schedule: 'Mardi 13 h 30', place: 'Salle 2' });
  createActivity(desk, admin, { code: 'CAFE', name: 'Café-rencontre', season: 'Hiver 2027', priceCents: 0, membershipRequired: false });
  const luc = createMember(desk, vol, { firstName: 'Luc', lastName: 'Tremblay', email: 'tremblay@exemple.ca', phone: '418 555-0123', postalCode: 'g1h2a3', birthDate: '1950-03-04', force: true });
  const lucNo = luc.created ? luc.member.number : 0;
  const lucie = createMember(desk, vol, { firstName: 'Lucie', lastName: 'Tremblay', email: 'tremblay@exemple.ca', householdOf: lucNo, language: 'en', force: true });
  const lucieNo = lucie.created ? lucie.member.number : 0;
  updateMember(desk, vol, m.paul, { phone: '(418) 555-9999', city: 'Lévis', notes: 'Préfère le téléphone' });
  updateMember(desk, vol, m.jean, { householdOf: m.marie });
  addLocalNumberBlock(desk, admin, { first: 2_000_000, last: 2_000_099 });
  openCashSession(desk, vol, { count: { '2000': 2, '1000': 4, '500': 4 } });
  recordCashMovement(desk, vol, { kind: 'in', amountCents: 2000, reason: 'Monnaie ajoutée' });
  clock.advance(60_000);
  const lucSale = checkout(desk, vol, { memberNumber: lucNo, lines: [{ kind: 'membership' }, { kind: 'activity', activityCode: 'CHORALE' }, { kind: 'credit', amountCents: 1000 }], payments: [{ method: 'cash', tenderedCents: 10000 }] });
  clock.advance(60_000);
  const lucieSale = checkout(desk, vol, { memberNumber: lucieNo, lines: [{ kind: 'membership' }, { kind: 'donation', amountCents: 333 }], payments: [{ method: 'cheque', amountCents: 1000, chequeNumber: '42', bank: 'Desjardins' }, { method: 'cash', tenderedCents: 2000 }] });
  clock.advance(60_000);
  registerMember(desk, vol, { activityCode: 'CHORALE', memberNumber: lucieNo, waitlistIfFull: true });
  registerMember(desk, vol, { activityCode: 'CAFE', memberNumber: m.paul });
  registerMember(desk, vol, { activityCode: 'CHORALE', memberNumber: m.paul, waitlistIfFull: true });
  clock.advance(60_000);
  voidOrder(desk, vol, { receiptNumber: lucSale.order.receiptNumber, reason: 'Mauvais membre', cardRefunds: [] });
  clock.advance(60_000);
  cancelRegistration(desk, vol, { activityCode: 'CHORALE', memberNumber: lucieNo });
  clock.advance(60_000);
  checkout(desk, vol, { memberNumber: m.paul, lines: [{ kind: 'activity', activityCode: 'CHORALE' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
  clock.advance(60_000);
  const approval = recordCardApproval(desk, vol, { amountCents: 2500, reference: 'panier-1', approval: { authCode: 'ZZ1234', brand: 'interac', last4: '9999' } });
  const jeanSale = checkout(desk, vol, { memberNumber: m.jean, lines: [{ kind: 'membership' }], payments: [{ method: 'card', amountCents: 2500, approval }] });
  clock.advance(60_000);
  voidOrder(desk, vol, { receiptNumber: jeanSale.order.receiptNumber, reason: 'Erreur', cardRefunds: [{ authCode: 'RF0001' }] });
  clock.advance(60_000);
  checkout(desk, vol, { memberNumber: lucNo, lines: [{ kind: 'membership' }, { kind: 'credit', amountCents: 2000 }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
  checkout(desk, vol, { memberNumber: lucNo, lines: [{ kind: 'donation', amountCents: 500 }], payments: [{ method: 'credit', amountCents: 500 }] });
  clock.advance(60_000);
  const gift = checkout(desk, vol, { memberNumber: lucNo, lines: [{ kind: 'donation', amountCents: 1500 }], payments: [{ method: 'cash', tenderedCents: 1500 }] });
  clock.advance(60_000);
  refundOrder(desk, tre, { receiptNumber: gift.order.receiptNumber, linePositions: [1], reason: 'Don remboursé', method: { method: 'credit' } });
  refundOrder(desk, tre, { receiptNumber: lucieSale.order.receiptNumber, linePositions: [2], reason: 'Don remboursé', method: { method: 'cash' } });
  emailReceipt(desk, vol, { receiptNumber: lucieSale.order.receiptNumber });
  recordCashMovement(desk, tre, { kind: 'out', amountCents: 500, reason: 'Timbres' });
  closeCashSession(desk, vol, { count: { '5000': 3 }, reason: 'Test' });
  insertDemoMembers(desk, admin, 40, 7);
  return t;
}
