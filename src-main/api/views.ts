import { z } from 'zod';

/**
 * What the core hands the UI, as schemas: the contract checks every answer against them before it
 * leaves the main process, and the renderer's types are inferred from them.
 */

const nullableString = z.string().nullable();
const cents = z.number().int();

export const membershipStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('active'), expiresOn: z.string(), daysLeft: z.number().int() }),
  z.object({ kind: z.literal('grace'), expiresOn: z.string(), daysSince: z.number().int(), graceEndsOn: z.string() }),
  z.object({ kind: z.literal('expired'), expiresOn: z.string(), daysSince: z.number().int() }),
  z.object({ kind: z.literal('never') }),
]);

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['volunteer', 'treasurer', 'admin']),
  active: z.boolean(),
  lockedUntil: nullableString,
});

export const householdSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.object({ number: z.number().int(), firstName: z.string(), lastName: z.string() })),
});

export const memberViewSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: nullableString,
  email: nullableString,
  phone: nullableString,
  address: nullableString,
  city: nullableString,
  postalCode: nullableString,
  language: z.enum(['fr', 'en']),
  notes: nullableString,
  createdAt: z.string(),
  expiresOn: nullableString,
  status: membershipStatusSchema,
  statusLabel: z.string(),
  creditCents: cents,
  household: householdSchema.nullable(),
});

/** A search result: the member's identity and status, with the household's name. */
export const searchResultSchema = memberViewSchema
  .pick({ id: true, number: true, firstName: true, lastName: true, email: true, phone: true, expiresOn: true, status: true, statusLabel: true })
  .extend({ household: nullableString });

export const searchPageSchema = z.object({
  query: z.string(),
  results: z.array(searchResultSchema),
  offset: z.number().int(),
  hasMore: z.boolean(),
});

export const duplicateCandidateSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: nullableString,
  email: nullableString,
  phone: nullableString,
  postalCode: nullableString,
  reasons: z.array(z.enum(['same_name', 'similar_name', 'birth_date', 'phone', 'email', 'postal_code'])),
});

export const orderKindSchema = z.enum(['sale', 'void', 'refund']);
export const lineKindSchema = z.enum(['membership', 'activity', 'donation', 'credit', 'rounding']);
export const paymentMethodSchema = z.enum(['cash', 'cheque', 'card', 'credit']);

export const orderViewSchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  kind: orderKindSchema,
  originalReceiptNumber: nullableString,
  correctedBy: z.array(z.object({ receiptNumber: z.string(), kind: orderKindSchema })),
  deskName: z.string(),
  cashSessionId: nullableString,
  member: z.object({ number: z.number().int(), firstName: z.string(), lastName: z.string() }).nullable(),
  totalCents: cents,
  reason: nullableString,
  businessDate: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lines: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      kind: lineKindSchema,
      description: z.string(),
      memberNumber: z.number().int().nullable(),
      activityCode: nullableString,
      amountCents: cents,
      originalLineId: nullableString,
      period: z.object({ startsOn: z.string(), endsOn: z.string(), voided: z.boolean() }).nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
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
    }),
  ),
});

export const registrationViewSchema = z.object({
  id: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  memberNumber: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(['registered', 'waitlisted', 'cancelled']),
  source: z.enum(['desk', 'online', 'leader']),
  paid: z.boolean(),
  waitlistPosition: z.number().int().nullable(),
  createdAt: z.string(),
});

export const memberProfileSchema = z.object({
  member: memberViewSchema,
  orders: z.array(orderViewSchema),
  registrations: z.array(registrationViewSchema),
});

export const activityViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  season: z.string(),
  leader: nullableString,
  schedule: nullableString,
  place: nullableString,
  priceCents: cents,
  capacity: z.number().int().nullable(),
  membershipRequired: z.boolean(),
  startsOn: nullableString,
  endsOn: nullableString,
  registeredCount: z.number().int(),
  waitlistCount: z.number().int(),
  placesLeft: z.number().int().nullable(),
});

