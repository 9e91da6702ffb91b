import { z } from 'zod';
import type { ActivityTable, LineKind, MemberTable } from '../../db/schema.js';
import type { Reader } from '../../db/sql.js';
import type { ClubSettings } from '../../../src-shared/club-settings.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { cartBalance, linePrice } from '../../../src-shared/pricing.js';
import { isFull } from '../../../src-shared/capacity.js';
import { paymentInputSchema, settlePayments } from '../../../src-shared/payments.js';
import { cents, memberNumber, optionalText, parseInput, positiveCents } from '../../../src-shared/validation.js';
import { lineLabel } from '../../../src-shared/words.js';
import { businessDate } from '../../../src-shared/dates.js';
import { findActivityRow, registeredCount } from '../activities/activities.js';
import { planPaidRegistrations } from '../activities/registrations.js';
import { requireOpenSession } from '../cash/cash-sessions.js';
import type { Desk } from '../desk/desk.js';
import { ROLES } from '../../../src-shared/roles.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';
import type { OperationOf } from '../../../src-shared/operations/index.js';
import { creditBalance, findMemberRow } from '../members/members.js';
import { planPeriods } from '../memberships/periods.js';
import { nextReceiptNumber } from './receipts.js';
import type { CheckoutQuote, CheckoutResult, OrderView } from './views.js';

/**
 * A price the volunteer lowers (a discount, a fee the club waives), with the reason the treasurer
 * reads in the day report; never above the club's price.
 */
const priceChange = { priceCents: cents.optional(), priceReason: optionalText(200) };

const lineInputSchema = z.discriminatedUnion('kind', [
  /** A renewal (or a first membership) at the club's price; `force` renews twice on purpose. */
  z.object({ kind: z.literal('membership'), memberNumber: memberNumber.optional(), force: z.boolean().default(false), ...priceChange }).strict(),
  z.object({ kind: z.literal('activity'), activityCode: z.string().trim().min(1).max(20), memberNumber: memberNumber.optional(), ...priceChange }).strict(),
  z.object({ kind: z.literal('donation'), amountCents: positiveCents, memberNumber: memberNumber.optional() }).strict(),
  /** Money put on the member's "Crédit / Coupons" for later. */
  z.object({ kind: z.literal('credit'), amountCents: positiveCents, memberNumber: memberNumber.optional() }).strict(),
]);

export const checkoutSchema = z
  .object({
    /** The member the receipt is made out to; lines default to this member. */
    memberNumber: memberNumber.optional(),
    lines: z.array(lineInputSchema).min(1).max(50),
    payments: z.array(paymentInputSchema).max(10),
  })
  .strict();
export type CheckoutInput = z.input<typeof checkoutSchema>;

/** « Prénom Nom », as lines name whom they are for. */
function memberName(member: MemberTable | null): string | null {
  return member ? `${member.first_name} ${member.last_name}` : null;
}

/** A priced cart line before it is written. */
interface PricedLine {
  position: number;
  kind: LineKind;
  member: MemberTable | null;
  activity: ActivityTable | null;
  amountCents: number;
  force: boolean;
  /** Set when the volunteer changed the club's price: that price, and why. */
  changed: { listPriceCents: number; reason: string } | null;
}

/**
 * The line's price: the club's, or the lower one the volunteer typed with a reason.
 * @throws PRICE_ABOVE_CLUB_PRICE, PRICE_REASON_REQUIRED
 */
function withPriceChange(
  listCents: number,
  line: { priceCents?: number | undefined; priceReason: string | null },
  what: { kind: LineKind; activityName?: string },
): { amountCents: number; changed: PricedLine['changed'] } {
  if (line.priceCents === undefined || line.priceCents === listCents) return { amountCents: listCents, changed: null };
  if (line.priceCents > listCents) throw new ComptoirError('PRICE_ABOVE_CLUB_PRICE', { line: what, listCents });
  if (!line.priceReason) throw new ComptoirError('PRICE_REASON_REQUIRED', { line: what });
  return { amountCents: line.priceCents, changed: { listPriceCents: listCents, reason: line.priceReason } };
}

