import { describe, expect, it } from 'vitest';
import { dayReportSchema } from '../../src-main/core/cash/views.js';
import { voidOrder } from '../../src-main/core/sales/corrections.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { dayReport } from '../../src-main/core/cash/day-report.js';
import type { DayReport, Takings } from '../../src-main/core/cash/views.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { SYSTEM_USER_NAME } from '../../src-main/core/desk/setup.js';
import { newDesk, openDrawer } from '../helpers.js';
import { busyDay, drawersDay } from './busy-day.js';

/** The takings part of a day or a drawer: what the drawers must add up to. */
function takingsOf(t: Takings): Takings {
  const { orders, byMethod, byLineKind, byActivity, cheques, card, corrections, priceChanges } = t;
  return { orders, byMethod, byLineKind, byActivity, cheques, card, corrections, priceChanges };
}

/** The drawers' takings added up, the way the day's are reported. */
function sumOfDrawers(report: DayReport): Takings {
  const sessions = report.cashSessions;
  const add = <T extends { count: number; totalCents: number }>(pick: (t: Takings) => T[], key: (row: T) => string): T[] => {
    const rows = new Map<string, T>();
    for (const row of sessions.flatMap(pick)) {
      const seen = rows.get(key(row));
      rows.set(key(row), seen ? { ...seen, count: seen.count + row.count, totalCents: seen.totalCents + row.totalCents } : row);
    }
    return [...rows.values()];
  };
  const byReceipt = <T extends { receiptNumber: string }>(rows: T[]) => rows.sort((a, b) => a.receiptNumber.localeCompare(b.receiptNumber));
  const total = (pick: (t: Takings) => number) => sessions.reduce((n, s) => n + pick(s), 0);
  return {
    orders: {
      sales: total((s) => s.orders.sales),
      voids: total((s) => s.orders.voids),
      refunds: total((s) => s.orders.refunds),
      netTotalCents: total((s) => s.orders.netTotalCents),
    },
    byMethod: add((s) => s.byMethod, (m) => m.method),
    byLineKind: add((s) => s.byLineKind, (k) => k.kind),
    byActivity: add((s) => s.byActivity, (a) => a.code).sort((a, b) => a.code.localeCompare(b.code)),
    cheques: { items: byReceipt(sessions.flatMap((s) => s.cheques.items)), totalCents: total((s) => s.cheques.totalCents) },
    card: { count: total((s) => s.card.count), totalCents: total((s) => s.card.totalCents) },
    corrections: byReceipt(sessions.flatMap((s) => s.corrections)),
    priceChanges: byReceipt(sessions.flatMap((s) => s.priceChanges)),
  };
}

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

  it('gives the day’s only drawer the whole day’s takings', () => {
    expect(takingsOf(report.cashSessions[0]!)).toEqual(takingsOf(report));
  });

  it('answers in the shape the contract checks, losing nothing', () => {
    expect(dayReportSchema.parse(report)).toEqual(report);
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

describe('day report, drawer by drawer', () => {
  const { desk } = drawersDay();
  const report = dayReport(desk, '2026-11-27');
  const [morning, afternoon, bar] = report.cashSessions;

  it('lists the drawers by desk, then by opening time', () => {
    expect(report.cashSessions.map((s) => [s.deskName, s.openedBy, s.openedAt])).toEqual([
      ['Accueil', SYSTEM_USER_NAME, '2026-11-27T14:00:00.000Z'],
      ['Accueil', 'Lucie Gagnon', '2026-11-27T16:00:00.000Z'],
      ['Bar', SYSTEM_USER_NAME, '2026-11-27T15:30:00.000Z'],
    ]);
  });

  it('adds the drawers up to the day: orders, methods, kinds, activities, cheques, cards and corrections', () => {
    expect(sumOfDrawers(report)).toEqual(takingsOf(report));
    // 92,40 $ in the morning, 5 $ in the afternoon, 8 $ at the bar.
    expect(report.orders).toEqual({ sales: 7, voids: 1, refunds: 2, netTotalCents: 10540 });
    expect(report.cheques.totalCents).toBe(8500 + 3000);
    expect(report.card).toEqual({ count: 4, totalCents: 3500 });
  });

  it('keeps the morning drawer’s own figures, as when it was the only one', () => {
    const alone = dayReport(busyDay().desk, '2026-11-27');
    expect(takingsOf(morning!)).toEqual(takingsOf(alone));
    expect(morning).toMatchObject({ cashSalesCents: -1260, expectedCents: 7740, countedCents: 7540, differenceCents: -200 });
  });

  it('gives the afternoon drawer its own cheque, card, and the refund it made of a morning sale', () => {
    expect(afternoon).toMatchObject({
      openedBy: 'Lucie Gagnon',
      closedBy: 'Lucie Gagnon',
      floatCents: 10000,
      cashSalesCents: -4000,
      expectedCents: 6000,
      countedCents: 6000,
      differenceCents: 0,
    });
    expect(takingsOf(afternoon!)).toEqual({
      orders: { sales: 2, voids: 0, refunds: 1, netTotalCents: 500 },
      byMethod: [
        { method: 'cash', count: 1, totalCents: -4000 },
        { method: 'cheque', count: 1, totalCents: 3000 },
        { method: 'card', count: 1, totalCents: 1500 },
        { method: 'credit', count: 0, totalCents: 0 },
      ],
      byLineKind: [
        { kind: 'membership', count: 0, totalCents: 0 },
        { kind: 'activity', count: -1, totalCents: -4000 },
        { kind: 'donation', count: 2, totalCents: 4500 },
        { kind: 'credit', count: 0, totalCents: 0 },
        { kind: 'rounding', count: 0, totalCents: 0 },
      ],
      byActivity: [{ code: 'PEINT', name: 'Peinture', count: -1, totalCents: -4000 }],
      cheques: { items: [{ receiptNumber: 'A-000008', chequeNumber: '555', bank: 'Banque Laurentienne', amountCents: 3000 }], totalCents: 3000 },
      card: { count: 1, totalCents: 1500 },
      corrections: [
        {
          kind: 'refund',
          receiptNumber: 'A-000010',
          originalReceiptNumber: 'A-000005',
          totalCents: -4000,
          reason: 'Atelier complet',
          by: 'Lucie Gagnon',
          createdAt: '2026-11-27T16:15:00.000Z',
        },
      ],
      priceChanges: [],
    });
    // The morning sale it corrects stays in the morning's figures.
    expect(morning!.byActivity).toContainEqual({ code: 'PEINT', name: 'Peinture', count: 1, totalCents: 4000 });
    expect(morning!.corrections.map((c) => c.receiptNumber)).toEqual(['A-000006', 'A-000007']);
  });

  it('shows the bar’s drawer, still open, with its own sale of the day', () => {
    expect(bar).toMatchObject({ deskName: 'Bar', countedCents: null, differenceCents: null, closedBy: null, closedAt: null });
    expect(bar!.orders).toEqual({ sales: 1, voids: 0, refunds: 0, netTotalCents: 800 });
    expect(bar!.byMethod[0]).toEqual({ method: 'cash', count: 1, totalCents: 800 });
    expect(bar!.cheques).toEqual({ items: [], totalCents: 0 });
    expect(bar!.card).toEqual({ count: 0, totalCents: 0 });
    expect(bar!.corrections).toEqual([]);
    expect(bar!.byActivity).toEqual([]);
  });

  it('reports a drawer left open past midnight on the next day too, with that day’s sales only', () => {
    const next = dayReport(desk, '2026-11-28');
    expect(next.cashSessions.map((s) => [s.id, s.deskName])).toEqual([[bar!.id, 'Bar']]);
    const [stillOpen] = next.cashSessions;
    expect(stillOpen!.orders).toEqual({ sales: 1, voids: 0, refunds: 0, netTotalCents: 700 });
    expect(stillOpen!.byMethod[0]).toEqual({ method: 'cash', count: 1, totalCents: 700 });
    // Its cash is the whole session's: both days' sales.
    expect(stillOpen).toMatchObject({ cashSalesCents: 1500, expectedCents: 11500 });
    expect(sumOfDrawers(next)).toEqual(takingsOf(next));
  });

  it('answers in the shape the contract checks, losing nothing', () => {
    expect(dayReportSchema.parse(report)).toEqual(report);
  });

  it('hands a voided sale’s cheque back: nothing to deposit, for the day or its drawer', () => {
    const { desk: other, admin } = newDesk({ at: '2026-11-27T15:00:00Z' });
    openDrawer(other, admin);
    checkout(other, admin, { lines: [{ kind: 'donation', amountCents: 5000 }], payments: [{ method: 'cheque', amountCents: 5000, chequeNumber: '9', bank: 'RBC' }] });
    checkout(other, admin, { lines: [{ kind: 'donation', amountCents: 2000 }], payments: [{ method: 'cheque', amountCents: 2000, chequeNumber: '10', bank: 'BMO' }] });
    voidOrder(other, admin, { receiptNumber: 'A-000001', reason: 'Chèque mal rempli' });
    const voided = dayReport(other, '2026-11-27');
    const deposit = { items: [{ receiptNumber: 'A-000002', chequeNumber: '10', bank: 'BMO', amountCents: 2000 }], totalCents: 2000 };
    expect(voided.cheques).toEqual(deposit);
    expect(voided.cashSessions[0]!.cheques).toEqual(deposit);
    expect(voided.byMethod[1]).toEqual({ method: 'cheque', count: 3, totalCents: 2000 });
  });
});
