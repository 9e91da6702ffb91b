import { z } from 'zod';
import type { CreditMovementTable, OrderKind, OrderLineTable, PaymentTable, RegistrationTable, SaleOrderTable } from '../../db/schema.js';
import { requireOpenSession } from '../cash/cash-sessions.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { voidMembershipPeriods } from '../memberships/periods.js';
import { creditBalance } from '../members/members.js';
import { formatMoney, roundCashToNickel } from '../../../src-shared/money.js';
import { findOrderRow, orderView, type OrderView } from './orders.js';
import { cardApprovalSchema, emptyPayment, type CardApproval } from './payments.js';
import { takeReceiptNumber } from './receipts.js';
import { cancelInWrite } from '../activities/registrations.js';
import { parseInput, text } from '../../../src-shared/validation.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';

/**
 * Money is never updated or deleted: a mistake is corrected by a new order that points to the
 * original — a void (the whole order, the same day, each payment given back the way it came) or
 * a refund (chosen lines, paid back by one method). Both undo what the lines did: the membership
 * period is voided, the activity place is freed for the waitlist, bought credit is taken back.
 */

function correctableSale(ctx: WriteContext, receiptNumber: string): SaleOrderTable {
  const original = findOrderRow(ctx.w, receiptNumber);
  if (original.kind !== 'sale') throw new ComptoirError('NOT_A_SALE', { receipt: original.receipt_number });
  return original;
}

function refusedIfVoided(ctx: WriteContext, original: SaleOrderTable, alsoRefunds: boolean): void {
  const corrections = ctx.w.all(
    ctx.w.qb.selectFrom('sale_order').select(['receipt_number', 'kind']).where('original_order_id', '=', original.id),
  );
  const blocking = corrections.find((c) => c.kind === 'void' || alsoRefunds);
  if (blocking) throw new ComptoirError('ORDER_ALREADY_CORRECTED', { receipt: original.receipt_number, by: blocking.receipt_number });
}

function insertCorrectionOrder(ctx: WriteContext, original: SaleOrderTable, kind: OrderKind, totalCents: number, reason: string): SaleOrderTable {
  const session = requireOpenSession(ctx.w, ctx.desk.id);
  const { seq, receiptNumber } = takeReceiptNumber(ctx);
  const order: SaleOrderTable = {
    id: ctx.newId(),
    desk_id: ctx.desk.id,
    receipt_seq: seq,
    receipt_number: receiptNumber,
    kind,
    original_order_id: original.id,
    cash_session_id: session.id,
    member_id: original.member_id,
    total_cents: totalCents,
    reason,
    business_date: ctx.today,
    created_at: ctx.at,
    created_by: ctx.userId,
  };
  ctx.w.insert('sale_order', order);
  return order;
}

interface Reversal {
  lines: OrderLineTable[];
  voidedPeriods: string[];
  cancelledRegistrations: string[];
  movedUp: string[];
  credit: CreditMovementTable[];
}

/** Writes the negative lines and undoes what each original line did. */
function reverseLines(ctx: WriteContext, correction: SaleOrderTable, originals: OrderLineTable[], extra: OrderLineTable[] = []): Reversal {
  const { w } = ctx;
  const lines = [
    ...originals.map((line, i) => ({
      ...line,
      id: ctx.newId(),
      order_id: correction.id,
      position: i + 1,
      amount_cents: -line.amount_cents,
      original_line_id: line.id,
    })),
    ...extra.map((line, i) => ({ ...line, order_id: correction.id, position: originals.length + i + 1 })),
  ];
  for (const line of lines) w.insert('order_line', line);

  const voidedPeriods = voidMembershipPeriods(ctx, originals.filter((l) => l.kind === 'membership').map((l) => l.id), correction.id);

  const cancelledRegistrations: string[] = [];
  const movedUp: string[] = [];
  const activityLineIds = originals.filter((l) => l.kind === 'activity').map((l) => l.id);
  const registrations: RegistrationTable[] = activityLineIds.length
    ? w.all(w.qb.selectFrom('registration').selectAll().where('order_line_id', 'in', activityLineIds).where('status', '<>', 'cancelled'))
    : [];
  for (const registration of registrations) {
    const next = cancelInWrite(ctx, registration);
    cancelledRegistrations.push(registration.id);
    if (next) movedUp.push(next.id);
  }

  const credit: CreditMovementTable[] = originals
    .filter((l) => l.kind === 'credit' && l.member_id)
    .map((l) => ({ id: ctx.newId(), member_id: l.member_id!, order_id: correction.id, amount_cents: -l.amount_cents, created_at: ctx.at }));
  return { lines, voidedPeriods, cancelledRegistrations, movedUp, credit };
}

