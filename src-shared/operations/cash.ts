import { z } from 'zod';
import { businessDate, cents, id } from './fields.js';

/** A drawer count by denomination, keyed by value in cents ("10000" … "5"). */
const count = z.record(z.string().regex(/^\d+$/), z.number().int().min(0));

/** The drawer opened with a counted float. */
export const cashSessionOpenV1 = z
  .object({ kind: z.literal('cash_session.open'), version: z.literal(1), sessionId: id, businessDate, floatCount: count })
  .strict();

/** Cash put in or taken out for a reason other than a sale. */
export const cashSessionMovementV1 = z
  .object({
    kind: z.literal('cash_session.movement'),
    version: z.literal(1),
    movementId: id,
    sessionId: id,
    direction: z.enum(['in', 'out']),
    amountCents: cents.refine((v) => v > 0),
    reason: z.string().min(1),
  })
  .strict();

/** The drawer closed with a count against what it should hold. */
export const cashSessionCloseV1 = z
  .object({
    kind: z.literal('cash_session.close'),
    version: z.literal(1),
    sessionId: id,
    closingCount: count,
    expectedCents: cents,
    reason: z.string().nullable(),
  })
  .strict();
