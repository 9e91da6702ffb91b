import { z } from 'zod';
import type {
  ActivityTable,
  CreditMovementTable,
  LineKind,
  MemberTable,
  OrderLineTable,
  PaymentTable,
  SaleOrderTable,
} from '../../db/schema.js';

import { requireOpenSession } from '../cash/cash-sessions.js';
import type { ClubSettings, Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { addMembershipPeriod } from '../memberships/periods.js';
import type { Period } from '../../../src-shared/memberships.js';
import { creditBalance, findMemberRow } from '../members/members.js';
import { formatMoney, roundCashToNickel } from '../../../src-shared/money.js';
import type { Reader } from '../../db/sql.js';
import { findActivityRow, registeredCount } from '../activities/activities.js';
import { paymentView, type OrderView } from './orders.js';
import { paymentInputSchema, settlePayments, type SettledPayments } from './payments.js';
import { takeReceiptNumber } from './receipts.js';
import { registerInWrite } from '../activities/registrations.js';
import { memberNumber, parseInput, positiveCents } from '../../../src-shared/validation.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';

const lineInputSchema = z.discriminatedUnion('kind', [
  /** A renewal (or a first membership) at the club's price; `force` renews twice on purpose. */
  z.object({ kind: z.literal('membership'), memberNumber: memberNumber.optional(), force: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal('activity'), activityCode: z.string().trim().min(1).max(20), memberNumber: memberNumber.optional() }).strict(),
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

export interface CheckoutResult {
  order: OrderView;
  /** Cash handed over, change to give back and the 0.05 $ rounding of the cash part. */
  cash: { dueCents: number; tenderedCents: number; changeCents: number; roundingCents: number } | null;
  periods: (Period & { memberNumber: number })[];
  registrations: { activityCode: string; memberNumber: number; status: 'registered' | 'waitlisted' }[];
}

/** A priced cart line before it is written. */
interface PricedLine {
  position: number;
  kind: LineKind;
  description: string;
  member: MemberTable | null;
  activity: ActivityTable | null;
  amountCents: number;
  force: boolean;
}

const activityDescription = (a: ActivityTable) => `${a.name} (${a.season})`;

function priceLines(r: Reader, settings: ClubSettings, input: { lines: z.output<typeof lineInputSchema>[] }, orderMember: MemberTable | null): PricedLine[] {
  return input.lines.map((line, position) => {
    const member = line.memberNumber ? findMemberRow(r, line.memberNumber) : orderMember;
    const base = { position: position + 1, member, activity: null, force: false };
    switch (line.kind) {
      case 'membership':
        if (!member) throw new ComptoirError('MEMBER_REQUIRED');
        return { ...base, kind: 'membership', description: 'Adhésion annuelle', amountCents: settings.membershipPriceCents, force: line.force };
      case 'activity': {
        if (!member) throw new ComptoirError('MEMBER_REQUIRED');
        const activity = findActivityRow(r, line.activityCode);
        return { ...base, kind: 'activity', activity, description: activityDescription(activity), amountCents: activity.price_cents };
      }
      case 'donation':
        return { ...base, kind: 'donation', description: 'Don', amountCents: line.amountCents };
      case 'credit':
        if (!member) throw new ComptoirError('MEMBER_REQUIRED');
        return { ...base, kind: 'credit', description: 'Crédit au compte', amountCents: line.amountCents };
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
    const { w } = ctx;
    const session = requireOpenSession(w, desk.id);
    const orderMember = values.memberNumber ? findMemberRow(w, values.memberNumber) : null;
    const lines = priceLines(w, ctx.desk.settings(), values, orderMember);
    const linesTotal = lines.reduce((sum, line) => sum + line.amountCents, 0);
    const settled = settlePayments(linesTotal, values.payments);

    const creditUsed = settled.payments.filter((p) => p.method === 'credit').reduce((sum, p) => sum + p.amount_cents, 0);
    if (creditUsed > 0) {
      if (!orderMember) throw new ComptoirError('MEMBER_REQUIRED');
      const balance = creditBalance(w, orderMember.id);
      if (creditUsed > balance) {
        throw new ComptoirError('INSUFFICIENT_CREDIT', { balanceCents: balance, amountCents: creditUsed });
      }
    }

    const { seq, receiptNumber } = takeReceiptNumber(ctx);
    const order: SaleOrderTable = {
      id: ctx.newId(),
      desk_id: desk.id,
      receipt_seq: seq,
      receipt_number: receiptNumber,
      kind: 'sale',
      original_order_id: null,
      cash_session_id: session.id,
      member_id: orderMember?.id ?? null,
      total_cents: linesTotal + settled.roundingCents,
      reason: null,
      business_date: ctx.today,
      created_at: ctx.at,
      created_by: ctx.userId,
    };
    w.insert('sale_order', order);

    const lineRows: OrderLineTable[] = lines.map((line) => ({
      id: ctx.newId(),
      order_id: order.id,
      position: line.position,
      kind: line.kind,
      description: line.description,
      member_id: line.member?.id ?? null,
      activity_id: line.activity?.id ?? null,
      amount_cents: line.amountCents,
      original_line_id: null,
    }));
    if (settled.roundingCents !== 0) {
      lineRows.push({
        id: ctx.newId(),
        order_id: order.id,
        position: lines.length + 1,
        kind: 'rounding',
        description: 'Arrondi (argent comptant)',
        member_id: null,
        activity_id: null,
        amount_cents: settled.roundingCents,
        original_line_id: null,
      });
    }
    for (const row of lineRows) w.insert('order_line', row);

    const paymentRows: PaymentTable[] = settled.payments.map((p, i) => ({ ...p, id: ctx.newId(), order_id: order.id, position: i + 1 }));
    for (const row of paymentRows) w.insert('payment', row);

    // Memberships first, so an activity that needs one can be bought in the same cart.
    const periods: CheckoutResult['periods'] = [];
    const periodRows: (Period & { id: string; memberId: string; orderLineId: string })[] = [];
    lines.forEach((line, i) => {
      if (line.kind !== 'membership' || !line.member) return;
      const period = addMembershipPeriod(ctx, line.member.id, lineRows[i]!.id, line.force);
      periods.push({ startsOn: period.startsOn, endsOn: period.endsOn, memberNumber: line.member.number });
      periodRows.push({ ...period, memberId: line.member.id, orderLineId: lineRows[i]!.id });
    });
    const registrations: CheckoutResult['registrations'] = [];
    const registrationRows: unknown[] = [];
    lines.forEach((line, i) => {
      if (line.kind !== 'activity' || !line.member || !line.activity) return;
      const registration = registerInWrite(ctx, line.activity, line.member, {
        source: 'desk',
        orderLineId: lineRows[i]!.id,
        waitlistIfFull: false,
      });
      registrations.push({ activityCode: line.activity.code, memberNumber: line.member.number, status: 'registered' });
      registrationRows.push(registration);
    });

    const creditRows: CreditMovementTable[] = [];
    lines.forEach((line) => {
      if (line.kind === 'credit' && line.member) {
        creditRows.push({ id: ctx.newId(), member_id: line.member.id, order_id: order.id, amount_cents: line.amountCents, created_at: ctx.at });
      }
    });
    if (creditUsed > 0 && orderMember) {
      creditRows.push({ id: ctx.newId(), member_id: orderMember.id, order_id: order.id, amount_cents: -creditUsed, created_at: ctx.at });
    }
    for (const row of creditRows) w.insert('credit_movement', row);

    const cashPayment = paymentRows.find((p) => p.method === 'cash');
    return {
      change: {
        action: 'order.sale',
        entityType: 'order',
        entityId: order.id,
        after: { order, lines: lineRows, payments: paymentRows, periods: periodRows, registrations: registrationRows, credit: creditRows },
      },
      result: {
        order: newSaleView(ctx, order, orderMember, lines, lineRows, paymentRows, periodRows),
        cash: cashPayment
          ? {
              dueCents: cashPayment.amount_cents,
              tenderedCents: cashPayment.tendered_cents ?? 0,
              changeCents: cashPayment.change_cents ?? 0,
              roundingCents: settled.roundingCents,
            }
          : null,
        periods,
        registrations,
      },
    };
  });
}

/** The view of the sale just written, from its rows in hand rather than read back. */
function newSaleView(
  ctx: WriteContext,
  order: SaleOrderTable,
  member: MemberTable | null,
  lines: PricedLine[],
  lineRows: OrderLineTable[],
  payments: PaymentTable[],
  periods: { startsOn: string; endsOn: string; orderLineId: string }[],
): OrderView {
  return {
    id: order.id,
    receiptNumber: order.receipt_number,
    kind: order.kind,
    originalReceiptNumber: null,
    correctedBy: [],
    deskName: ctx.desk.name,
    cashSessionId: order.cash_session_id,
    member: member ? { number: member.number, firstName: member.first_name, lastName: member.last_name } : null,
    totalCents: order.total_cents,
    reason: null,
    businessDate: order.business_date,
    createdAt: order.created_at,
    createdBy: ctx.userName,
    lines: lineRows.map((row, i) => {
      const period = periods.find((p) => p.orderLineId === row.id);
      return {
        id: row.id,
        position: row.position,
        kind: row.kind,
        description: row.description,
        memberNumber: lines[i]?.member?.number ?? null,
        activityCode: lines[i]?.activity?.code ?? null,
        amountCents: row.amount_cents,
        originalLineId: null,
        period: period ? { startsOn: period.startsOn, endsOn: period.endsOn, voided: false } : null,
      };
    }),
    payments: payments.map(paymentView),
  };
}

export const quoteSchema = z
  .object({
    memberNumber: memberNumber.optional(),
    lines: z.array(lineInputSchema).max(50),
    payments: z.array(paymentInputSchema).max(10).default([]),
  })
  .strict();

export interface CheckoutQuote {
  lines: { position: number; kind: LineKind; description: string; memberNumber: number | null; activityCode: string | null; amountCents: number; activityFull: boolean }[];
  totalCents: number;
  /** Settled by cheques, cards and credit so far. */
  exactPaidCents: number;
  /** What is left to pay; in cash it rounds to `cashDueCents`. */
  remainingCents: number;
  cashDueCents: number;
  roundingCents: number;
  /** Change for the cash tendered, when a cash payment is in the quote and covers what is due. */
  changeCents: number | null;
}

/**
 * What a cart costs and what the payments so far leave, without writing anything: the cart
 * screen shows the same prices, rounding and change the checkout will record.
 */
export function quoteCheckout(desk: Desk, input: unknown): CheckoutQuote {
  const values = parseInput(quoteSchema, input);
  const r = desk.reader;
  const orderMember = values.memberNumber ? findMemberRow(r, values.memberNumber) : null;
  const lines = priceLines(r, desk.settings(), values, orderMember);
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const exactPaidCents = values.payments.reduce((sum, p) => (p.method === 'cash' ? sum : sum + p.amountCents), 0);
  const remainingCents = totalCents - exactPaidCents;
  const cashDueCents = remainingCents > 0 ? roundCashToNickel(remainingCents) : 0;
  const cash = values.payments.find((p) => p.method === 'cash');
  let settled: SettledPayments | null = null;
  if (cash && cash.tenderedCents >= cashDueCents && cashDueCents > 0) settled = settlePayments(totalCents, values.payments);
  return {
    lines: lines.map((line) => ({
      position: line.position,
      kind: line.kind,
      description: line.description,
      memberNumber: line.member?.number ?? null,
      activityCode: line.activity?.code ?? null,
      amountCents: line.amountCents,
      activityFull: line.activity?.capacity != null && registeredCount(r, line.activity.id) >= line.activity.capacity,
    })),
    totalCents,
    exactPaidCents,
    remainingCents,
    cashDueCents,
    roundingCents: cashDueCents > 0 ? cashDueCents - remainingCents : 0,
    changeCents: settled ? settled.changeCents : null,
  };
}
