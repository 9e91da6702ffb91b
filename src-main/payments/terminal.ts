import type { CardApproval } from '../../src-shared/payments.js';

/** What the desk asks a card terminal to do. */
export interface CardRequest {
  amountCents: number;
  /** Shown on the terminal and kept with the approval: the receipt number to be. */
  reference: string;
  /** A refund gives money back to the card; otherwise the card is charged. */
  refund?: boolean;
}

/**
 * The payment terminal port. Each adapter drives one kind of terminal and answers with an
 * approval — brand, last 4 digits, approval code, the processor's ids — never card data.
 * The approval then travels in the checkout's card payment; the sale is written only after.
 */
export interface CardTerminal {
  readonly kind: CardApproval['terminal'];
  collect(request: CardRequest, entry?: unknown): Promise<CardApproval>;
}
