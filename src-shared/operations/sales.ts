import { z } from 'zod';
import { cents, creditFacts, id, language, orderFacts, orderLineFacts, paymentFacts, saleLineFacts } from './fields.js';

/** The membership period a line paid for. */
const periodFacts = z.object({ id, memberId: id, orderLineId: id, startsOn: z.string(), endsOn: z.string() }).strict();
/** A place an activity line paid for: a new registration, or the member's waitlisted or unpaid one. */
const paidRegistration = z.object({ id, activityId: id, memberId: id, orderLineId: id }).strict();

/** A sale as Comptoir wrote it until prices could be changed at the desk (read through PAST_VERSIONS). */
export const orderSaleV1 = z
  .object({
    kind: z.literal('order.sale'),
    version: z.literal(1),
    order: orderFacts,
    lines: z.array(orderLineFacts).min(1),
    payments: z.array(paymentFacts),
    periods: z.array(periodFacts),
    registrations: z.array(paidRegistration),
    credit: z.array(creditFacts),
  })
  .strict();

/** A sale: the order, its lines (each with the club's price when it was lowered, and why), payments, and what they bought. */
export const orderSaleV2 = orderSaleV1.extend({ version: z.literal(2), lines: z.array(saleLineFacts).min(1) }).strict();

/** A v1 sale read as v2: every line was sold at the club's price. */
export function saleV1AsV2(v1: Record<string, unknown>): Record<string, unknown> {
  const lines = (v1.lines as Record<string, unknown>[]).map((line) => ({ ...line, listPriceCents: null, priceReason: null }));
  return { ...v1, version: 2, lines };
}

const correction = {
  version: z.literal(1),
  order: orderFacts,
  lines: z.array(orderLineFacts).min(1),
  payments: z.array(paymentFacts),
  /** Periods the corrected lines paid for, now void. */
  voidedPeriodIds: z.array(id),
  cancelledRegistrationIds: z.array(id),
  /** Waitlisted members who took the places freed, first in line first. */
  movedUpRegistrationIds: z.array(id),
  credit: z.array(creditFacts),
};

/** A whole sale undone, each payment given back the way it came. */
export const orderVoidV1 = z.object({ kind: z.literal('order.void'), ...correction }).strict();
/** Chosen lines of a sale paid back by one method. */
export const orderRefundV1 = z.object({ kind: z.literal('order.refund'), ...correction }).strict();

/** A card approval the terminal gave, recorded before the sale so a lost cart still leaves it on record. */
export const cardApprovedV1 = z
  .object({
    kind: z.literal('card.approved'),
    version: z.literal(1),
    approvalId: id,
    amountCents: cents,
    reference: z.string(),
    approval: z
      .object({
        terminal: z.string(),
        authCode: z.string(),
        brand: z.string().nullable(),
        last4: z.string().nullable(),
        transactionId: z.string().nullable(),
      })
      .strict(),
  })
  .strict();

/** A receipt to email: the central server sends it (the desk holds no mail secrets). */
export const receiptEmailV1 = z
  .object({ kind: z.literal('receipt.email'), version: z.literal(1), orderId: id, receiptNumber: z.string(), email: z.string(), language })
  .strict();
