import { z } from 'zod';
import { cardApprovalSchema, type CardApproval } from '../../src-shared/payments.js';
import { parseInput, positiveCents } from '../../src-shared/validation.js';
import type { CardRequest, CardTerminal } from './terminal.js';

/** What the volunteer copies from the terminal's slip once it shows "APPROUVÉE". */
const slipSchema = cardApprovalSchema.omit({ terminal: true, transactionId: true });

/**
 * A terminal that is not connected to the desk: the volunteer keys the amount on it, the member
 * taps or inserts the card, and the volunteer types the approval code it prints. Nothing is
 * collected here; the adapter only checks and records what was typed.
 */
export class StandaloneTerminal implements CardTerminal {
  readonly kind = 'standalone' as const;

  async collect(request: CardRequest, entry?: unknown): Promise<CardApproval> {
    parseInput(z.object({ amountCents: positiveCents, reference: z.string().min(1) }).passthrough(), request);
    const slip = parseInput(slipSchema, entry ?? {});
    return { terminal: 'standalone', transactionId: null, ...slip };
  }
}
