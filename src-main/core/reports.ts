import { z } from 'zod';
import type { LineKind, OrderKind, PaymentMethod } from '../db/schema.js';
import type { Desk } from './desk.js';
import { isoDate, parseInput } from './validation.js';

/**
 * The treasurer's day: what came in by each method, what was sold, what goes to the bank, what
 * was corrected, and how each drawer closed. Money in cents. Corrections (voids, refunds) are
 * orders of the day like the others, with negative amounts, so every total here is net.
 */
export interface DayReport {
  date: string;
  orders: { sales: number; voids: number; refunds: number; netTotalCents: number };
  /** Every method, in this order, even when unused. `count` counts payments (refunds included). */
  byMethod: { method: PaymentMethod; count: number; totalCents: number }[];
  /** Every line kind, in this order. `count` is net: a line on a sale +1, on a void or refund −1. */
  byLineKind: { kind: LineKind; count: number; totalCents: number }[];
  /** Activities with a line that day, by code; `count` is net as above. */
  byActivity: { code: string; name: string; count: number; totalCents: number }[];
  /** Cheques taken that day whose sale was not voided (a void hands the cheque back): what goes to the bank. */
  cheques: { items: { receiptNumber: string; chequeNumber: string; bank: string; amountCents: number }[]; totalCents: number };
  /** Net card total, to match against the terminal's batch. */
  card: { count: number; totalCents: number };
  /** Voids and refunds, by receipt number; `totalCents` is negative, as on the receipt. */
  corrections: {
    kind: Exclude<OrderKind, 'sale'>;
    receiptNumber: string;
    originalReceiptNumber: string;
    totalCents: number;
    reason: string | null;
    by: string;
    createdAt: string;
  }[];
  /** Drawers opened that business date, in opening order. */
  cashSessions: CashSessionReport[];
}

export interface CashSessionReport {
  id: string;
  deskName: string;
  openedBy: string;
  openedAt: string;
  floatCents: number;
  /** Cash taken by sales less cash given back by voids and refunds. */
  cashSalesCents: number;
  cashInCents: number;
  cashOutCents: number;
  /** Float + cash sales + cash in − cash out; as recorded at closing once closed. */
  expectedCents: number;
  countedCents: number | null;
  /** Counted − expected: over when positive, short when negative; null while open. */
  differenceCents: number | null;
  differenceReason: string | null;
  closedBy: string | null;
  closedAt: string | null;
}

const METHODS: readonly PaymentMethod[] = ['cash', 'cheque', 'card', 'credit'];
const LINE_KINDS: readonly LineKind[] = ['membership', 'activity', 'donation', 'credit', 'rounding'];

/** +1 for a sale's line, −1 for a void's or refund's: counts of things sold, net. */
const NET_ONE = "CASE o.kind WHEN 'sale' THEN 1 ELSE -1 END";

/**
 * Builds the day report from a few GROUP BY queries, each starting from the day's orders through
 * the sale_order(business_date) index and reaching lines and payments by their (order_id, …)
 * unique indexes: the cost follows the day's orders, not the whole history. (`+p.method` keeps
 * SQLite from preferring the payment(method) index, which would walk every cheque ever taken.)
 */
