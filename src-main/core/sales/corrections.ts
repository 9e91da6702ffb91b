import { z } from 'zod';
import type { CashSessionTable, OrderLineTable, PaymentTable, RegistrationTable, SaleOrderTable } from '../../db/schema.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { roundCashToNickel } from '../../../src-shared/money.js';
import type { OperationOf } from '../../../src-shared/operations/index.js';
import { cardApprovalSchema, cardFields, paymentDraft, type CardApproval, type PaymentDraft } from '../../../src-shared/payments.js';
import { parseInput, text } from '../../../src-shared/validation.js';
import { planCancellations } from '../activities/registrations.js';
import { requireCashInDrawer, requireOpenSession } from '../cash/cash-sessions.js';
import type { Desk } from '../desk/desk.js';
import { ROLES } from '../../../src-shared/roles.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';
import { creditBalance } from '../members/members.js';
import { periodsPaidBy } from '../memberships/periods.js';
import { findOrderRow, orderView } from './orders.js';
import { nextReceiptNumber } from './receipts.js';
import { refundableLines, requireVoidable } from './correction-rules.js';
import type { CorrectionResult } from './views.js';

/**
 * Money is never updated or deleted: a mistake is corrected by a new order that points to the
 * original — a void (the whole order, the same day, each payment given back the way it came) or
 * a refund (chosen lines, paid back by one method). Both undo what the lines did: the membership
 * period is voided, the activity place is freed for the waitlist, bought credit is taken back.
 */

function correctableSale(ctx: WriteContext, receiptNumber: string): SaleOrderTable {
  const original = findOrderRow(ctx.r, receiptNumber);
  if (original.kind !== 'sale') throw new ComptoirError('NOT_A_SALE', { receipt: original.receipt_number });
  return original;
}

function refusedIfVoided(ctx: WriteContext, original: SaleOrderTable, alsoRefunds: boolean): void {
  const corrections = ctx.r.all(
    ctx.r.qb.selectFrom('sale_order').select(['receipt_number', 'kind']).where('original_order_id', '=', original.id),
  );
  const blocking = corrections.find((c) => c.kind === 'void' || alsoRefunds);
  if (blocking) throw new ComptoirError('ORDER_ALREADY_CORRECTED', { receipt: original.receipt_number, by: blocking.receipt_number });
}

type OrderFacts = OperationOf<'order.void'>['order'];
type LineFacts = OperationOf<'order.void'>['lines'][number];

function correctionOrder(ctx: WriteContext, session: CashSessionTable, original: SaleOrderTable, totalCents: number, reason: string): OrderFacts {
  const { seq, receiptNumber } = nextReceiptNumber(ctx.r, ctx.desk.id);
  return {
    id: ctx.newId(),
    receiptNumber,
    receiptSeq: seq,
    cashSessionId: session.id,
    memberId: original.member_id,
    totalCents,
    businessDate: ctx.today,
    originalOrderId: original.id,
    reason,
  };
}

/**
 * What taking back these lines of the original undoes: the negative lines (then any extra line,
 * such as a cash rounding), the membership periods they paid, the places they held (the
 * waitlist moves up) and the credit they bought.
 */
function reversal(ctx: WriteContext, originals: OrderLineTable[], extra: Omit<LineFacts, 'position'>[] = []) {
  const { r: w } = ctx;
  const lines: LineFacts[] = [
    ...originals.map((line, i) => ({
      id: ctx.newId(),
      position: i + 1,
      kind: line.kind,
      memberId: line.member_id,
      activityId: line.activity_id,
      amountCents: -line.amount_cents,
      originalLineId: line.id,
    })),
    ...extra.map((line, i) => ({ ...line, position: originals.length + i + 1 })),
  ];
  const voidedPeriodIds = periodsPaidBy(w, originals.filter((l) => l.kind === 'membership').map((l) => l.id));
  const activityLineIds = originals.filter((l) => l.kind === 'activity').map((l) => l.id);
  const registrations: RegistrationTable[] = activityLineIds.length
    ? w.all(w.qb.selectFrom('registration').selectAll().where('order_line_id', 'in', activityLineIds).where('status', '<>', 'cancelled'))
    : [];
  const { cancelled, movedUp } = planCancellations(w, registrations);
  const credit = originals
    .filter((l) => l.kind === 'credit' && l.member_id)
    .map((l) => ({ id: ctx.newId(), memberId: l.member_id!, amountCents: -l.amount_cents }));
  return { lines, voidedPeriodIds, cancelledRegistrationIds: cancelled, movedUpRegistrationIds: movedUp, credit };
}

/** Credit taken back may not leave a member's « Crédit / Coupons » below zero. */
function checkCredit(ctx: WriteContext, movements: { memberId: string; amountCents: number }[]): void {
  const byMember = new Map<string, number>();
  for (const row of movements) byMember.set(row.memberId, (byMember.get(row.memberId) ?? 0) + row.amountCents);
  for (const [memberId, change] of byMember) {
    const balance = creditBalance(ctx.r, memberId);
    if (balance + change < 0) throw new ComptoirError('INSUFFICIENT_CREDIT', { balanceCents: balance, amountCents: -change });
  }
}

