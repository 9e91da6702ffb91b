import { describe, expect, it } from 'vitest';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { voidOrder, refundOrder } from '../../src-main/core/sales/corrections.js';
import { checkout, quoteCheckout } from '../../src-main/core/sales/checkout.js';
import { getMember } from '../../src-main/core/members/members.js';
import { getOrder } from '../../src-main/core/sales/orders.js';
import { currentCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { roundCashToNickel } from '../../src-shared/money.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { addMember, count, newDesk, openDrawer, refusal } from '../helpers.js';
import { dayReport } from '../../src-main/core/cash/day-report.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ComptoirError) return error.code;
    throw error;
  }
  return undefined;
}

describe('cash rounding', () => {
  it.each([
    [1242, 1240],
    [1243, 1245],
    [1247, 1245],
    [1248, 1250],
    [1250, 1250],
  ])('rounds a cash total of %i ¢ to %i ¢', (total, rounded) => {
    expect(roundCashToNickel(total)).toBe(rounded);
  });
});

describe('checkout', () => {
  it('renews a member for cash: change given, receipt numbered, membership extended, all in one write', () => {
    const { desk, admin } = newDesk({ club: { membershipPriceCents: 2500 } });
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Françoise', 'Léveillé-Côté');
    const writesBefore = count(desk, 'audit_log');
    const result = checkout(desk, admin, {
      memberNumber: no,
      lines: [{ kind: 'membership' }],
      payments: [{ method: 'cash', tenderedCents: 4000 }],
    });
    expect(result.order.receiptNumber).toBe('A-000001');
    expect(result.cash).toEqual({ dueCents: 2500, tenderedCents: 4000, changeCents: 1500, roundingCents: 0 });
    expect(result.periods).toEqual([{ startsOn: '2026-11-27', endsOn: '2027-11-27', memberNumber: no }]);
    expect(getMember(desk, no).statusLabel).toBe('Actif — expire dans 365 jours');
    expect(count(desk, 'audit_log')).toBe(writesBefore + 1);
    expect(count(desk, 'outbox', `entity_id = '${result.order.id}'`)).toBe(1);
    expect(currentCashSession(desk)?.expectedCents).toBe(10000 + 2500);
    // The sale's view is built from the rows just written: it must equal what is read back.
    expect(getOrder(desk, result.order.receiptNumber)).toEqual({ ...result.order, voidable: true, refundableLines: [1] });
  });

  it('rounds only the cash part of a split card + cash payment to 0.05 $', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Jean', 'Tremblay');
    const result = checkout(desk, admin, {
      memberNumber: no,
      lines: [{ kind: 'donation', amountCents: 1242 }],
      payments: [
        { method: 'card', amountCents: 500, approval: { authCode: 'A1B2C3', brand: 'visa', last4: '4242' } },
        { method: 'cash', tenderedCents: 1000 },
      ],
    });
    expect(result.cash).toEqual({ dueCents: 740, tenderedCents: 1000, changeCents: 260, roundingCents: -2 });
    expect(result.order.totalCents).toBe(1240);
    expect(result.order.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['donation', 1242],
      ['rounding', -2],
    ]);
    expect(result.order.payments.map((p) => [p.method, p.amountCents])).toEqual([
      ['card', 500],
      ['cash', 740],
    ]);
    expect(getOrder(desk, result.order.receiptNumber)).toEqual({ ...result.order, voidable: true, refundableLines: [1] });
  });

  it('takes cash + cheque for a renewal and an activity in one cart', () => {
    const { desk, admin } = newDesk({ club: { membershipPriceCents: 2500 } });
    openDrawer(desk, admin);
    createActivity(desk, admin, { code: 'YOGA-A26', name: 'Yoga doux', season: 'Automne 2026', priceCents: 6000, capacity: 12 });
    const no = addMember(desk, admin, 'Hélène', 'Bélanger');
    const result = checkout(desk, admin, {
      memberNumber: no,
      lines: [{ kind: 'membership' }, { kind: 'activity', activityCode: 'yoga-a26' }],
      payments: [
        { method: 'cheque', amountCents: 6000, chequeNumber: '123', bank: 'Desjardins' },
        { method: 'cash', tenderedCents: 3000 },
      ],
    });
    expect(result.order.totalCents).toBe(8500);
    expect(result.cash?.changeCents).toBe(500);
    expect(result.registrations).toEqual([{ activityCode: 'YOGA-A26', memberNumber: no, status: 'registered' }]);
  });

  it('refuses a second renewal the same day and says until when the member is covered', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Paul', 'Roy');
    const cart = { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] };
    checkout(desk, admin, cart);
    const receiptsBefore = count(desk, 'sale_order');
    expect(() => checkout(desk, admin, cart)).toThrow(/déjà renouvelé : son adhésion est valide jusqu'au 27 novembre 2027 \(reçu A-000001\)/);
    expect(count(desk, 'sale_order')).toBe(receiptsBefore);
    const forced = checkout(desk, admin, { ...cart, lines: [{ kind: 'membership', force: true }] });
    // 365 days on from 2027-11-27 crosses 2028-02-29.
    expect(forced.periods[0]).toMatchObject({ startsOn: '2027-11-28', endsOn: '2028-11-26' });
    expect(forced.order.receiptNumber).toBe('A-000002');
  });

  it('renews an expired member from today', () => {
    const { desk, admin, clock } = newDesk({ club: { graceDays: 30 } });
    clock.set('2024-01-10T15:00:00Z');
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Denise', 'Gagnon');
    checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] });
    clock.set('2026-11-27T15:00:00Z');
    expect(getMember(desk, no).statusLabel).toBe('Expiré depuis 687 jours');
    const result = checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] });
    expect(result.periods[0]).toMatchObject({ startsOn: '2026-11-27', endsOn: '2027-11-27' });
  });

  it('follows a fixed-year rule: joining after the rollover date runs to next year', () => {
    const { desk, admin } = newDesk({ club: { membershipRule: { kind: 'fixed', endMonthDay: '12-31', rolloverMonthDay: '09-01' } } });
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Luc', 'Fortin');
    const result = checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] });
    expect(result.periods[0]).toMatchObject({ startsOn: '2026-11-27', endsOn: '2027-12-31' });
  });

  it('refuses to sell without an open drawer, a bad payment total, or too little cash, and writes nothing', () => {
    const { desk, admin } = newDesk();
    const no = addMember(desk, admin, 'Paul', 'Roy');
    const cart = { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] };
    expect(errorCode(() => checkout(desk, admin, cart))).toBe('NO_OPEN_CASH_SESSION');
    openDrawer(desk, admin);
    expect(errorCode(() => checkout(desk, admin, { ...cart, payments: [{ method: 'cash', tenderedCents: 2000 }] }))).toBe('TENDERED_TOO_LOW');
    expect(errorCode(() => checkout(desk, admin, { ...cart, payments: [{ method: 'cheque', amountCents: 2000, chequeNumber: '1', bank: 'BN' }] }))).toBe('PAYMENT_MISMATCH');
    expect(errorCode(() => checkout(desk, admin, { ...cart, lines: [] }))).toBe('INVALID_INPUT');
    expect(errorCode(() => checkout(desk, admin, { ...cart, payments: [{ method: 'card', amountCents: 2500, approval: { authCode: '!', last4: '12345' } }] }))).toBe('INVALID_INPUT');
    expect(count(desk, 'sale_order')).toBe(0);
    expect(count(desk, 'membership_period')).toBe(0);
    expect(desk.reader.rawGet<{ next_receipt_seq: number }>('SELECT next_receipt_seq FROM desk')!.next_receipt_seq).toBe(1);
  });

  it('pays from the member credit and refuses more than the balance', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Marc', 'Caron');
    checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'credit', amountCents: 1000 }], payments: [{ method: 'cash', tenderedCents: 1000 }] });
    expect(getMember(desk, no).creditCents).toBe(1000);
    expect(errorCode(() => checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'donation', amountCents: 1500 }], payments: [{ method: 'credit', amountCents: 1500 }] }))).toBe('INSUFFICIENT_CREDIT');
    checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'donation', amountCents: 700 }], payments: [{ method: 'credit', amountCents: 700 }] });
    expect(getMember(desk, no).creditCents).toBe(300);
  });
});

