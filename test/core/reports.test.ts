import { describe, expect, it } from 'vitest';
import { ComptoirError } from '../../src-main/core/errors.js';
import { dayReport } from '../../src-main/core/reports.js';
import { SYSTEM_USER_NAME } from '../../src-main/core/setup.js';
import { newDesk, openDrawer } from '../helpers.js';
import { busyDay } from './busy-day.js';

describe('day report', () => {
  const { desk } = busyDay();
  const report = dayReport(desk, '2026-11-27');

  it('counts the day’s orders only, corrections included, and their net total', () => {
    expect(report.date).toBe('2026-11-27');
    // 25 + 85 + 10 + 42,40 − 10 − 60
    expect(report.orders).toEqual({ sales: 4, voids: 1, refunds: 1, netTotalCents: 9240 });
  });

  it('nets each payment method: the void gives the card back, the refund gives cash back', () => {
    expect(report.byMethod).toEqual([
      { method: 'cash', count: 3, totalCents: 2500 + 2240 - 6000 },
      { method: 'cheque', count: 1, totalCents: 8500 },
      { method: 'card', count: 3, totalCents: 1000 + 2000 - 1000 },
      { method: 'credit', count: 0, totalCents: 0 },
    ]);
    expect(report.card).toEqual({ count: 3, totalCents: 2000 });
    const byMethod = report.byMethod.reduce((sum, m) => sum + m.totalCents, 0);
    expect(byMethod).toBe(report.orders.netTotalCents);
  });

  it('nets what was sold by line kind and by activity, the rounding on its own line', () => {
    expect(report.byLineKind).toEqual([
      { kind: 'membership', count: 2, totalCents: 5000 },
      { kind: 'activity', count: 1, totalCents: 4000 },
      { kind: 'donation', count: 1, totalCents: 242 },
      { kind: 'credit', count: 0, totalCents: 0 },
      { kind: 'rounding', count: 1, totalCents: -2 },
    ]);
    expect(report.byActivity).toEqual([
      { code: 'PEINT', name: 'Peinture', count: 1, totalCents: 4000 },
      { code: 'YOGA-A26', name: 'Yoga doux', count: 0, totalCents: 0 },
    ]);
  });

  it('lists the cheques to deposit', () => {
    expect(report.cheques).toEqual({
      items: [{ receiptNumber: 'A-000003', chequeNumber: '123', bank: 'Desjardins', amountCents: 8500 }],
      totalCents: 8500,
    });
  });

  it('lists voids and refunds with the receipt they correct, why and by whom', () => {
    expect(report.corrections.map(({ createdAt: _, ...c }) => c)).toEqual([
      { kind: 'void', receiptNumber: 'A-000006', originalReceiptNumber: 'A-000004', totalCents: -1000, reason: 'Mauvais montant', by: SYSTEM_USER_NAME },
      { kind: 'refund', receiptNumber: 'A-000007', originalReceiptNumber: 'A-000003', totalCents: -6000, reason: 'Cours annulé', by: SYSTEM_USER_NAME },
    ]);
  });

  it('shows how the drawer closed: 2 $ short, with the reason', () => {
    expect(report.cashSessions).toHaveLength(1);
    expect(report.cashSessions[0]).toMatchObject({
      deskName: 'Accueil',
      openedBy: SYSTEM_USER_NAME,
      openedAt: '2026-11-27T14:00:00.000Z',
      floatCents: 10000,
      cashSalesCents: -1260,
      cashInCents: 0,
      cashOutCents: 1000,
      expectedCents: 7740,
      countedCents: 7540,
      differenceCents: -200,
      differenceReason: 'Erreur de monnaie',
      closedBy: SYSTEM_USER_NAME,
    });
    expect(report.cashSessions[0]!.closedAt).toMatch(/^2026-11-27T/);
  });

  it('keeps the day before apart', () => {
    const before = dayReport(desk, '2026-11-26');
    expect(before.orders).toEqual({ sales: 1, voids: 0, refunds: 0, netTotalCents: 2500 });
    expect(before.cashSessions.map((s) => [s.expectedCents, s.countedCents, s.differenceCents])).toEqual([[12500, 12500, 0]]);
  });

  it('gives an empty report for a day without sales', () => {
    const empty = dayReport(desk, '2026-12-25');
    expect(empty.orders).toEqual({ sales: 0, voids: 0, refunds: 0, netTotalCents: 0 });
    expect(empty.byMethod.every((m) => m.count === 0 && m.totalCents === 0)).toBe(true);
    expect(empty.cheques).toEqual({ items: [], totalCents: 0 });
    expect(empty.cashSessions).toEqual([]);
  });

  it('shows an open drawer with its expected cash so far and no count', () => {
    const { desk: other, admin } = newDesk();
    openDrawer(other, admin);
    expect(dayReport(other, '2026-11-27').cashSessions[0]).toMatchObject({
      expectedCents: 10000,
      countedCents: null,
      differenceCents: null,
      closedBy: null,
      closedAt: null,
    });
  });

  it('refuses a date that is not a calendar date, in French', () => {
    for (const bad of ['2026-02-30', '27/11/2026', '']) {
      expect(() => dayReport(desk, bad)).toThrow(ComptoirError);
      expect(() => dayReport(desk, bad)).toThrow('Données invalides : « Date » doit être une date valide AAAA-MM-JJ');
    }
  });
});
