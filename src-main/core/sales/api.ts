import { z } from 'zod';
import { positiveCents } from '../../../src-shared/validation.js';
import type { ContractSlice, SliceHandlers } from '../contract.js';
import { ROLES } from '../../../src-shared/roles.js';
import { checkout, checkoutSchema, quoteCheckout, quoteSchema } from './checkout.js';
import { refundOrder, refundSchema, voidOrder, voidSchema } from './corrections.js';
import { getOrder } from './orders.js';
import { recordCardApproval } from './payments.js';
import { emailReceipt, emailReceiptSchema } from './receipts.js';
import { emailsOfOrder, orderEmailSchema } from '../email/views.js';
import { findOrderRow } from './orders.js';
import { cardApprovalViewSchema, checkoutResultSchema, correctionResultSchema, orderViewSchema, quoteViewSchema } from './views.js';

const receiptNumber = z.string().trim().min(1).max(30);

/** The cart and its checkout, card payments, receipts, voids and refunds. */
export const salesContract = {
  'sales.quote': { input: quoteSchema, output: quoteViewSchema, roles: ROLES.desk },
  'sales.checkout': { input: checkoutSchema, output: checkoutResultSchema, roles: ROLES.desk },
  'sales.void': { input: voidSchema, output: correctionResultSchema, roles: ROLES.desk },
  'sales.refund': { input: refundSchema, output: correctionResultSchema, roles: ROLES.treasury },
  'orders.get': { input: z.object({ receiptNumber }).strict(), output: orderViewSchema.extend({ voidable: z.boolean(), /** Positions a refund may still take (correction-rules.ts). */ refundableLines: z.array(z.number().int().min(1)) }), roles: ROLES.desk },
  'receipts.email': { input: emailReceiptSchema, output: z.object({ receiptNumber: z.string(), email: z.string() }), roles: ROLES.desk },
  /** The sale's emails (its receipt, its membership confirmations) and what the server said of each. */
  'receipts.emails': { input: z.object({ receiptNumber }).strict(), output: z.array(orderEmailSchema), roles: ROLES.desk },
  /** Card payment through the desk's terminal port; the approval then goes into the checkout. */
  'payments.card': {
    input: z.object({ amountCents: positiveCents, reference: z.string().min(1).max(40), slip: z.unknown() }).strict(),
    output: cardApprovalViewSchema,
    roles: ROLES.desk,
  },
} satisfies ContractSlice;

export const salesHandlers: SliceHandlers<typeof salesContract> = {
  'sales.quote': (input, { desk }) => quoteCheckout(desk, input),
  'sales.checkout': (input, { desk, actor }) => checkout(desk, actor, input),
  'sales.void': (input, { desk, actor }) => voidOrder(desk, actor, input),
  'sales.refund': (input, { desk, actor }) => refundOrder(desk, actor, input),
  'orders.get': ({ receiptNumber: number }, { desk }) => getOrder(desk, number),
  'receipts.email': (input, { desk, actor }) => emailReceipt(desk, actor, input),
  'receipts.emails': ({ receiptNumber: number }, { desk }) => emailsOfOrder(desk.reader, findOrderRow(desk.reader, number).id),
  'payments.card': async ({ amountCents, reference, slip }, { desk, actor, terminal }) => {
    const approval = await terminal.collect({ amountCents, reference }, slip);
    return recordCardApproval(desk, actor, { amountCents, reference, approval });
  },
};