export function dayReport(desk: Desk, date: string): DayReport {
  const { date: day } = parseInput(z.object({ date: isoDate }).strict(), { date });
  const r = desk.reader;

  const orders = r.rawGet<{ sales: number | null; voids: number | null; refunds: number | null; net: number | null }>(
    `SELECT sum(kind = 'sale') AS sales, sum(kind = 'void') AS voids, sum(kind = 'refund') AS refunds, sum(total_cents) AS net
     FROM sale_order WHERE business_date = ?`,
    day,
  );

  const methods = r.rawAll<{ method: PaymentMethod; count: number; total: number }>(
    `SELECT p.method, count(*) AS count, sum(p.amount_cents) AS total
     FROM sale_order o JOIN payment p ON p.order_id = o.id WHERE o.business_date = ? GROUP BY p.method`,
    day,
  );
  const byMethod = METHODS.map((method) => {
    const row = methods.find((m) => m.method === method);
    return { method, count: row?.count ?? 0, totalCents: row?.total ?? 0 };
  });

  // One pass over the day's lines serves both the line kinds and the activities.
  const lineGroups = r.rawAll<{ kind: LineKind; code: string | null; name: string | null; count: number; total: number }>(
    `SELECT l.kind, a.code, a.name, sum(${NET_ONE}) AS count, sum(l.amount_cents) AS total
     FROM sale_order o JOIN order_line l ON l.order_id = o.id LEFT JOIN activity a ON a.id = l.activity_id AND l.kind = 'activity'
     WHERE o.business_date = ? GROUP BY l.kind, a.id`,
    day,
  );
  const byLineKind = LINE_KINDS.map((kind) => {
    const rows = lineGroups.filter((g) => g.kind === kind);
    return { kind, count: rows.reduce((n, g) => n + g.count, 0), totalCents: rows.reduce((n, g) => n + g.total, 0) };
  });
  const byActivity = lineGroups
    .filter((g) => g.kind === 'activity' && g.code !== null)
    .map((g) => ({ code: g.code!, name: g.name!, count: g.count, totalCents: g.total }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const chequeItems = r.rawAll<{ receiptNumber: string; chequeNumber: string; bank: string; amountCents: number }>(
    `SELECT o.receipt_number AS receiptNumber, p.cheque_number AS chequeNumber, p.cheque_bank AS bank, p.amount_cents AS amountCents
     FROM sale_order o JOIN payment p ON p.order_id = o.id
     WHERE o.business_date = ? AND +p.method = 'cheque' AND p.amount_cents > 0
       AND NOT EXISTS (SELECT 1 FROM sale_order v WHERE v.original_order_id = p.order_id AND v.kind = 'void')
     ORDER BY o.receipt_number, p.position`,
    day,
  );

  const card = byMethod.find((m) => m.method === 'card')!;

  const corrections = r.rawAll<DayReport['corrections'][number]>(
    `SELECT c.kind, c.receipt_number AS receiptNumber, o.receipt_number AS originalReceiptNumber,
       c.total_cents AS totalCents, c.reason, u.name AS "by", c.created_at AS createdAt
     FROM sale_order c JOIN sale_order o ON o.id = c.original_order_id JOIN app_user u ON u.id = c.created_by
     WHERE c.business_date = ? AND c.kind <> 'sale' ORDER BY c.receipt_number`,
    day,
  );

  return {
    date: day,
    orders: { sales: orders?.sales ?? 0, voids: orders?.voids ?? 0, refunds: orders?.refunds ?? 0, netTotalCents: orders?.net ?? 0 },
    byMethod,
    byLineKind,
    byActivity,
    cheques: { items: chequeItems, totalCents: chequeItems.reduce((sum, c) => sum + c.amountCents, 0) },
    card: { count: card.count, totalCents: card.totalCents },
    corrections,
    cashSessions: cashSessionsOf(desk, day),
  };
}

function cashSessionsOf(desk: Desk, day: string): CashSessionReport[] {
  const rows = desk.reader.rawAll<Omit<CashSessionReport, 'expectedCents'> & { recordedExpected: number | null }>(
    `SELECT s.id, d.name AS deskName, opener.name AS openedBy, s.opened_at AS openedAt, s.float_cents AS floatCents,
       coalesce((SELECT sum(p.amount_cents) FROM sale_order o JOIN payment p ON p.order_id = o.id
                 WHERE o.cash_session_id = s.id AND +p.method = 'cash'), 0) AS cashSalesCents,
       coalesce((SELECT sum(amount_cents) FROM cash_movement WHERE cash_session_id = s.id AND kind = 'in'), 0) AS cashInCents,
       coalesce((SELECT sum(amount_cents) FROM cash_movement WHERE cash_session_id = s.id AND kind = 'out'), 0) AS cashOutCents,
       s.expected_cents AS recordedExpected, s.counted_cents AS countedCents, s.difference_cents AS differenceCents,
       s.difference_reason AS differenceReason, closer.name AS closedBy, s.closed_at AS closedAt
     FROM cash_session s JOIN desk d ON d.id = s.desk_id JOIN app_user opener ON opener.id = s.opened_by
       LEFT JOIN app_user closer ON closer.id = s.closed_by
     WHERE s.business_date = ? ORDER BY s.opened_at, s.id`,
    day,
  );
  return rows.map(({ recordedExpected, ...s }) => ({
    id: s.id,
    deskName: s.deskName,
    openedBy: s.openedBy,
    openedAt: s.openedAt,
    floatCents: s.floatCents,
    cashSalesCents: s.cashSalesCents,
    cashInCents: s.cashInCents,
    cashOutCents: s.cashOutCents,
    // A closed drawer keeps the figure it was closed against; an open one is worked out now.
    expectedCents: recordedExpected ?? s.floatCents + s.cashSalesCents + s.cashInCents - s.cashOutCents,
    countedCents: s.countedCents,
    differenceCents: s.differenceCents,
    differenceReason: s.differenceReason,
    closedBy: s.closedBy,
    closedAt: s.closedAt,
  }));
}
