import type { OrderKind, OrderLineTable, PaymentTable } from '../../db/schema.js';
import type { OperationHandlers, OperationOf } from '../../../src-shared/operations/index.js';
import { arrivingStatus, cancelRegistrations, moveUpRegistrations } from '../activities/apply.js';
import type { ApplyContext } from '../ledger/apply.js';
import { refreshExpiry } from '../memberships/periods.js';

type OrderOperation = OperationOf<'order.sale' | 'order.void' | 'order.refund'>;

const ORDER_KINDS: Record<OrderOperation['kind'], OrderKind> = { 'order.sale': 'sale', 'order.void': 'void', 'order.refund': 'refund' };

/** The order, its lines, payments and credit movements; the desk's receipt counter moves past it. */
function insertOrder(op: OrderOperation, ctx: ApplyContext): void {
  const { w, at, userId, deskId } = ctx;
  const { order } = op;
  w.insert('sale_order', {
    id: order.id,
    desk_id: deskId,
    receipt_seq: order.receiptSeq,
    receipt_number: order.receiptNumber,
    kind: ORDER_KINDS[op.kind],
    original_order_id: order.originalOrderId,
    cash_session_id: order.cashSessionId,
    member_id: order.memberId,
    total_cents: order.totalCents,
    reason: order.reason,
    business_date: order.businessDate,
    created_at: at,
    created_by: userId,
  });
  for (const line of op.lines) {
    const row: OrderLineTable = {
      id: line.id,
      order_id: order.id,
      position: line.position,
      kind: line.kind,
      // The words come from the kind (and the activity), in the reader's language.
      description: '',
      member_id: line.memberId,
      activity_id: line.activityId,
      amount_cents: line.amountCents,
      original_line_id: line.originalLineId,
      // Only a sale's lines (order.sale v2) can carry a lowered price.
      list_price_cents: 'listPriceCents' in line ? line.listPriceCents : null,
      price_reason: 'priceReason' in line ? line.priceReason : null,
    };
    w.insert('order_line', row);
  }
  for (const p of op.payments) {
    const row: PaymentTable = {
      id: p.id,
      order_id: order.id,
      position: p.position,
      method: p.method,
      amount_cents: p.amountCents,
      tendered_cents: p.tenderedCents,
      change_cents: p.changeCents,
      cheque_number: p.chequeNumber,
      cheque_bank: p.chequeBank,
      card_brand: p.cardBrand,
      card_last4: p.cardLast4,
      card_auth_code: p.cardAuthCode,
      card_terminal: p.cardTerminal,
      card_transaction_id: p.cardTransactionId,
      original_payment_id: p.originalPaymentId,
    };
    w.insert('payment', row);
  }
  for (const c of op.credit) w.insert('credit_movement', { id: c.id, member_id: c.memberId, order_id: order.id, amount_cents: c.amountCents, created_at: at });
  w.rawRun('UPDATE desk SET next_receipt_seq = ? WHERE id = ? AND next_receipt_seq <= ?', order.receiptSeq + 1, deskId, order.receiptSeq);
}

function correction(op: OperationOf<'order.void' | 'order.refund'>, ctx: ApplyContext): void {
  const { w, at } = ctx;
  insertOrder(op, ctx);
  const members = new Set<string>();
  for (const id of op.voidedPeriodIds) {
    w.rawRun('UPDATE membership_period SET voided_by_order_id = ? WHERE id = ?', op.order.id, id);
    const period = w.rawGet<{ member_id: string }>('SELECT member_id FROM membership_period WHERE id = ?', id);
    if (period) members.add(period.member_id);
  }
  for (const memberId of members) refreshExpiry(w, memberId, at);
  cancelRegistrations(w, op.cancelledRegistrationIds, at);
  moveUpRegistrations(w, op.movedUpRegistrationIds, at);
}

export const saleHandlers = {
  'order.sale': (op, ctx) => {
    const { w, at, userId } = ctx;
    insertOrder(op, ctx);
    for (const p of op.periods) {
      w.insert('membership_period', {
        id: p.id,
        member_id: p.memberId,
        starts_on: p.startsOn,
        ends_on: p.endsOn,
        order_line_id: p.orderLineId,
        voided_by_order_id: null,
        created_at: at,
      });
    }
    for (const memberId of new Set(op.periods.map((p) => p.memberId))) refreshExpiry(w, memberId, at);
    for (const r of op.registrations) {
      // A waitlisted or unpaid registration the line pays for keeps its history; a new one starts
      // now. One cancelled meanwhile at another desk stays cancelled: a cancellation is never
      // undone by what another desk did before it knew (the payment stands, for the treasurer).
      const held = w.rawGet<{ status: string }>('SELECT status FROM registration WHERE id = ?', r.id);
      if (held) {
        if (held.status !== 'cancelled') {
          w.rawRun("UPDATE registration SET status = 'registered', order_line_id = ?, registered_at = coalesce(registered_at, ?) WHERE id = ?", r.orderLineId, at, r.id);
        }
        continue;
      }
      const status = arrivingStatus(ctx, r.activityId, r.memberId, r.id, 'registered');
      w.insert('registration', {
        id: r.id,
        activity_id: r.activityId,
        member_id: r.memberId,
        status,
        source: 'desk',
        order_line_id: r.orderLineId,
        waitlisted_at: null,
        registered_at: at,
        cancelled_at: null,
        created_at: at,
        created_by: userId,
      });
    }
  },
  'order.void': correction,
  'order.refund': correction,
  // Nothing to change on the desk: the approval lives in the log itself (the treasurer's
  // reconciliation reads it).
  'card.approved': () => {},
  // The server's decision when two offline desks sold the same period: both payments count.
  'period.added': (op, { w, at }) => {
    w.insert('membership_period', {
      id: op.periodId,
      member_id: op.memberId,
      starts_on: op.startsOn,
      ends_on: op.endsOn,
      order_line_id: op.orderLineId,
      voided_by_order_id: null,
      created_at: at,
    });
    refreshExpiry(w, op.memberId, at);
  },
  'treasurer.flag': (op, { w, at }) => {
    w.insert('treasurer_flag', {
      id: op.flagId,
      reason: op.reason,
      member_id: op.memberId,
      order_ids: JSON.stringify(op.orderIds),
      registration_id: op.registrationId,
      created_at: at,
    });
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
