import { z } from 'zod';
import { cents, count, lineKindSchema, memberNumber, nullableString, orderKindSchema, paymentMethodSchema } from '../views.js';

export const orderLineViewSchema = z.object({
  id: z.string(),
  position: count,
  kind: lineKindSchema,
  /** What the line says, in the language asked for (the kind's word, or the activity's name and season). */
  description: z.string(),
  memberNumber: memberNumber.nullable(),
  /** Whom the line is for, « Prénom Nom » (a spouse's renewal names the spouse). */
  memberName: nullableString,
  activityCode: nullableString,
  /** The activity as the club named it, for documents printed in another language. */
  activityName: nullableString,
  activitySeason: nullableString,
  /** When and where the activity meets (« Mardi 13 h 30 », « Salle Jean-Talon »), printed under its line. */
  activitySchedule: nullableString,
  activityPlace: nullableString,
  amountCents: cents,
  originalLineId: nullableString,
  /** The club's price when the volunteer changed it (a discount), and why; null at the club's price. */
  listPriceCents: cents.nullable(),
  priceReason: nullableString,
  /** For a membership line: the period it paid for. */
  period: z.object({ startsOn: z.string(), endsOn: z.string(), voided: z.boolean() }).nullable(),
});
export type OrderLineView = z.infer<typeof orderLineViewSchema>;

export const paymentViewSchema = z.object({
  id: z.string(),
  position: count,
  method: paymentMethodSchema,
  amountCents: cents,
  tenderedCents: cents.nullable(),
  changeCents: cents.nullable(),
  chequeNumber: nullableString,
  bank: nullableString,
  cardBrand: nullableString,
  cardLast4: nullableString,
  cardAuthCode: nullableString,
  originalPaymentId: nullableString,
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

export const orderViewSchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  kind: orderKindSchema,
  /** The receipt a void or refund corrects. */
  originalReceiptNumber: nullableString,
  /** Voids and refunds that point to this order. */
  correctedBy: z.array(z.object({ receiptNumber: z.string(), kind: orderKindSchema })),
  deskName: z.string(),
  cashSessionId: nullableString,
  member: z.object({ number: memberNumber, firstName: z.string(), lastName: z.string() }).nullable(),
  totalCents: cents,
  reason: nullableString,
  businessDate: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lines: z.array(orderLineViewSchema),
  payments: z.array(paymentViewSchema),
});
export type OrderView = z.infer<typeof orderViewSchema>;

/** What a cart costs and what the payments so far leave, before anything is written. */
export const quoteViewSchema = z.object({
  lines: z.array(
    orderLineViewSchema
      .pick({ position: true, kind: true, description: true, memberNumber: true, memberName: true, activityCode: true, amountCents: true, listPriceCents: true, priceReason: true })
      .extend({
      activityFull: z.boolean(),
      /**
       * What the checkout would refuse about this line, said while the cart is built; with
       * `addMembership` when adding the member's membership to the cart would clear it.
       */
      problem: z.object({ code: z.string(), message: z.string(), addMembership: z.boolean() }).nullable(),
    }),
  ),
  totalCents: cents,
  /** Settled by cheques, cards and credit so far. */
  exactPaidCents: cents,
  /** What is left to pay; in cash it rounds to `cashDueCents`. */
  remainingCents: cents,
  cashDueCents: cents,
  roundingCents: cents,
  /** Change for the cash tendered, when a cash payment is in the quote and covers what is due. */
  changeCents: cents.nullable(),
});
export type CheckoutQuote = z.infer<typeof quoteViewSchema>;

export const checkoutResultSchema = z.object({
  order: orderViewSchema,
  /** Cash handed over, change to give back and the 0.05 $ rounding of the cash part. */
  cash: z.object({ dueCents: cents, tenderedCents: cents, changeCents: cents, roundingCents: cents }).nullable(),
  periods: z.array(z.object({ startsOn: z.string(), endsOn: z.string(), memberNumber })),
  registrations: z.array(z.object({ activityCode: z.string(), memberNumber, status: z.enum(['registered', 'waitlisted']) })),
});
export type CheckoutResult = z.infer<typeof checkoutResultSchema>;

export const correctionResultSchema = z.object({
  order: orderViewSchema,
  original: orderViewSchema,
  cashBackCents: cents,
});
export type CorrectionResult = z.infer<typeof correctionResultSchema>;

export const cardApprovalViewSchema = z.object({
  terminal: z.enum(['standalone', 'stripe']),
  authCode: z.string(),
  brand: z.enum(['visa', 'mastercard', 'amex', 'interac', 'other']).nullable(),
  last4: nullableString,
  transactionId: nullableString,
});
