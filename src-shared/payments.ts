import { z } from 'zod';
import { ComptoirError } from './errors.js';
import { roundCashToNickel, type Cents } from './money.js';
import type { PaymentFacts } from './operations/fields.js';
import { cents, positiveCents, text } from './validation.js';
import type { PaymentMethod } from './words.js';

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

/** A payment before the desk numbers it. */
export type PaymentDraft = Omit<PaymentFacts, 'id' | 'position'>;

export interface SettledPayments {
  payments: PaymentDraft[];
  /** Cash rounding, recorded as its own order line so lines and payments always add up. */
  roundingCents: Cents;
  cashDueCents: Cents;
  changeCents: Cents;
}

/** A payment of `amountCents` by `method`, with nothing else said about it yet. */
export function paymentDraft(method: PaymentMethod, amountCents: Cents): PaymentDraft {
  return {
    method,
    amountCents,
    tenderedCents: null,
    changeCents: null,
    chequeNumber: null,
    chequeBank: null,
    cardBrand: null,
    cardLast4: null,
    cardAuthCode: null,
    cardTerminal: null,
    cardTransactionId: null,
    originalPaymentId: null,
  };
}

/** The card fields of a payment taken or given back through a terminal. */
export function cardFields(approval: CardApproval): Pick<PaymentDraft, 'cardBrand' | 'cardLast4' | 'cardAuthCode' | 'cardTerminal' | 'cardTransactionId'> {
  return {
    cardBrand: approval.brand,
    cardLast4: approval.last4,
    cardAuthCode: approval.authCode,
    cardTerminal: approval.terminal,
    cardTransactionId: approval.transactionId,
  };
}

function exactPayment(p: Exclude<PaymentInput, { method: 'cash' }>): PaymentDraft {
  switch (p.method) {
    case 'cheque':
      return { ...paymentDraft('cheque', p.amountCents), chequeNumber: p.chequeNumber, chequeBank: p.bank };
    case 'card':
      return { ...paymentDraft('card', p.amountCents), ...cardFields(p.approval) };
    case 'credit':
      return paymentDraft('credit', p.amountCents);
  }
}

/**
 * Works out what each payment settles for a total: cheques, cards and credit are exact; cash
 * (one cash payment at most) takes the rest, rounded to the nearest 0.05 $ (Canada's rounding
 * rule), and gives change. The same on every desk and on the server.
 *
 * @throws ONE_CASH_PAYMENT, PAYMENT_MISMATCH, TENDERED_TOO_LOW
 */
export function settlePayments(totalCents: Cents, inputs: PaymentInput[]): SettledPayments {
  const cash = inputs.filter((p) => p.method === 'cash');
  if (cash.length > 1) throw new ComptoirError('ONE_CASH_PAYMENT');
  const exact = inputs.reduce((sum, p) => (p.method === 'cash' ? sum : sum + p.amountCents), 0);
  const rest = totalCents - exact;
  const [cashInput] = cash;
  // Nothing left to pay in cash (a free activity, say): an empty cash line is no payment at all.
  if (cashInput && rest === 0 && (cashInput.amountCents ?? 0) === 0) {
    if (cashInput.tenderedCents > 0) throw new ComptoirError('NOTHING_DUE_IN_CASH', { tenderedCents: cashInput.tenderedCents });
    return settlePayments(totalCents, inputs.filter((p) => p.method !== 'cash'));
  }
  if (!cashInput) {
    if (rest !== 0) throw new ComptoirError('PAYMENT_MISMATCH', { paidCents: exact, dueCents: totalCents });
    return { payments: inputs.map((p) => exactPayment(p as Exclude<PaymentInput, { method: 'cash' }>)), roundingCents: 0, cashDueCents: 0, changeCents: 0 };
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
      p.method === 'cash' ? { ...paymentDraft('cash', cashDue), tenderedCents: p.tenderedCents, changeCents } : exactPayment(p),
    ),
    roundingCents: cashDue - rest,
    cashDueCents: cashDue,
    changeCents,
  };
}
