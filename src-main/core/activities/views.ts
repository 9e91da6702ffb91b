import { z } from 'zod';
import { cents, count, memberNumber, nullableString } from '../views.js';

export const activityViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  season: z.string(),
  leader: nullableString,
  schedule: nullableString,
  place: nullableString,
  priceCents: cents,
  capacity: count.nullable(),
  membershipRequired: z.boolean(),
  startsOn: nullableString,
  endsOn: nullableString,
  registeredCount: count,
  waitlistCount: count,
  /** null when the activity has no limit. */
  placesLeft: count.nullable(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

export const registrationViewSchema = z.object({
  id: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  memberNumber,
  firstName: z.string(),
  lastName: z.string(),
  /** The member's phone, formatted: the leader calls the list, the desk calls whoever moves up. */
  phone: nullableString,
  status: z.enum(['registered', 'waitlisted', 'cancelled']),
  source: z.enum(['desk', 'online', 'leader']),
  /** Sold and not refunded. */
  paid: z.boolean(),
  /**
   * Where its money stands: `paid`, `due` (a place held, not yet paid: a waitlist promotion, a
   * leader's registration), `free` (nothing to pay), `refunded` (its sale line was voided or refunded).
   */
  payment: z.enum(['paid', 'due', 'free', 'refunded']),
  /** The activity's price today, what paying the place costs; cents. */
  priceCents: cents,
  /** The activity's last day (a business date), when it has one: past it, the registration is history. */
  activityEndsOn: nullableString,
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: count.nullable(),
  createdAt: z.string(),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

/** An activity's list: who holds a place, then the waitlist in order. */
export const rosterSchema = z.object({
  activity: activityViewSchema,
  registered: z.array(registrationViewSchema),
  waitlist: z.array(registrationViewSchema),
});
export type Roster = z.infer<typeof rosterSchema>;