function writeCredit(ctx: WriteContext, rows: CreditMovementTable[]): void {
  const byMember = new Map<string, number>();
  for (const row of rows) byMember.set(row.member_id, (byMember.get(row.member_id) ?? 0) + row.amount_cents);
  for (const [memberId, change] of byMember) {
    const balance = creditBalance(ctx.w, memberId);
    if (balance + change < 0) {
      throw new ComptoirError('INSUFFICIENT_CREDIT', { balanceCents: balance, amountCents: -change });
    }
  }
  for (const row of rows) ctx.w.insert('credit_movement', row);
}

function insertPayments(ctx: WriteContext, order: SaleOrderTable, payments: Omit<PaymentTable, 'id' | 'order_id' | 'position'>[]): PaymentTable[] {
  const rows = payments.map((p, i) => ({ ...p, id: ctx.newId(), order_id: order.id, position: i + 1 }));
  for (const row of rows) ctx.w.insert('payment', row);
  return rows;
}

export const voidSchema = z
  .object({
    receiptNumber: z.string().trim().min(1).max(30),
    reason: text(300),
    /** One approval per card payment of the original, as the terminal printed for the refund. */
    cardRefunds: z.array(cardApprovalSchema).max(10).default([]),
  })
  .strict();

export interface CorrectionResult {
  order: OrderView;
  original: OrderView;
  cashBackCents: number;
}

/** Voids a whole sale: every line reversed, every payment given back the way it came. */
export function voidOrder(desk: Desk, actor: Actor, input: unknown): CorrectionResult {
  const values = parseInput(voidSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const { w } = ctx;
    const original = correctableSale(ctx, values.receiptNumber);
    refusedIfVoided(ctx, original, true);
    const originalLines = w.all(w.qb.selectFrom('order_line').selectAll().where('order_id', '=', original.id).orderBy('position'));
    const originalPayments = w.all(w.qb.selectFrom('payment').selectAll().where('order_id', '=', original.id).orderBy('position'));
    const cardPayments = originalPayments.filter((p) => p.method === 'card');
    if (values.cardRefunds.length !== cardPayments.length) {
      throw new ComptoirError('CARD_REFUND_REQUIRED', { count: cardPayments.length });
    }
    const order = insertCorrectionOrder(ctx, original, 'void', -original.total_cents, values.reason);
    const reversal = reverseLines(ctx, order, originalLines);
    const refunds = [...values.cardRefunds];
    const payments = insertPayments(
      ctx,
      order,
      originalPayments.map((p) => {
        const back = { ...emptyPayment(p.method, -p.amount_cents), original_payment_id: p.id };
        if (p.method === 'cheque') return { ...back, cheque_number: p.cheque_number, cheque_bank: p.cheque_bank };
        if (p.method === 'card') return { ...back, ...cardFields(refunds.shift()!, p) };
        return back;
      }),
    );
    const restoredCredit = originalPayments
      .filter((p) => p.method === 'credit' && original.member_id)
      .map((p) => ({ id: ctx.newId(), member_id: original.member_id!, order_id: order.id, amount_cents: p.amount_cents, created_at: ctx.at }));
    writeCredit(ctx, [...reversal.credit, ...restoredCredit]);
    const cashBack = -payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amount_cents, 0);
    return {
      change: {
        action: 'order.void',
        entityType: 'order',
        entityId: order.id,
        after: { order, ...reversal, payments, credit: [...reversal.credit, ...restoredCredit] },
      },
      result: { order: orderView(w, order), original: orderView(w, original), cashBackCents: cashBack },
    };
  });
}

