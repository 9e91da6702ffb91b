import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { MAX_ORDER_CENTS } from '../money.js';

/**
 * The building blocks of operations. Operations are facts the desk decided, in the club's
 * terms (camelCase, cents, business dates), never a copy of a table's rows: the server replays
 * them on its own tables, and the desk replays them to prove its tables.
 */
export const id = z.string().min(1).max(64);
/** An amount in cents, signed: an order's total or a line, within what the desk lets anyone type. */
export const cents = z.number().int().min(-MAX_ORDER_CENTS).max(MAX_ORDER_CENTS);
export const businessDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');
/** An ISO-8601 instant in UTC, as the desk's clock gave it. */
export const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/).refine((at) => !Number.isNaN(Date.parse(at)));
/** A count the central server keeps in PostgreSQL's `integer` (a capacity, a member number): 2,147,483,647 at most. */
export const storedInteger = z.number().int().max(2_147_483_647);
export const nullableText = z.string().nullable();
export const language = z.enum(['fr', 'en']);
export const paymentMethod = z.enum(['cash', 'cheque', 'card', 'credit']);
export const lineKind = z.enum(['membership', 'activity', 'donation', 'credit', 'rounding']);
export const role = z.enum(['volunteer', 'leader', 'treasurer', 'admin']);

/** An order's header; its kind (sale, void, refund) is the operation's. */
export const orderFacts = z
  .object({
    id,
    receiptNumber: z.string().min(1),
    /** The desk's receipt counter: gap-free per desk. */
    receiptSeq: z.number().int().min(1),
    cashSessionId: id.nullable(),
    memberId: id.nullable(),
    totalCents: cents,
    businessDate,
    /** The sale a void or refund corrects; null for a sale. */
    originalOrderId: id.nullable(),
    reason: nullableText,
  })
  .strict();

/** A line's kind and parameters: the words come from the kind (and the activity), in the reader's language. */
export const orderLineFacts = z
  .object({
    id,
    position: z.number().int().min(1),
    kind: lineKind,
    memberId: id.nullable(),
    activityId: id.nullable(),
    amountCents: cents,
    /** The line a void or refund takes back. */
    originalLineId: id.nullable(),
  })
  .strict();

/**
 * A sale's line since order.sale v2: also the club's price when the volunteer lowered it, and
 * why (both null at the club's price).
 */
export const saleLineFacts = orderLineFacts.extend({ listPriceCents: cents.nullable(), priceReason: z.string().nullable() }).strict();

/** A payment: card data never goes beyond the brand, the last 4 digits and the processor's ids. */
export const paymentFacts = z
  .object({
    id,
    position: z.number().int().min(1),
    method: paymentMethod,
    amountCents: cents,
    tenderedCents: cents.nullable(),
    changeCents: cents.nullable(),
    chequeNumber: nullableText,
    chequeBank: nullableText,
    cardBrand: nullableText,
    cardLast4: z.string().regex(/^\d{4}$/).nullable(),
    cardAuthCode: nullableText,
    cardTerminal: nullableText,
    cardTransactionId: nullableText,
    /** The payment a void or refund gives back. */
    originalPaymentId: id.nullable(),
  })
  .strict();
export type PaymentFacts = z.infer<typeof paymentFacts>;

export const creditFacts = z.object({ id, memberId: id, amountCents: cents }).strict();

/** A household and everyone in it after the write (joining one may move the other member in too). */
export const householdFacts = z.object({ id, name: z.string().min(1), memberIds: z.array(id) }).strict();
