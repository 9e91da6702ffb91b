import { z } from 'zod';
import type { LineKind, PaymentMethod } from '../../db/schema.js';
import type { Desk } from '../desk/desk.js';
import { isoDate, parseInput } from '../../../src-shared/validation.js';
import type { Takings, DayReport, CashSessionReport } from './views.js';

const METHODS: readonly PaymentMethod[] = ['cash', 'cheque', 'card', 'credit'];
const LINE_KINDS: readonly LineKind[] = ['membership', 'activity', 'donation', 'credit', 'rounding'];

/** +1 for a sale's line, −1 for a void's or refund's: counts of things sold, net. */
const NET_ONE = "CASE o.kind WHEN 'sale' THEN 1 ELSE -1 END";

/** Every grouped row says which drawer took it (null for an order outside any drawer). */
interface BySession {
  session: string | null;
}
type OrderGroup = BySession & { sales: number; voids: number; refunds: number; net: number };
type MethodGroup = BySession & { method: PaymentMethod; count: number; total: number };
type PaymentGroup = MethodGroup & { receiptNumber: string; position: number; chequeNumber: string | null; bank: string | null; deposit: 0 | 1 | null };
type LineGroup = BySession & { kind: LineKind; code: string | null; name: string | null; count: number; total: number };
type ChequeRow = BySession & Takings['cheques']['items'][number];
type CorrectionRow = BySession & Takings['corrections'][number];
type PriceChangeRow = BySession & Takings['priceChanges'][number];

/**
 * Builds the day report from one GROUP BY query per breakdown for the whole day, each grouped by
 * drawer as well: the day's totals and each drawer's are sums of the same rows, so they always
 * agree (an order outside any drawer, which the desk never makes, would count in the day's
 * only). The cost does not grow with the number of drawers. Each query starts
 * from the day's orders through the sale_order(business_date) index and reaches lines and
 * payments by their (order_id, …) unique indexes: the cost follows the day's orders, not the
 * whole history. (`+p.method` keeps SQLite from preferring the payment(method) index, which
 * would walk every cheque ever taken.)
 */
export function dayReport(desk: Desk, date: string): DayReport {
  const { date: day } = parseInput(z.object({ date: isoDate }).strict(), { date });
  const r = desk.reader;

  const orders = r.rawAll<OrderGroup>(
    `SELECT cash_session_id AS session, sum(kind = 'sale') AS sales, sum(kind = 'void') AS voids, sum(kind = 'refund') AS refunds,
       sum(total_cents) AS net
     FROM sale_order WHERE business_date = ? GROUP BY cash_session_id`,
    day,
  );

  // One pass over the day's payments serves both the methods and the cheques: a cheque is a group
  // of its own (its payment id), so it comes back with its number, bank and receipt; the other
  // methods come back one row per drawer. `deposit` is only meaningful on a cheque's row.
  const payments = r.rawAll<PaymentGroup>(
    `SELECT o.cash_session_id AS session, p.method, count(*) AS count, sum(p.amount_cents) AS total,
       o.receipt_number AS receiptNumber, p.position, p.cheque_number AS chequeNumber, p.cheque_bank AS bank,
       CASE WHEN +p.method = 'cheque' THEN p.amount_cents > 0
         AND NOT EXISTS (SELECT 1 FROM sale_order v WHERE v.original_order_id = p.order_id AND v.kind = 'void') END AS deposit
     FROM sale_order o JOIN payment p ON p.order_id = o.id WHERE o.business_date = ?
     GROUP BY o.cash_session_id, p.method, CASE WHEN +p.method = 'cheque' THEN p.id END
     ORDER BY receiptNumber, p.position`,
    day,
  );
  const cheques: ChequeRow[] = payments
    .filter((p) => p.method === 'cheque' && p.deposit === 1)
    .map((p) => ({ session: p.session, receiptNumber: p.receiptNumber, chequeNumber: p.chequeNumber!, bank: p.bank!, amountCents: p.total }));

  // One pass over the day's lines serves both the line kinds and the activities.
  const lines = r.rawAll<LineGroup>(
    `SELECT o.cash_session_id AS session, l.kind, a.code, a.name, sum(${NET_ONE}) AS count, sum(l.amount_cents) AS total
     FROM sale_order o JOIN order_line l ON l.order_id = o.id LEFT JOIN activity a ON a.id = l.activity_id AND l.kind = 'activity'
     WHERE o.business_date = ? GROUP BY o.cash_session_id, l.kind, a.id`,
    day,
  );

  const corrections = r.rawAll<CorrectionRow>(
    `SELECT c.cash_session_id AS session, c.kind, c.receipt_number AS receiptNumber, o.receipt_number AS originalReceiptNumber,
       c.total_cents AS totalCents, c.reason, u.name AS "by", c.created_at AS createdAt
     FROM sale_order c JOIN sale_order o ON o.id = c.original_order_id JOIN app_user u ON u.id = c.created_by
     WHERE c.business_date = ? AND c.kind <> 'sale' ORDER BY c.receipt_number`,
    day,
  );

  const priceChanges = r.rawAll<PriceChangeRow>(
    `SELECT o.cash_session_id AS session, o.receipt_number AS receiptNumber, l.kind, a.name AS activityName,
       l.list_price_cents AS listPriceCents, l.amount_cents AS amountCents, l.price_reason AS reason, u.name AS "by"
     FROM sale_order o JOIN order_line l ON l.order_id = o.id JOIN app_user u ON u.id = o.created_by
       LEFT JOIN activity a ON a.id = l.activity_id
     WHERE o.business_date = ? AND l.list_price_cents IS NOT NULL ORDER BY o.receipt_number, l.position`,
    day,
  );

  const all = { orders, methods: payments, lines, cheques, corrections, priceChanges };
  const ofSession = (id: string) => {
    const mine = <T extends BySession>(rows: T[]) => rows.filter((row) => row.session === id);
    return takings({
      orders: mine(orders),
      methods: mine(payments),
      lines: mine(lines),
      cheques: mine(cheques),
      corrections: mine(corrections),
      priceChanges: mine(priceChanges),
    });
  };
  const tookOrders = [...new Set(orders.map((o) => o.session))].filter((id): id is string => id !== null);
  return {
    date: day,
    ...takings(all),
    cashSessions: cashSessionsOf(desk, day, tookOrders).map((s) => ({ ...s, ...ofSession(s.id) })),
  };
}