export const rosterSchema = z.object({
  activity: activityViewSchema,
  registered: z.array(registrationViewSchema),
  waitlist: z.array(registrationViewSchema),
});

const cashCountViewSchema = z.record(z.string(), z.number().int());

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
  expectedCents: cents,
  closedAt: nullableString,
  closedBy: nullableString,
  countedCents: cents.nullable(),
  closingCount: cashCountViewSchema.nullable(),
  differenceCents: cents.nullable(),
  differenceReason: nullableString,
});

export const quoteViewSchema = z.object({
  lines: z.array(
    z.object({
      position: z.number().int(),
      kind: lineKindSchema,
      description: z.string(),
      memberNumber: z.number().int().nullable(),
      activityCode: nullableString,
      amountCents: cents,
      activityFull: z.boolean(),
    }),
  ),
  totalCents: cents,
  exactPaidCents: cents,
  remainingCents: cents,
  cashDueCents: cents,
  roundingCents: cents,
  changeCents: cents.nullable(),
});

export const checkoutResultSchema = z.object({
  order: orderViewSchema,
  cash: z.object({ dueCents: cents, tenderedCents: cents, changeCents: cents, roundingCents: cents }).nullable(),
  periods: z.array(z.object({ startsOn: z.string(), endsOn: z.string(), memberNumber: z.number().int() })),
  registrations: z.array(z.object({ activityCode: z.string(), memberNumber: z.number().int(), status: z.enum(['registered', 'waitlisted']) })),
});

export const correctionResultSchema = z.object({
  order: orderViewSchema,
  original: orderViewSchema,
  cashBackCents: cents,
});

export const cardApprovalViewSchema = z.object({
  terminal: z.enum(['standalone', 'stripe']),
  authCode: z.string(),
  brand: z.enum(['visa', 'mastercard', 'amex', 'interac', 'other']).nullable(),
  last4: nullableString,
  transactionId: nullableString,
});

/** What was sold, paid and corrected (core/reports.ts's Takings): the day's, and each drawer's. */
const takingsShape = {
  orders: z.object({ sales: z.number().int(), voids: z.number().int(), refunds: z.number().int(), netTotalCents: cents }),
  byMethod: z.array(z.object({ method: paymentMethodSchema, count: z.number().int(), totalCents: cents })),
  byLineKind: z.array(z.object({ kind: lineKindSchema, count: z.number().int(), totalCents: cents })),
  byActivity: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int(), totalCents: cents })),
  cheques: z.object({
    items: z.array(z.object({ receiptNumber: z.string(), chequeNumber: z.string(), bank: z.string(), amountCents: cents })),
    totalCents: cents,
  }),
  card: z.object({ count: z.number().int(), totalCents: cents }),
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
};

export const dayReportSchema = z.object({
  date: z.string(),
  ...takingsShape,
  cashSessions: z.array(
    z.object({
      id: z.string(),
      deskName: z.string(),
      openedBy: z.string(),
      openedAt: z.string(),
      floatCents: cents,
      cashSalesCents: cents,
      cashInCents: cents,
      cashOutCents: cents,
      expectedCents: cents,
      countedCents: cents.nullable(),
      differenceCents: cents.nullable(),
      differenceReason: nullableString,
      closedBy: nullableString,
      closedAt: nullableString,
      ...takingsShape,
    }),
  ),
});

export const deskStateSchema = z.object({
  desk: z.object({ name: z.string(), receiptPrefix: z.string(), clubName: z.string() }),
  language: z.enum(['fr', 'en']),
  user: userSchema.nullable(),
  /** Minutes of inactivity after which the volunteer is signed out. */
  idleMinutes: z.number().int(),
  drawer: cashSessionViewSchema.nullable(),
  lastClosingCount: cashCountViewSchema.nullable(),
  membershipPriceCents: cents,
  today: z.string(),
});
