import { describe, expect, it } from 'vitest';
import { closeCashSession, openCashSession, recordCashMovement } from '../../src-main/core/cash/cash-sessions.js';
import { dayReport } from '../../src-main/core/cash/day-report.js';
import type { Desk } from '../../src-main/core/desk/desk.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { refundOrder, voidOrder } from '../../src-main/core/sales/corrections.js';
import { getOrder } from '../../src-main/core/sales/orders.js';
import { createUser } from '../../src-main/core/users/users.js';
import { addMember, newDesk, openDrawer, refusal } from '../helpers.js';

const chequeSale = (desk: Desk, actor: { userId: string }, memberNumber: number) =>
  checkout(desk, actor, {
    memberNumber,
    lines: [{ kind: 'donation', amountCents: 4000 }],
    payments: [{ method: 'cheque', amountCents: 4000, chequeNumber: '321', bank: 'Desjardins' }],
  }).order.receiptNumber;

describe('correcting a sale', () => {
  it('refuses to void a cheque sale from a drawer closed seven weeks ago, and its day reads the same after a refund', () => {
    const { desk, admin, clock } = newDesk({ at: '2026-10-09T15:00:00Z' });
    const volunteer = { userId: createUser(desk, admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' }).id };
    const treasurer = { userId: createUser(desk, admin, { name: 'Huguette Lavoie', role: 'treasurer', pin: '9876' }).id };
    const member = addMember(desk, admin, 'Paul', 'Roy');
    openDrawer(desk, volunteer);
    const receipt = chequeSale(desk, volunteer, member);
    closeCashSession(desk, volunteer, { count: { '2000': 2, '1000': 4, '500': 4 } });
    const closedDay = JSON.stringify(dayReport(desk, '2026-10-09'));

    clock.set('2026-11-27T15:00:00Z');
    openDrawer(desk, volunteer);
    expect(refusal(() => voidOrder(desk, volunteer, { receiptNumber: receipt, reason: 'Erreur' }))).toEqual({
      code: 'VOID_DRAWER_CLOSED',
      message: `La vente ${receipt} a été encaissée dans une caisse fermée depuis (9 octobre 2026) : elle ne peut plus être annulée. Faites plutôt un remboursement (trésorier ou administrateur).`,
    });
    expect(refusal(() => refundOrder(desk, volunteer, { receiptNumber: receipt, linePositions: [1], reason: 'Erreur', method: { method: 'cheque', chequeNumber: '88', bank: 'Club' } })).code).toBe(
      'FORBIDDEN',
    );
    const refund = refundOrder(desk, treasurer, { receiptNumber: receipt, linePositions: [1], reason: 'Don remboursé', method: { method: 'cheque', chequeNumber: '88', bank: 'Club' } });
    expect(refund.order).toMatchObject({ kind: 'refund', businessDate: '2026-11-27', totalCents: -4000 });
    // The closed day, its deposit list included, is exactly what it was.
    expect(JSON.stringify(dayReport(desk, '2026-10-09'))).toBe(closedDay);
    expect(dayReport(desk, '2026-10-09').cheques.items.map((c) => c.chequeNumber)).toEqual(['321']);
    // The refund is today's, in today's drawer.
    expect(dayReport(desk, '2026-11-27').orders).toMatchObject({ refunds: 1, netTotalCents: -4000 });
  });

  it('refuses to void a sale once its drawer is closed, even the same day', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    const receipt = chequeSale(desk, admin, addMember(desk, admin, 'Paul', 'Roy'));
    // The receipt screen offers « Annuler cette vente » exactly when the core would take it.
    expect(getOrder(desk, receipt).voidable).toBe(true);
    closeCashSession(desk, admin, { count: { '2000': 2, '1000': 4, '500': 4 } });
    expect(getOrder(desk, receipt).voidable).toBe(false);
    openDrawer(desk, admin);
    expect(getOrder(desk, receipt).voidable).toBe(false);
    expect(refusal(() => voidOrder(desk, admin, { receiptNumber: receipt, reason: 'Erreur' })).code).toBe('VOID_DRAWER_CLOSED');
  });

  it('offers no void of a void, nor of a sale already voided', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    const receipt = chequeSale(desk, admin, addMember(desk, admin, 'Paul', 'Roy'));
    const undone = voidOrder(desk, admin, { receiptNumber: receipt, reason: 'Erreur' }).order.receiptNumber;
    expect([getOrder(desk, receipt).voidable, getOrder(desk, undone).voidable]).toEqual([false, false]);
  });

  it('refuses to void at one desk a sale another desk’s open drawer took', () => {
    const { desk, admin, clock } = newDesk();
    desk.connection.transaction((w) =>
      w.rawRun('INSERT INTO desk (id, name, receipt_prefix, next_receipt_seq, created_at) VALUES (?, ?, ?, 1, ?)', 'desk-bar', 'Bar', 'B', clock.now().toISOString()),
    );
    const bar: Desk = { ...desk, id: 'desk-bar', name: 'Bar', receiptPrefix: 'B' };
    openDrawer(bar, admin);
    openDrawer(desk, admin);
    const receipt = chequeSale(bar, admin, addMember(desk, admin, 'Paul', 'Roy'));
    expect(refusal(() => voidOrder(desk, admin, { receiptNumber: receipt, reason: 'Erreur' }))).toMatchObject({
      code: 'VOID_OTHER_DRAWER',
      message: expect.stringContaining('à la caisse du poste « Bar »'),
    });
    expect(voidOrder(bar, admin, { receiptNumber: receipt, reason: 'Erreur' }).order.kind).toBe('void');
  });

  it('voids a sale while its drawer is open, the money going back the way it came', () => {
    const { desk, admin } = newDesk();
    const volunteer = { userId: createUser(desk, admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' }).id };
    openDrawer(desk, volunteer);
    const receipt = chequeSale(desk, volunteer, addMember(desk, admin, 'Paul', 'Roy'));
    const voided = voidOrder(desk, volunteer, { receiptNumber: receipt, reason: 'Mauvais montant' });
    expect(voided.order.payments).toMatchObject([{ method: 'cheque', amountCents: -4000, chequeNumber: '321' }]);
  });

  it('gives no cash back that the drawer does not hold: a void, a refund and a cash-out follow one rule', () => {
    const { desk, admin } = newDesk();
    openCashSession(desk, admin, { count: {} });
    const member = addMember(desk, admin, 'Paul', 'Roy');
    const sale = checkout(desk, admin, { memberNumber: member, lines: [{ kind: 'donation', amountCents: 5000 }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
    const other = checkout(desk, admin, { memberNumber: member, lines: [{ kind: 'donation', amountCents: 4000 }], payments: [{ method: 'cheque', amountCents: 4000, chequeNumber: '1', bank: 'BN' }] });
    // The 50 $ leave the drawer for the bank: it now holds 0 $.
    recordCashMovement(desk, admin, { kind: 'out', amountCents: 5000, reason: 'Dépôt à la banque' });
    const empty = { code: 'NOT_ENOUGH_CASH', message: 'La caisse ne contient que 0,00 $ ; impossible de sortir 50,00 $.' };
    expect(refusal(() => voidOrder(desk, admin, { receiptNumber: sale.order.receiptNumber, reason: 'Erreur' }))).toEqual(empty);
    expect(refusal(() => recordCashMovement(desk, admin, { kind: 'out', amountCents: 5000, reason: 'Encore' }))).toEqual(empty);
    expect(refusal(() => refundOrder(desk, admin, { receiptNumber: other.order.receiptNumber, linePositions: [1], reason: 'Erreur', method: { method: 'cash' } }))).toEqual({
      code: 'NOT_ENOUGH_CASH',
      message: 'La caisse ne contient que 0,00 $ ; impossible de sortir 40,00 $.',
    });
    // Put back in, the cash can go out again.
    recordCashMovement(desk, admin, { kind: 'in', amountCents: 5000, reason: 'Retour de la banque' });
    expect(voidOrder(desk, admin, { receiptNumber: sale.order.receiptNumber, reason: 'Erreur' }).cashBackCents).toBe(5000);
  });
});
