import { z } from 'zod';
import type { PaymentTable } from '../../db/schema.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { roundCashToNickel, type Cents } from '../../../src-shared/money.js';
import { cents, positiveCents, text } from '../../../src-shared/validation.js';
import { commitWrite, type Actor } from '../ledger/write.js';

/**
 * What a card terminal reports for an approved payment. Card data never reaches the disk: only
 * the brand, the last 4 digits, the approval code and the processor's own ids.
 */
export const cardApprovalSchema = z
  .object({
    /** Which terminal adapter took it: "standalone" when the volunteer types the approval code. */
    terminal: z.enum(['standalone', 'stripe']).default('standalone'),
    authCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,12}$/, { message: 'authCode' }),
    brand: z.enum(['visa', 'mastercard', 'amex', 'interac', 'other']).nullish().transform((v) => v ?? null),
    last4: z.string().regex(/^\d{4}$/, { message: 'last4' }).nullish().transform((v) => v ?? null),
    transactionId: z.string().trim().max(100).nullish().transform((v) => v ?? null),
  })
  .strict();
export type CardApproval = z.output<typeof cardApprovalSchema>;

export const paymentInputSchema = z.discriminatedUnion('method', [
  /** Cash settles whatever the other payments leave, rounded to 0.05 $; the member hands over `tenderedCents`. */
  z.object({ method: z.literal('cash'), tenderedCents: cents, amountCents: cents.optional() }).strict(),
  z.object({ method: z.literal('cheque'), amountCents: positiveCents, chequeNumber: text(20), bank: text(80) }).strict(),
  z.object({ method: z.literal('card'), amountCents: positiveCents, approval: cardApprovalSchema }).strict(),
  /** Paid from the member's "Crédit / Coupons". */
  z.object({ method: z.literal('credit'), amountCents: positiveCents }).strict(),
]);
export type PaymentInput = z.output<typeof paymentInputSchema>;

export interface SettledPayments {
  payments: Omit<PaymentTable, 'id' | 'order_id' | 'position'>[];
  /** Cash rounding, recorded as its own order line so lines and payments always add up. */
  roundingCents: Cents;
  cashDueCents: Cents;
  changeCents: Cents;
}

/**
 * Works out what each payment settles for a total: cheques, cards and credit are exact; cash
 * (one cash payment at most) takes the rest, rounded to the nearest 0.05 $, and gives change.
 */
export function settlePayments(totalCents: Cents, inputs: PaymentInput[]): SettledPayments {
  const cash = inputs.filter((p) => p.method === 'cash');
  if (cash.length > 1) throw new ComptoirError('ONE_CASH_PAYMENT');
  const exact = inputs.reduce((sum, p) => (p.method === 'cash' ? sum : sum + p.amountCents), 0);
  const rest = totalCents - exact;
  const [cashInput] = cash;
  if (!cashInput) {
    if (rest !== 0) throw new ComptoirError('PAYMENT_MISMATCH', { paidCents: exact, dueCents: totalCents });
    return { payments: inputs.map(nonCashRow), roundingCents: 0, cashDueCents: 0, changeCents: 0 };
  }
  const cashDue = roundCashToNickel(rest);
  if (rest <= 0 || cashDue <= 0) throw new ComptoirError('PAYMENT_MISMATCH', { paidCents: exact, dueCents: totalCents });
  if (cashInput.amountCents !== undefined && cashInput.amountCents !== cashDue) {
    throw new ComptoirError('PAYMENT_MISMATCH', { paidCents: exact + cashInput.amountCents, dueCents: exact + cashDue });
  }
  if (cashInput.tenderedCents < cashDue) {
    throw new ComptoirError('TENDERED_TOO_LOW', { tenderedCents: cashInput.tenderedCents, dueCents: cashDue });
  }
  const changeCents = cashInput.tenderedCents - cashDue;
  return {
    payments: inputs.map((p) =>
      p.method === 'cash'
        ? { ...emptyPayment('cash', cashDue), tendered_cents: p.tenderedCents, change_cents: changeCents }
        : nonCashRow(p),
    ),
    roundingCents: cashDue - rest,
    cashDueCents: cashDue,
    changeCents,
  };
}

export function emptyPayment(method: PaymentTable['method'], amount: Cents): Omit<PaymentTable, 'id' | 'order_id' | 'position'> {
  return {
    method,
    amount_cents: amount,
    tendered_cents: null,
    change_cents: null,
    cheque_number: null,
    cheque_bank: null,
    card_brand: null,
    card_last4: null,
    card_auth_code: null,
    card_terminal: null,
    card_transaction_id: null,
    original_payment_id: null,
  };
}

function nonCashRow(p: PaymentInput): Omit<PaymentTable, 'id' | 'order_id' | 'position'> {
  switch (p.method) {
    case 'cheque':
      return { ...emptyPayment('cheque', p.amountCents), cheque_number: p.chequeNumber, cheque_bank: p.bank };
    case 'card':
      return {
        ...emptyPayment('card', p.amountCents),
        card_brand: p.approval.brand,
        card_last4: p.approval.last4,
        card_auth_code: p.approval.authCode,
        card_terminal: p.approval.terminal,
        card_transaction_id: p.approval.transactionId,
      };
    case 'credit':
      return emptyPayment('credit', p.amountCents);
    case 'cash':
      throw new Error('cash is settled by settlePayments');
  }
}

/**
 * Records a card approval the moment the terminal gives it, before the sale is written: if the
 * desk then loses the cart (sign-out, crash), the charge is still on record for the treasurer to
 * match against the terminal's batch. The sale's own card payment is written by the checkout.
 */
export function recordCardApproval(
  desk: Desk,
  actor: Actor,
  input: { amountCents: number; reference: string; approval: CardApproval },
): CardApproval {
  return commitWrite(desk, actor, (ctx) => {
    const id = ctx.newId();
    return {
      change: { action: 'card.approved', entityType: 'card_approval', entityId: id, after: { id, at: ctx.at, ...input } },
      result: input.approval,
    };
  });
}
