import { operationOf } from '../src-main/core/ledger/audit.js';
import type { ServerDb } from './db/open.js';

/** What the club's log says of its money: every sale, void and refund the desks pushed. */
export interface ClubMoney {
  /** Orders (sales, voids, refunds). */
  orders: number;
  /** The sum of their totals, in cents (voids and refunds count negative). */
  totalCents: number;
  /** Payments by method, in cents. */
  byMethod: Record<string, number>;
  /** Every receipt number, in the log's order. */
  receiptNumbers: string[];
}

/**
 * The club's money as the server holds it, read from the operations themselves with the shared
 * schemas (the same facts the desks applied): the treasurer's cross-desk figures start here.
 */
export async function clubMoney(sdb: ServerDb, clubId: string): Promise<ClubMoney> {
  const rows = await sdb.db
    .selectFrom('operation')
    .selectAll()
    .where('club_id', '=', clubId)
    .where('action', 'in', ['order.sale', 'order.void', 'order.refund'])
    .orderBy('server_seq')
    .execute();
  const money: ClubMoney = { orders: 0, totalCents: 0, byMethod: {}, receiptNumbers: [] };
  for (const row of rows) {
    // The desk's own reader: typed entries by their schema, Comptoir 0.1's through the upcaster.
    // Orders seal nothing, so no member key is needed.
    const op = operationOf({ ...row, seq: Number(row.desk_seq), redacted_by: null }, () => null);
    if (op.kind !== 'order.sale' && op.kind !== 'order.void' && op.kind !== 'order.refund') continue;
    money.orders += 1;
    money.totalCents += op.order.totalCents;
    money.receiptNumbers.push(op.order.receiptNumber);
    for (const payment of op.payments) money.byMethod[payment.method] = (money.byMethod[payment.method] ?? 0) + payment.amountCents;
  }
  return money;
}