function cardFields(approval: CardApproval, original: PaymentTable): Partial<PaymentTable> {
  return {
    card_brand: approval.brand ?? original.card_brand,
    card_last4: approval.last4 ?? original.card_last4,
    card_auth_code: approval.authCode,
    card_terminal: approval.terminal,
    card_transaction_id: approval.transactionId,
  };
}

export const refundSchema = z
  .object({
    receiptNumber: z.string().trim().min(1).max(30),
    /** Positions of the lines to refund, as on the receipt (1 = first line). */
    linePositions: z.array(z.number().int().min(1)).min(1).max(50),
    reason: text(300),
    method: z.discriminatedUnion('method', [
      z.object({ method: z.literal('cash') }).strict(),
      z.object({ method: z.literal('cheque'), chequeNumber: text(20), bank: text(80) }).strict(),
      z.object({ method: z.literal('card'), approval: cardApprovalSchema }).strict(),
      z.object({ method: z.literal('credit') }).strict(),
    ]),
  })
  .strict();

/** Refunds chosen lines of a sale, by one method (treasurer or administrator). */
export function refundOrder(desk: Desk, actor: Actor, input: unknown): CorrectionResult {
  const values = parseInput(refundSchema, input);
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      const { w } = ctx;
      const original = correctableSale(ctx, values.receiptNumber);
      refusedIfVoided(ctx, original, false);
      const lines = w.all(w.qb.selectFrom('order_line').selectAll().where('order_id', '=', original.id).orderBy('position'));
      const alreadyRefunded = new Set(
        w.all(w.qb.selectFrom('order_line').select('original_line_id').where('original_line_id', 'in', lines.map((l) => l.id)))
          .map((l) => l.original_line_id),
      );
      const chosen = [...new Set(values.linePositions)].map((position) => {
        const line = lines.find((l) => l.position === position);
        if (!line || line.kind === 'rounding' || alreadyRefunded.has(line.id)) {
          throw new ComptoirError('LINE_NOT_REFUNDABLE', { position, receipt: original.receipt_number });
        }
        return line;
      });
      const amount = chosen.reduce((sum, l) => sum + l.amount_cents, 0);
      const method = values.method;
      const paidBack = method.method === 'cash' ? roundCashToNickel(amount) : amount;
      if (method.method === 'credit' && !original.member_id) throw new ComptoirError('MEMBER_REQUIRED');
      const order = insertCorrectionOrder(ctx, original, 'refund', -paidBack, values.reason);
      const rounding: OrderLineTable[] =
        paidBack === amount
          ? []
          : [{ id: ctx.newId(), order_id: order.id, position: 0, kind: 'rounding', description: 'Arrondi (argent comptant)', member_id: null, activity_id: null, amount_cents: amount - paidBack, original_line_id: null }];
      const reversal = reverseLines(ctx, order, chosen, rounding);
      const payment = { ...emptyPayment(method.method, -paidBack) };
      if (method.method === 'cheque') Object.assign(payment, { cheque_number: method.chequeNumber, cheque_bank: method.bank });
      if (method.method === 'card') {
        Object.assign(payment, { card_brand: method.approval.brand, card_last4: method.approval.last4, card_auth_code: method.approval.authCode, card_terminal: method.approval.terminal, card_transaction_id: method.approval.transactionId });
      }
      const payments = insertPayments(ctx, order, [payment]);
      const toCredit =
        method.method === 'credit'
          ? [{ id: ctx.newId(), member_id: original.member_id!, order_id: order.id, amount_cents: paidBack, created_at: ctx.at }]
          : [];
      writeCredit(ctx, [...reversal.credit, ...toCredit]);
      return {
        change: {
          action: 'order.refund',
          entityType: 'order',
          entityId: order.id,
          after: { order, ...reversal, payments, credit: [...reversal.credit, ...toCredit] },
        },
        result: { order: orderView(w, order), original: orderView(w, original), cashBackCents: method.method === 'cash' ? paidBack : 0 },
      };
    },
    { roles: ['treasurer', 'admin'] },
  );
}