describe('quote', () => {
  it('shows the cart screen the same total, cash rounding and change the checkout will record, writing nothing', () => {
    const { desk, admin } = newDesk({ club: { membershipPriceCents: 2542 } });
    const no = addMember(desk, admin, 'Jean', 'Tremblay');
    const cart = { memberNumber: no, lines: [{ kind: 'membership' }] };
    expect(quoteCheckout(desk, cart)).toMatchObject({ totalCents: 2542, remainingCents: 2542, cashDueCents: 2540, roundingCents: -2, changeCents: null });
    const split = quoteCheckout(desk, {
      ...cart,
      payments: [{ method: 'cheque', amountCents: 1000, chequeNumber: '12', bank: 'Desjardins' }, { method: 'cash', tenderedCents: 2000 }],
    });
    expect(split).toMatchObject({ exactPaidCents: 1000, remainingCents: 1542, cashDueCents: 1540, roundingCents: -2, changeCents: 460 });
    expect(split.lines).toEqual([
      { position: 1, kind: 'membership', description: 'Adhésion annuelle', memberNumber: no, activityCode: null, amountCents: 2542, activityFull: false, memberName: 'Jean Tremblay', listPriceCents: null, priceReason: null, problem: null },
    ]);
    expect(count(desk, 'audit_log', "action <> 'member.create' AND action <> 'desk.init'")).toBe(0);
  });
});