const numbered = (ctx: WriteContext, payments: PaymentDraft[]) => payments.map((p, i) => ({ ...p, id: ctx.newId(), position: i + 1 }));

export const voidSchema = z
  .object({
    receiptNumber: z.string().trim().min(1).max(30),
    reason: text(300),
    /** One approval per card payment of the original, as the terminal printed for the refund. */
    cardRefunds: z.array(cardApprovalSchema).max(10).default([]),
  })
  .strict();

/** Voids a whole sale: every line reversed, every payment given back the way it came. */
export function voidOrder(desk: Desk, actor: Actor, input: unknown): CorrectionResult {
  const values = parseInput(voidSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const { r: w } = ctx;
    const original = correctableSale(ctx, values.receiptNumber);
    refusedIfVoided(ctx, original, true);
    const originalLines = w.all(w.qb.selectFrom('order_line').selectAll().where('order_id', '=', original.id).orderBy('position'));
    const originalPayments = w.all(w.qb.selectFrom('payment').selectAll().where('order_id', '=', original.id).orderBy('position'));
    const cardPayments = originalPayments.filter((p) => p.method === 'card');
    if (values.cardRefunds.length !== cardPayments.length) {
      throw new ComptoirError('CARD_REFUND_REQUIRED', { count: cardPayments.length });
    }
    const session = requireVoidable(w, original, desk.id);
    const order = correctionOrder(ctx, session, original, -original.total_cents, values.reason);
    const undone = reversal(ctx, originalLines);
    const refunds = [...values.cardRefunds];
    const payments = numbered(
      ctx,
      originalPayments.map((p) => {
        const back = { ...paymentDraft(p.method, -p.amount_cents), originalPaymentId: p.id };
        if (p.method === 'cheque') return { ...back, chequeNumber: p.cheque_number, chequeBank: p.cheque_bank };
        if (p.method === 'card') return { ...back, ...cardRefund(refunds.shift()!, p) };
        return back;
      }),
    );
    const restoredCredit = originalPayments
      .filter((p) => p.method === 'credit' && original.member_id)
      .map((p) => ({ id: ctx.newId(), memberId: original.member_id!, amountCents: p.amount_cents }));
    const credit = [...undone.credit, ...restoredCredit];
    checkCredit(ctx, credit);
    const cashBack = -payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountCents, 0);
    requireCashInDrawer(w, session, cashBack);
    ctx.record({ kind: 'order.void', version: 1, order, ...undone, payments, credit });
    return { order: orderView(w, findOrderRow(w, order.receiptNumber), ctx.desk.language), original: orderView(w, original, ctx.desk.language), cashBackCents: cashBack };
  }, { roles: ROLES.desk });
}

/** A card payment given back: the refund's approval, on the card the sale was paid with unless the terminal says otherwise. */
function cardRefund(approval: CardApproval, original: PaymentTable): Partial<PaymentDraft> {
  return { ...cardFields(approval), cardBrand: approval.brand ?? original.card_brand, cardLast4: approval.last4 ?? original.card_last4 };
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
      const { r: w } = ctx;
      const original = correctableSale(ctx, values.receiptNumber);
      refusedIfVoided(ctx, original, false);
      const lines = w.all(w.qb.selectFrom('order_line').selectAll().where('order_id', '=', original.id).orderBy('position'));
      const refundable = new Set(refundableLines(w, original));
      const chosen = [...new Set(values.linePositions)].map((position) => {
        const line = lines.find((l) => l.position === position);
        if (!line || !refundable.has(position)) {
          throw new ComptoirError('LINE_NOT_REFUNDABLE', { position, receipt: original.receipt_number });
        }
        return line;
      });
      const amount = chosen.reduce((sum, l) => sum + l.amount_cents, 0);
      const method = values.method;
      const paidBack = method.method === 'cash' ? roundCashToNickel(amount) : amount;
      if (method.method === 'credit' && !original.member_id) throw new ComptoirError('MEMBER_REQUIRED');
      const session = requireOpenSession(w, desk.id);
      if (method.method === 'cash') requireCashInDrawer(w, session, paidBack);
      const order = correctionOrder(ctx, session, original, -paidBack, values.reason);
      const rounding = paidBack === amount ? [] : [{ id: ctx.newId(), kind: 'rounding' as const, memberId: null, activityId: null, amountCents: amount - paidBack, originalLineId: null }];
      const undone = reversal(ctx, chosen, rounding);
      const payment = paymentDraft(method.method, -paidBack);
      if (method.method === 'cheque') Object.assign(payment, { chequeNumber: method.chequeNumber, chequeBank: method.bank });
      if (method.method === 'card') Object.assign(payment, cardFields(method.approval));
      const toCredit = method.method === 'credit' ? [{ id: ctx.newId(), memberId: original.member_id!, amountCents: paidBack }] : [];
      const credit = [...undone.credit, ...toCredit];
      checkCredit(ctx, credit);
      ctx.record({ kind: 'order.refund', version: 1, order, ...undone, payments: numbered(ctx, [payment]), credit });
      return {
        order: orderView(w, findOrderRow(w, order.receiptNumber), ctx.desk.language),
        original: orderView(w, original, ctx.desk.language),
        cashBackCents: method.method === 'cash' ? paidBack : 0,
      };
    },
    { roles: ROLES.treasury },
  );
}