function priceLines(r: Reader, settings: ClubSettings, input: { lines: z.output<typeof lineInputSchema>[] }, orderMember: MemberTable | null): PricedLine[] {
  return input.lines.map((line, position) => {
    const member = line.memberNumber ? findMemberRow(r, line.memberNumber) : orderMember;
    const base = { position: position + 1, member, activity: null, force: false, changed: null };
    switch (line.kind) {
      case 'membership': {
        if (!member) throw new ComptoirError('MEMBER_REQUIRED');
        const price = withPriceChange(linePrice('membership', { settings }), line, { kind: 'membership' });
        return { ...base, kind: 'membership', ...price, force: line.force };
      }
      case 'activity': {
        if (!member) throw new ComptoirError('MEMBER_REQUIRED');
        const activity = findActivityRow(r, line.activityCode);
        const price = withPriceChange(linePrice('activity', { settings, activityPriceCents: activity.price_cents }), line, { kind: 'activity', activityName: activity.name });
        return { ...base, kind: 'activity', activity, ...price };
      }
      case 'donation':
        return { ...base, kind: 'donation', amountCents: linePrice('donation', { settings, amountCents: line.amountCents }) };
      case 'credit':
        if (!member) throw new ComptoirError('MEMBER_REQUIRED');
        return { ...base, kind: 'credit', amountCents: linePrice('credit', { settings, amountCents: line.amountCents }) };
    }
  });
}

/**
 * Turns a cart into an order: the order, its lines, its payments, the membership periods, the
 * registrations, the credit movements, the receipt number, the audit entry and the outbox
 * operation are written in ONE transaction. Either the member leaves with a receipt and all of
 * it is on disk, or nothing happened.
 */
export function checkout(desk: Desk, actor: Actor, input: unknown): CheckoutResult {
  const values = parseInput(checkoutSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const { r: w } = ctx;
    const session = requireOpenSession(w, desk.id);
    const orderMember = values.memberNumber ? findMemberRow(w, values.memberNumber) : null;
    const lines = priceLines(w, ctx.desk.settings(), values, orderMember);
    const linesTotal = lines.reduce((sum, line) => sum + line.amountCents, 0);
    const settled = settlePayments(linesTotal, values.payments);

    const creditUsed = settled.payments.filter((p) => p.method === 'credit').reduce((sum, p) => sum + p.amountCents, 0);
    if (creditUsed > 0) {
      if (!orderMember) throw new ComptoirError('MEMBER_REQUIRED');
      const balance = creditBalance(w, orderMember.id);
      if (creditUsed > balance) throw new ComptoirError('INSUFFICIENT_CREDIT', { balanceCents: balance, amountCents: creditUsed });
    }

    const { seq, receiptNumber } = nextReceiptNumber(w, desk.id);
    const order = {
      id: ctx.newId(),
      receiptNumber,
      receiptSeq: seq,
      cashSessionId: session.id,
      memberId: orderMember?.id ?? null,
      totalCents: linesTotal + settled.roundingCents,
      businessDate: ctx.today,
      originalOrderId: null,
      reason: null,
    };
    const lineFacts = lines.map((line) => ({
      id: ctx.newId(),
      position: line.position,
      kind: line.kind,
      memberId: line.member?.id ?? null,
      activityId: line.activity?.id ?? null,
      amountCents: line.amountCents,
      originalLineId: null,
      listPriceCents: line.changed?.listPriceCents ?? null,
      priceReason: line.changed?.reason ?? null,
    }));
    if (settled.roundingCents !== 0) {
      lineFacts.push({
        id: ctx.newId(),
        position: lines.length + 1,
        kind: 'rounding',
        memberId: null,
        activityId: null,
        amountCents: settled.roundingCents,
        originalLineId: null,
        listPriceCents: null,
        priceReason: null,
      });
    }

    // Memberships first, so an activity that needs one can be bought in the same cart.
    const renewals = lines.flatMap((line, i) => (line.kind === 'membership' && line.member ? [{ line, orderLineId: lineFacts[i]!.id }] : []));
    const planned = planPeriods(w, ctx.desk.settings(), ctx.today, renewals.map(({ line }) => ({ memberId: line.member!.id, force: line.force })));
    const periods = renewals.map(({ line, orderLineId }, i) => ({ id: ctx.newId(), memberId: line.member!.id, orderLineId, ...planned[i]! }));
    const places = lines.flatMap((line, i) =>
      line.kind === 'activity' && line.member && line.activity ? [{ activity: line.activity, member: line.member, orderLineId: lineFacts[i]!.id }] : [],
    );
    const registrations = planPaidRegistrations(w, ctx.today, places, periods, ctx.newId);

    const credit = lines.flatMap((line) => (line.kind === 'credit' && line.member ? [{ id: ctx.newId(), memberId: line.member.id, amountCents: line.amountCents }] : []));
    if (creditUsed > 0 && orderMember) credit.push({ id: ctx.newId(), memberId: orderMember.id, amountCents: -creditUsed });

    const payments = settled.payments.map((p, i) => ({ ...p, id: ctx.newId(), position: i + 1 }));
    ctx.record({ kind: 'order.sale', version: 2, order, lines: lineFacts, payments, periods, registrations, credit });
    const cashPayment = settled.payments.find((p) => p.method === 'cash');
    return {
      order: newSaleView(ctx, { order, member: orderMember, priced: lines, lines: lineFacts, payments, periods }),
      cash: cashPayment
        ? { dueCents: cashPayment.amountCents, tenderedCents: cashPayment.tenderedCents ?? 0, changeCents: cashPayment.changeCents ?? 0, roundingCents: settled.roundingCents }
        : null,
      periods: periods.map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn, memberNumber: renewals.find((r) => r.orderLineId === p.orderLineId)!.line.member!.number })),
      registrations: places.map((place) => ({ activityCode: place.activity.code, memberNumber: place.member.number, status: 'registered' as const })),
    };
  }, { roles: ROLES.desk });
}

