import type { ClubSettings } from './club-settings.js';
import { roundCashToNickel, type Cents } from './money.js';
import { settlePayments, type PaymentInput } from './payments.js';
import type { LineKind } from './words.js';

/**
 * What a cart costs, the same on every desk, at the kiosk and on the member platform: a line's
 * price, and what the payments so far leave to pay (Canada's rounding applies to the cash part).
 */

/** A line's price: the club's membership price, the activity's price, or the amount given (a donation, credit). */
export function linePrice(
  kind: Exclude<LineKind, 'rounding'>,
  context: { settings: ClubSettings; activityPriceCents?: Cents; amountCents?: Cents },
): Cents {
  switch (kind) {
    case 'membership':
      return context.settings.membershipPriceCents;
    case 'activity':
      return context.activityPriceCents ?? 0;
    case 'donation':
    case 'credit':
      return context.amountCents ?? 0;
  }
}

export interface CartBalance {
  totalCents: Cents;
  /** Settled by cheques, cards and credit so far. */
  exactPaidCents: Cents;
  /** What is left to pay; in cash it rounds to `cashDueCents`. */
  remainingCents: Cents;
  cashDueCents: Cents;
  roundingCents: Cents;
  /** Change for the cash tendered, when a cash payment is in the cart and covers what is due. */
  changeCents: Cents | null;
}

/** What the payments entered so far leave to pay on a total, and the change for the cash tendered. */
export function cartBalance(totalCents: Cents, payments: PaymentInput[]): CartBalance {
  const exactPaidCents = payments.reduce((sum, p) => (p.method === 'cash' ? sum : sum + p.amountCents), 0);
  const remainingCents = totalCents - exactPaidCents;
  const cashDueCents = remainingCents > 0 ? roundCashToNickel(remainingCents) : 0;
  const cash = payments.find((p) => p.method === 'cash');
  const covered = cash !== undefined && cash.tenderedCents >= cashDueCents && cashDueCents > 0;
  return {
    totalCents,
    exactPaidCents,
    remainingCents,
    cashDueCents,
    roundingCents: cashDueCents > 0 ? cashDueCents - remainingCents : 0,
    changeCents: covered ? settlePayments(totalCents, payments).changeCents : null,
  };
}