describe('corrections', () => {
  it('voids a split cash + card renewal: each payment goes back its way, the membership is undone', () => {
    const { desk, admin } = newDesk({ club: { membershipPriceCents: 2542 } });
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Jean', "O'Brien");
    const sale = checkout(desk, admin, {
      memberNumber: no,
      lines: [{ kind: 'membership' }],
      payments: [
        { method: 'card', amountCents: 1000, approval: { authCode: 'OK1234', brand: 'mastercard', last4: '0005' } },
        { method: 'cash', tenderedCents: 2000 },
      ],
    });
    expect(sale.order.totalCents).toBe(2540);
    expect(errorCode(() => voidOrder(desk, admin, { receiptNumber: sale.order.receiptNumber, reason: 'Erreur de membre' }))).toBe('CARD_REFUND_REQUIRED');
    const result = voidOrder(desk, admin, {
      receiptNumber: sale.order.receiptNumber,
      reason: 'Erreur de membre',
      cardRefunds: [{ authCode: 'RF9876' }],
    });
    expect(result.order.kind).toBe('void');
    expect(result.order.originalReceiptNumber).toBe('A-000001');
    expect(result.order.receiptNumber).toBe('A-000002');
    expect(result.order.totalCents).toBe(-2540);
    expect(result.order.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['membership', -2542],
      ['rounding', 2],
    ]);
    expect(result.order.payments.map((p) => [p.method, p.amountCents, p.cardLast4])).toEqual([
      ['card', -1000, '0005'],
      ['cash', -1540, null],
    ]);
    expect(result.cashBackCents).toBe(1540);
    expect(getMember(desk, no).status.kind).toBe('never');
    expect(result.original.correctedBy).toEqual([{ receiptNumber: 'A-000002', kind: 'void' }]);
    expect(currentCashSession(desk)?.expectedCents).toBe(10000);
    expect(errorCode(() => voidOrder(desk, admin, { receiptNumber: 'A-000001', reason: 'encore', cardRefunds: [{ authCode: 'X1' }] }))).toBe('ORDER_ALREADY_CORRECTED');
    expect(errorCode(() => voidOrder(desk, admin, { receiptNumber: 'A-000002', reason: 'encore' }))).toBe('NOT_A_SALE');
  });

  it('refunds one line of an order to the member credit', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    createActivity(desk, admin, { code: 'PEINT', name: 'Peinture', season: 'Hiver 2027', priceCents: 4000, membershipRequired: false });
    const no = addMember(desk, admin, 'Lise', 'Simard');
    const sale = checkout(desk, admin, {
      memberNumber: no,
      lines: [{ kind: 'membership' }, { kind: 'activity', activityCode: 'PEINT' }],
      payments: [{ method: 'cheque', amountCents: 6500, chequeNumber: '77', bank: 'Banque Nationale' }],
    });
    const refund = refundOrder(desk, admin, { receiptNumber: sale.order.receiptNumber, linePositions: [2], reason: 'Cours annulé', method: { method: 'credit' } });
    expect(refund.order.totalCents).toBe(-4000);
    expect(getMember(desk, no).creditCents).toBe(4000);
    expect(getMember(desk, no).status.kind).toBe('active');
    expect(count(desk, 'registration', "status = 'cancelled'")).toBe(1);
    expect(errorCode(() => refundOrder(desk, admin, { receiptNumber: sale.order.receiptNumber, linePositions: [2], reason: 'x', method: { method: 'cash' } }))).toBe('LINE_NOT_REFUNDABLE');
  });

  it('never lets money rows be edited or deleted, even by hand', () => {
    const { desk, admin } = newDesk();
    openDrawer(desk, admin);
    const no = addMember(desk, admin, 'Paul', 'Roy');
    checkout(desk, admin, { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 2500 }] });
    const sqlite = desk.connection.rawDatabase;
    expect(() => sqlite.exec('UPDATE payment SET amount_cents = 1')).toThrow(/append-only/);
    expect(() => sqlite.exec('DELETE FROM sale_order')).toThrow(/append-only/);
    expect(() => sqlite.exec('UPDATE audit_log SET action = 1')).toThrow(/append-only/);
  });
});

