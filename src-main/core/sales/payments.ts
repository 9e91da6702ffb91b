import { z } from 'zod';
import { cardApprovalSchema, type CardApproval } from '../../../src-shared/payments.js';
import { parseInput, positiveCents, text } from '../../../src-shared/validation.js';
import type { Desk } from '../desk/desk.js';
import { ROLES } from '../../../src-shared/roles.js';
import { commitWrite, type Actor } from '../ledger/write.js';

const cardApprovalInputSchema = z.object({ amountCents: positiveCents, reference: text(40), approval: cardApprovalSchema }).strict();

/**
 * Records a card approval the moment the terminal gives it, before the sale is written: if the
 * desk then loses the cart (sign-out, crash), the charge is still on record for the treasurer to
 * match against the terminal's batch. The sale's own card payment is written by the checkout.
 */
export function recordCardApproval(
  desk: Desk,
  actor: Actor,
  input: { amountCents: number; reference: string; approval: z.input<typeof cardApprovalSchema> },
): CardApproval {
  const { amountCents, reference, approval } = parseInput(cardApprovalInputSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    ctx.record({ kind: 'card.approved', version: 1, approvalId: ctx.newId(), amountCents, reference, approval });
    return approval;
  }, { roles: ROLES.desk });
}