/**
 * The view of the sale just written, from the facts in hand rather than read back: the checkout
 * is what a volunteer waits for, and these are the very facts the tables were given.
 */
function newSaleView(
  ctx: WriteContext,
  sale: {
    order: OperationOf<'order.sale'>['order'];
    member: MemberTable | null;
    priced: PricedLine[];
    lines: OperationOf<'order.sale'>['lines'];
    payments: OperationOf<'order.sale'>['payments'];
    periods: OperationOf<'order.sale'>['periods'];
  },
): OrderView {
  const { order, member } = sale;
  const language = ctx.desk.language;
  return {
    id: order.id,
    receiptNumber: order.receiptNumber,
    kind: 'sale',
    originalReceiptNumber: null,
    correctedBy: [],
    deskName: ctx.desk.name,
    cashSessionId: order.cashSessionId,
    member: member ? { number: member.number, firstName: member.first_name, lastName: member.last_name } : null,
    totalCents: order.totalCents,
    reason: null,
    businessDate: order.businessDate,
    createdAt: ctx.at,
    createdBy: ctx.userName,
    lines: sale.lines.map((line, i) => {
      const activity = sale.priced[i]?.activity ?? null;
      const period = sale.periods.find((p) => p.orderLineId === line.id);
      return {
        id: line.id,
        position: line.position,
        kind: line.kind,
        description: lineLabel({ kind: line.kind, activityName: activity?.name, activitySeason: activity?.season }, language),
        memberNumber: sale.priced[i]?.member?.number ?? null,
        memberName: memberName(sale.priced[i]?.member ?? null),
        activityCode: activity?.code ?? null,
        activityName: activity?.name ?? null,
        activitySeason: activity?.season ?? null,
        activitySchedule: activity?.schedule ?? null,
        activityPlace: activity?.place ?? null,
        amountCents: line.amountCents,
        originalLineId: null,
        listPriceCents: line.listPriceCents ?? null,
        priceReason: line.priceReason ?? null,
        period: period ? { startsOn: period.startsOn, endsOn: period.endsOn, voided: false } : null,
      };
    }),
    payments: sale.payments.map((p) => ({
      id: p.id,
      position: p.position,
      method: p.method,
      amountCents: p.amountCents,
      tenderedCents: p.tenderedCents,
      changeCents: p.changeCents,
      chequeNumber: p.chequeNumber,
      bank: p.chequeBank,
      cardBrand: p.cardBrand,
      cardLast4: p.cardLast4,
      cardAuthCode: p.cardAuthCode,
      originalPaymentId: null,
    })),
  };
}