describe('the quote says what the checkout would refuse, line by line, before any money', () => {
  function desk() {
    const t = newDesk();
    openDrawer(t.desk, t.admin);
    createActivity(t.desk, t.admin, { code: 'CHORALE', name: 'Chorale', season: 'Hiver 2027', priceCents: 3000, capacity: null, membershipRequired: true });
    createActivity(t.desk, t.admin, { code: 'YOGA', name: 'Yoga', season: 'Hiver 2027', priceCents: 2000, capacity: 1, membershipRequired: false });
    return t;
  }
  const problems = (quote: ReturnType<typeof quoteCheckout>) => quote.lines.map((line) => line.problem && [line.problem.code, line.problem.addMembership]);

  it('offers the membership an activity needs, and is satisfied once it is in the same cart', () => {
    const { desk: d, admin } = desk();
    const never = addMember(d, admin, 'Bertrand', 'Nolet');
    const alone = quoteCheckout(d, { memberNumber: never, lines: [{ kind: 'activity', activityCode: 'CHORALE' }] });
    expect(problems(alone)).toEqual([['MEMBERSHIP_REQUIRED', true]]);
    expect(alone.lines[0]!.memberName).toBe('Bertrand Nolet');
    const withMembership = quoteCheckout(d, { memberNumber: never, lines: [{ kind: 'membership' }, { kind: 'activity', activityCode: 'CHORALE' }] });
    expect(problems(withMembership)).toEqual([null, null]);
    // The membership after the activity in the cart is still planned first, as checkout() does.
    expect(problems(quoteCheckout(d, { memberNumber: never, lines: [{ kind: 'activity', activityCode: 'CHORALE' }, { kind: 'membership' }] }))).toEqual([null, null]);
  });

  it('flags a second renewal in the same membership year (in French dates), a second renewal in one cart, and clears with force', () => {
    const { desk: d, admin } = desk();
    const active = addMember(d, admin, 'Yvette', 'Sirois');
    checkout(d, admin, { memberNumber: active, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
    const again = quoteCheckout(d, { memberNumber: active, lines: [{ kind: 'membership' }] });
    expect(problems(again)).toEqual([['ALREADY_RENEWED', false]]);
    expect(again.lines[0]!.problem!.message).toMatch(/valide jusqu'au \d{1,2} \p{L}+ \d{4}/u);
    expect(problems(quoteCheckout(d, { memberNumber: active, lines: [{ kind: 'membership', force: true }] }))).toEqual([null]);

    const fresh = addMember(d, admin, 'Paul', 'Sirois');
    expect(problems(quoteCheckout(d, { memberNumber: fresh, lines: [{ kind: 'membership' }, { kind: 'membership' }] }))).toEqual([null, ['ALREADY_RENEWED', false]]);
  });

  it('flags a place already held and a full activity, and matches what checkout() then refuses', () => {
    const { desk: d, admin } = desk();
    const [a, b] = [addMember(d, admin, 'Jean', 'Roy'), addMember(d, admin, 'Rita', 'Roy')];
    checkout(d, admin, { memberNumber: a, lines: [{ kind: 'activity', activityCode: 'YOGA' }], payments: [{ method: 'cash', tenderedCents: 2000 }] });
    expect(problems(quoteCheckout(d, { memberNumber: a, lines: [{ kind: 'activity', activityCode: 'YOGA' }] }))).toEqual([['ALREADY_REGISTERED', false]]);
    const full = { memberNumber: b, lines: [{ kind: 'activity', activityCode: 'YOGA' }], payments: [{ method: 'cash', tenderedCents: 2000 }] };
    expect(problems(quoteCheckout(d, full))).toEqual([['ACTIVITY_FULL', false]]);
    expect(() => checkout(d, admin, full)).toThrow(/complète/);
  });
});

describe('a price lowered at the desk, with a reason the treasurer reads', () => {
  it('sells below the club price with a reason, keeps the club price on the line, and lists it in the day report', () => {
    const { desk: d, admin } = newDesk();
    openDrawer(d, admin);
    createActivity(d, admin, { code: 'CHORALE', name: 'Chorale', season: 'Hiver 2027', priceCents: 3000, capacity: null, membershipRequired: false });
    const member = addMember(d, admin, 'Roger', 'Pelletier');
    const sale = checkout(d, admin, {
      memberNumber: member,
      lines: [{ kind: 'activity', activityCode: 'CHORALE', priceCents: 1500, priceReason: 'Membre bénévole' }, { kind: 'membership' }],
      payments: [{ method: 'cash', tenderedCents: 10000 }],
    });
    expect(sale.order.lines.map((l) => [l.kind, l.amountCents, l.listPriceCents, l.priceReason])).toEqual([
      ['activity', 1500, 3000, 'Membre bénévole'],
      ['membership', 2500, null, null],
    ]);
    const stored = getOrder(d, sale.order.receiptNumber);
    expect(stored.lines[0]).toMatchObject({ amountCents: 1500, listPriceCents: 3000, priceReason: 'Membre bénévole' });
    const report = dayReport(d, sale.order.businessDate);
    expect(report.priceChanges).toEqual([
      { receiptNumber: sale.order.receiptNumber, kind: 'activity', activityName: 'Chorale', listPriceCents: 3000, amountCents: 1500, reason: 'Membre bénévole', by: expect.any(String) },
    ]);
    expect(report.cashSessions[0]!.priceChanges).toHaveLength(1);
    expect(verifyDatabase(d.reader)).toEqual([]);
  });

  it('refuses a price above the club’s, or without a reason, and writes nothing', () => {
    const { desk: d, admin } = newDesk();
    openDrawer(d, admin);
    const member = addMember(d, admin, 'Roger', 'Pelletier');
    const before = count(d, 'sale_order');
    const sell = (line: Record<string, unknown>) => () => checkout(d, admin, { memberNumber: member, lines: [{ kind: 'membership', ...line }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
    expect(refusal(sell({ priceCents: 3000, priceReason: 'Pourboire' }))).toMatchObject({ code: 'PRICE_ABOVE_CLUB_PRICE', message: expect.stringContaining('peut seulement être baissé') });
    expect(refusal(sell({ priceCents: 1000 }))).toMatchObject({ code: 'PRICE_REASON_REQUIRED' });
    expect(refusal(sell({ priceCents: 1000, priceReason: '   ' }))).toMatchObject({ code: 'PRICE_REASON_REQUIRED', message: expect.stringContaining('« Adhésion annuelle »') });
    // In English, the line is named in English.
    const english = (() => {
      try {
        sell({ priceCents: 3000, priceReason: 'Tip' })();
        return null;
      } catch (error) {
        return (error as ComptoirError).messageIn('en');
      }
    })();
    expect(english).toContain('"Annual membership" can only be lowered');
    expect(count(d, 'sale_order')).toBe(before);
    // The club's own price typed in is no change at all.
    const same = checkout(d, admin, { memberNumber: member, lines: [{ kind: 'membership', priceCents: 2500, priceReason: 'rien' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
    expect(same.order.lines[0]).toMatchObject({ listPriceCents: null, priceReason: null });
  });
});
