import { z } from 'zod';
import { businessDate, cents, id, nullableText, storedInteger } from './fields.js';

export const activityCreateV1 = z
  .object({
    kind: z.literal('activity.create'),
    version: z.literal(1),
    activity: z
      .object({
        id,
        code: z.string().min(1),
        name: z.string().min(1),
        season: z.string().min(1),
        leader: nullableText,
        schedule: nullableText,
        place: nullableText,
        priceCents: cents.refine((v) => v >= 0),
        capacity: storedInteger.min(1).nullable(),
        membershipRequired: z.boolean(),
        startsOn: businessDate.nullable(),
        endsOn: businessDate.nullable(),
      })
      .strict(),
  })
  .strict();

/** A registration without a payment: a free activity, a leader's list, or a waitlist place. */
export const registrationCreateV1 = z
  .object({
    kind: z.literal('registration.create'),
    version: z.literal(1),
    registrationId: id,
    activityId: id,
    memberId: id,
    status: z.enum(['registered', 'waitlisted']),
    source: z.enum(['desk', 'online', 'leader']),
  })
  .strict();

/** A registration or waitlist place given up; the first in line may move up. */
export const registrationCancelV1 = z
  .object({ kind: z.literal('registration.cancel'), version: z.literal(1), registrationId: id, movedUpRegistrationId: id.nullable() })
  .strict();
