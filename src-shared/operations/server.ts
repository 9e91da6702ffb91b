import { z } from 'zod';
import { businessDate, id } from './fields.js';

/**
 * What the club's server decides when desks that worked offline disagree (docs/SYNC.md,
 * Conflicts). The server writes these on its own hash chain; desks apply them like any pulled
 * entry and never write them themselves.
 */

/**
 * Two desks sold the same member the same period offline: both payments count, so the sale that
 * reached the server last also pays the period after the other's. A period's dates never change
 * once sold (the one it sold stays, overlapping); voiding that sale voids both.
 */
export const periodAddedV1 = z
  .object({ kind: z.literal('period.added'), version: z.literal(1), periodId: id, memberId: id, orderLineId: id, startsOn: businessDate, endsOn: businessDate })
  .strict();

/** Two desks sold an activity's last place offline: this registration, which reached the server last, waits. */
export const registrationWaitlistedV1 = z
  .object({ kind: z.literal('registration.waitlisted'), version: z.literal(1), registrationId: id, activityId: id, memberId: id })
  .strict();

/**
 * Two desks registered the same member to the same activity offline: the registration that
 * reached the server first is kept (as it stood there), the other is cancelled — and flagged for
 * a refund when it was paid. Desks that held the other live put it right.
 */
export const registrationDuplicateV1 = z
  .object({
    kind: z.literal('registration.duplicate'),
    version: z.literal(1),
    keptRegistrationId: id,
    keptStatus: z.enum(['registered', 'waitlisted']),
    cancelledRegistrationId: id,
  })
  .strict();

/** For the treasurer: a likely double payment, a paid place that became a waitlist place, or a paid registration made twice (to refund). */
export const treasurerFlagV1 = z
  .object({
    kind: z.literal('treasurer.flag'),
    version: z.literal(1),
    flagId: id,
    reason: z.enum(['double_renewal', 'over_capacity', 'double_registration']),
    memberId: id,
    orderIds: z.array(id).min(1),
    registrationId: id.nullable(),
  })
  .strict();
