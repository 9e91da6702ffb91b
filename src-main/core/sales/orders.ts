import { z } from 'zod';
import type { Language, OrderKind, PaymentTable, SaleOrderTable } from '../../db/schema.js';
import { lineLabel } from '../../../src-shared/words.js';
import type { Reader } from '../../db/sql.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { parseInput } from '../../../src-shared/validation.js';
import type { OrderLineView, PaymentView, OrderView } from './views.js';
import { isVoidable, refundableLines } from './correction-rules.js';

export function paymentView(row: PaymentTable): PaymentView {
  return {
    id: row.id,
    position: row.position,
    method: row.method,
    amountCents: row.amount_cents,
    tenderedCents: row.tendered_cents,
    changeCents: row.change_cents,
    chequeNumber: row.cheque_number,
    bank: row.cheque_bank,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    cardAuthCode: row.card_auth_code,
    originalPaymentId: row.original_payment_id,
  };
}

export function findOrderRow(r: Reader, receiptNumber: string): SaleOrderTable {
  const row = r.get(r.qb.selectFrom('sale_order').selectAll().where('receipt_number', '=', receiptNumber.trim().toUpperCase()));
  if (!row) throw new ComptoirError('ORDER_NOT_FOUND', { ref: receiptNumber });
  return row;
}

/** An order as the receipt shows it, its lines' words in `language`. */
export function orderView(r: Reader, order: SaleOrderTable, language: Language): OrderView {
  const extra = r.rawGet<{ desk_name: string; user_name: string; original: string | null }>(
    `SELECT d.name AS desk_name, u.name AS user_name,
       (SELECT receipt_number FROM sale_order WHERE id = ?) AS original
     FROM desk d, app_user u WHERE d.id = ? AND u.id = ?`,
    order.original_order_id,
    order.desk_id,
    order.created_by,
  );
  const member = order.member_id
    ? r.get(r.qb.selectFrom('member').select(['number', 'first_name', 'last_name']).where('id', '=', order.member_id))
    : undefined;
  const lines = r
    .rawAll<Omit<OrderLineView, 'period' | 'description'> & { startsOn: string | null; endsOn: string | null; voidedBy: string | null }>(
      `SELECT l.id, l.position, l.kind, m.number AS memberNumber,
         CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS memberName,
         a.code AS activityCode, a.name AS activityName, a.season AS activitySeason,
         a.schedule AS activitySchedule, a.place AS activityPlace,
         l.amount_cents AS amountCents, l.original_line_id AS originalLineId,
         l.list_price_cents AS listPriceCents, l.price_reason AS priceReason,
         p.starts_on AS startsOn, p.ends_on AS endsOn, p.voided_by_order_id AS voidedBy
       FROM order_line l LEFT JOIN member m ON m.id = l.member_id LEFT JOIN activity a ON a.id = l.activity_id
         LEFT JOIN membership_period p ON p.order_line_id = l.id
       WHERE l.order_id = ? ORDER BY l.position`,
      order.id,
    )
    .map(({ startsOn, endsOn, voidedBy, ...line }) => ({
      ...line,
      description: lineLabel(line, language),
      period: startsOn && endsOn ? { startsOn, endsOn, voided: voidedBy !== null } : null,
    }));
  const payments = r.rawAll<PaymentTable>('SELECT * FROM payment WHERE order_id = ? ORDER BY position', order.id).map(paymentView);
  const correctedBy = r.rawAll<{ receiptNumber: string; kind: OrderKind }>(
    'SELECT receipt_number AS receiptNumber, kind FROM sale_order WHERE original_order_id = ? ORDER BY receipt_seq',
    order.id,
  );
  return {
    id: order.id,
    receiptNumber: order.receipt_number,
    kind: order.kind,
    originalReceiptNumber: extra?.original ?? null,
    correctedBy,
    deskName: extra?.desk_name ?? '',
    cashSessionId: order.cash_session_id,
    member: member ? { number: member.number, firstName: member.first_name, lastName: member.last_name } : null,
    totalCents: order.total_cents,
    reason: order.reason,
    businessDate: order.business_date,
    createdAt: order.created_at,
    createdBy: extra?.user_name ?? '',
    lines,
    payments,
  };
}

/** A receipt as the receipt screen shows it: the order, and whether it can still be voided here. */
export function getOrder(desk: Desk, receiptNumber: unknown): OrderView & { voidable: boolean; refundableLines: number[] } {
  const parsed = parseInput(z.object({ receiptNumber: z.string().trim().min(1).max(30) }), { receiptNumber });
  const row = findOrderRow(desk.reader, parsed.receiptNumber);
  return { ...orderView(desk.reader, row, desk.language), voidable: isVoidable(desk.reader, row, desk.id), refundableLines: refundableLines(desk.reader, row) };
}

/** "Transactions" and "Mes reçus": every order of a member, newest first. */
export function memberOrders(r: Reader, memberId: string, language: Language): OrderView[] {
  const rows = r.rawAll<SaleOrderTable>(
    `SELECT * FROM sale_order WHERE member_id = ?
       OR id IN (SELECT order_id FROM order_line WHERE member_id = ?)
     ORDER BY created_at DESC, receipt_seq DESC`,
    memberId,
    memberId,
  );
  return rows.map((row) => orderView(r, row, language));
}