/** The breakdowns of some grouped rows: all of the day's, or one drawer's. */
function takings(rows: {
  orders: OrderGroup[];
  methods: MethodGroup[];
  lines: LineGroup[];
  cheques: ChequeRow[];
  corrections: CorrectionRow[];
  priceChanges: PriceChangeRow[];
}): Takings {
  const sum = <T>(items: T[], value: (item: T) => number) => items.reduce((n, item) => n + value(item), 0);

  const byMethod = METHODS.map((method) => {
    const mine = rows.methods.filter((m) => m.method === method);
    return { method, count: sum(mine, (m) => m.count), totalCents: sum(mine, (m) => m.total) };
  });
  const byLineKind = LINE_KINDS.map((kind) => {
    const mine = rows.lines.filter((g) => g.kind === kind);
    return { kind, count: sum(mine, (g) => g.count), totalCents: sum(mine, (g) => g.total) };
  });
  const activities = new Map<string, Takings['byActivity'][number]>();
  for (const g of rows.lines) {
    if (g.kind !== 'activity' || g.code === null) continue;
    const seen = activities.get(g.code);
    if (seen) {
      seen.count += g.count;
      seen.totalCents += g.total;
    } else activities.set(g.code, { code: g.code, name: g.name!, count: g.count, totalCents: g.total });
  }
  const byActivity = [...activities.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const card = byMethod.find((m) => m.method === 'card')!;

  return {
    orders: {
      sales: sum(rows.orders, (o) => o.sales),
      voids: sum(rows.orders, (o) => o.voids),
      refunds: sum(rows.orders, (o) => o.refunds),
      netTotalCents: sum(rows.orders, (o) => o.net),
    },
    byMethod,
    byLineKind,
    byActivity,
    cheques: { items: rows.cheques.map(({ session: _, ...c }) => c), totalCents: sum(rows.cheques, (c) => c.amountCents) },
    card: { count: card.count, totalCents: card.totalCents },
    corrections: rows.corrections.map(({ session: _, ...c }) => c),
    priceChanges: rows.priceChanges.map(({ session: _, ...c }) => c),
  };
}

const DESK_ORDER = new Intl.Collator('fr-CA');

/** The drawers opened that day and those (opened earlier) in `tookOrders`; by desk, then opening time. */
function cashSessionsOf(desk: Desk, day: string, tookOrders: string[]): Omit<CashSessionReport, keyof Takings>[] {
  const rows = desk.reader.rawAll<Omit<CashSessionReport, keyof Takings | 'expectedCents'> & { deskId: string; recordedExpected: number | null }>(
    `SELECT s.id, s.desk_id AS deskId, d.name AS deskName, opener.name AS openedBy, s.opened_at AS openedAt, s.float_cents AS floatCents,
       coalesce((SELECT sum(p.amount_cents) FROM sale_order o JOIN payment p ON p.order_id = o.id
                 WHERE o.cash_session_id = s.id AND +p.method = 'cash'), 0) AS cashSalesCents,
       coalesce((SELECT sum(amount_cents) FROM cash_movement WHERE cash_session_id = s.id AND kind = 'in'), 0) AS cashInCents,
       coalesce((SELECT sum(amount_cents) FROM cash_movement WHERE cash_session_id = s.id AND kind = 'out'), 0) AS cashOutCents,
       s.expected_cents AS recordedExpected, s.counted_cents AS countedCents, s.difference_cents AS differenceCents,
       s.difference_reason AS differenceReason, closer.name AS closedBy, s.closed_at AS closedAt
     FROM cash_session s JOIN desk d ON d.id = s.desk_id JOIN app_user opener ON opener.id = s.opened_by
       LEFT JOIN app_user closer ON closer.id = s.closed_by
     WHERE s.business_date = ? OR s.id IN (SELECT value FROM json_each(?))`,
    day,
    JSON.stringify(tookOrders),
  );
  rows.sort(
    (a, b) =>
      DESK_ORDER.compare(a.deskName, b.deskName) ||
      compare(a.deskId, b.deskId) ||
      compare(a.openedAt, b.openedAt) ||
      compare(a.id, b.id),
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
