import { z } from 'zod';
import { cents, count, lineKindSchema, nullableString, paymentMethodSchema } from '../views.js';

/** A drawer count by denomination, keyed by value in cents ("10000" … "5"). */
export const cashCountViewSchema = z.record(z.string(), count);

export const cashSessionViewSchema = z.object({
  id: z.string(),
  businessDate: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  floatCents: cents,
  floatCount: cashCountViewSchema,
  cashSalesCents: cents,
  cashInCents: cents,
  cashOutCents: cents,
  /** What the drawer should hold: float + cash taken − cash given back + cash in − cash out. */
  expectedCents: cents,
  closedAt: nullableString,
  closedBy: nullableString,
  countedCents: cents.nullable(),
  closingCount: cashCountViewSchema.nullable(),
  differenceCents: cents.nullable(),
  differenceReason: nullableString,
});
export type CashSessionView = z.infer<typeof cashSessionViewSchema>;

/**
 * What was sold and paid, and what was corrected: for the whole day, and again for each drawer
 * (its orders of that day). Money in cents. Corrections (voids, refunds) are orders like the
 * others, with negative amounts, so every total here is net.
 */
const takingsShape = {
  orders: z.object({ sales: count, voids: count, refunds: count, netTotalCents: cents }),
  /** Every method, in this order, even when unused. `count` counts payments (refunds included). */
  byMethod: z.array(z.object({ method: paymentMethodSchema, count, totalCents: cents })),
  /** Every line kind, in this order. `count` is net: a line on a sale +1, on a void or refund −1. */
  byLineKind: z.array(z.object({ kind: lineKindSchema, count, totalCents: cents })),
  /** Activities with a line, by code; `count` is net as above. */
  byActivity: z.array(z.object({ code: z.string(), name: z.string(), count, totalCents: cents })),
  /** Cheques taken whose sale was not voided (a void hands the cheque back): what goes to the bank. */
  cheques: z.object({
    items: z.array(z.object({ receiptNumber: z.string(), chequeNumber: z.string(), bank: z.string(), amountCents: cents })),
    totalCents: cents,
  }),
  /** Net card total, to match against the terminal's batch. */
  card: z.object({ count, totalCents: cents }),
  /** Voids and refunds, by receipt number; `totalCents` is negative, as on the receipt. */
  corrections: z.array(
    z.object({
      kind: z.enum(['void', 'refund']),
      receiptNumber: z.string(),
      originalReceiptNumber: z.string(),
      totalCents: cents,
      reason: nullableString,
      by: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** Lines sold below the club's price, with the volunteer's reason and name: for the treasurer to read. */
  priceChanges: z.array(
    z.object({
      receiptNumber: z.string(),
      kind: lineKindSchema,
      activityName: nullableString,
      listPriceCents: cents,
      amountCents: cents,
      reason: z.string(),
      by: z.string(),
    }),
  ),
};
export const takingsSchema = z.object(takingsShape);
export type Takings = z.infer<typeof takingsSchema>;

/**
 * One drawer: its cash, from the float to the count, over the whole session; and its takings, the
 * same breakdowns as the day's, over its orders of the report's date (a correction counts in the
 * drawer that made it, not in the original sale's).
 */
export const cashSessionReportSchema = z.object({
  id: z.string(),
  deskName: z.string(),
  openedBy: z.string(),
  openedAt: z.string(),
  floatCents: cents,
  /** Cash taken by sales less cash given back by voids and refunds. */
  cashSalesCents: cents,
  cashInCents: cents,
  cashOutCents: cents,
  /** Float + cash sales + cash in − cash out; as recorded at closing once closed. */
  expectedCents: cents,
  countedCents: cents.nullable(),
  /** Counted − expected: over when positive, short when negative; null while open. */
  differenceCents: cents.nullable(),
  differenceReason: nullableString,
  closedBy: nullableString,
  closedAt: nullableString,
  ...takingsShape,
});
export type CashSessionReport = z.infer<typeof cashSessionReportSchema>;

/**
 * The treasurer's day: what came in by each method, what was sold, what goes to the bank, what
 * was corrected, and how each drawer closed, for the whole day (every desk) and drawer by drawer.
 * The drawers' takings add up to the day's: every order is taken in a drawer.
 */
export const dayReportSchema = z.object({
  date: z.string(),
  ...takingsShape,
  /**
   * Drawers opened that business date, and any drawer opened earlier that took an order that
   * day (left open past midnight); by desk name, then opening time.
   */
  cashSessions: z.array(cashSessionReportSchema),
});
export type DayReport = z.infer<typeof dayReportSchema>;