export const quoteSchema = z
  .object({
    memberNumber: memberNumber.optional(),
    lines: z.array(lineInputSchema).max(50),
    payments: z.array(paymentInputSchema).max(10).default([]),
  })
  .strict();

/**
 * What a cart costs and what the payments so far leave, without writing anything: the cart
 * screen shows the same prices, rounding and change the checkout will record. Each line also says
 * whom it is for (by name) and what the checkout would refuse about it (a second renewal, an
 * activity that needs a membership, a place already held), so the volunteer hears it while the
 * cart is built, before any money changes hands.
 */
export function quoteCheckout(desk: Desk, input: unknown): CheckoutQuote {
  const values = parseInput(quoteSchema, input);
  const r = desk.reader;
  const orderMember = values.memberNumber ? findMemberRow(r, values.memberNumber) : null;
  const lines = priceLines(r, desk.settings(), values, orderMember);
  const balance = cartBalance(lines.reduce((sum, line) => sum + line.amountCents, 0), values.payments);
  const problems = lineProblems(r, desk.settings(), businessDate(desk.clock.now()), lines);
  return {
    lines: lines.map((line, i) => ({
      position: line.position,
      kind: line.kind,
      description: lineLabel({ kind: line.kind, activityName: line.activity?.name, activitySeason: line.activity?.season }, desk.language),
      memberNumber: line.member?.number ?? null,
      memberName: memberName(line.member),
      activityCode: line.activity?.code ?? null,
      amountCents: line.amountCents,
      listPriceCents: line.changed?.listPriceCents ?? null,
      priceReason: line.changed?.reason ?? null,
      activityFull: line.activity !== null && isFull(line.activity.capacity, registeredCount(r, line.activity.id)),
      problem: problems[i] ? { ...problems[i].toData(desk.language), addMembership: problems[i].code === 'MEMBERSHIP_REQUIRED' } : null,
    })),
    ...balance,
  };
}

/**
 * The refusal checkout() would raise for each line, line by line in cart order (memberships
 * first, as the checkout plans them), with the lines before it that pass: null where the line is
 * fine. The same rules as the checkout (planPeriods, planPaidRegistrations), only read.
 */
function lineProblems(r: Reader, settings: ClubSettings, today: string, lines: readonly PricedLine[]): (ComptoirError | null)[] {
  const problems: (ComptoirError | null)[] = lines.map(() => null);
  const attempt = (index: number, plan: () => void): boolean => {
    try {
      plan();
      return true;
    } catch (error) {
      if (!(error instanceof ComptoirError)) throw error;
      problems[index] = error;
      return false;
    }
  };
  const renewals: { memberId: string; force: boolean }[] = [];
  let periods: (ReturnType<typeof planPeriods>[number] & { memberId: string })[] = [];
  lines.forEach((line, i) => {
    if (line.kind !== 'membership' || !line.member) return;
    const wanted = [...renewals, { memberId: line.member.id, force: line.force }];
    if (attempt(i, () => (periods = planPeriods(r, settings, today, wanted).map((period, k) => ({ ...period, memberId: wanted[k]!.memberId }))))) renewals.push(wanted.at(-1)!);
  });
  const places: { activity: ActivityTable; member: MemberTable; orderLineId: string }[] = [];
  lines.forEach((line, i) => {
    if (line.kind !== 'activity' || !line.member || !line.activity) return;
    const wanted = [...places, { activity: line.activity, member: line.member, orderLineId: String(i) }];
    if (attempt(i, () => planPaidRegistrations(r, today, wanted, periods, () => ''))) places.push(wanted.at(-1)!);
  });
  return problems;
}
