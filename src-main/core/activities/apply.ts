import type { Writer } from '../../db/sql.js';
import type { OperationHandlers } from '../../../src-shared/operations/index.js';
import type { ApplyContext } from '../ledger/apply.js';

/** Registrations given up (by the member, or by a void or refund of the line that paid them). */
export function cancelRegistrations(w: Writer, ids: readonly string[], at: string): void {
  for (const id of ids) w.rawRun("UPDATE registration SET status = 'cancelled', cancelled_at = ? WHERE id = ?", at, id);
}

/** Waitlisted members who took the places freed. */
export function moveUpRegistrations(w: Writer, ids: readonly string[], at: string): void {
  for (const id of ids) w.rawRun("UPDATE registration SET status = 'registered', registered_at = ? WHERE id = ?", at, id);
}

export const activityHandlers = {
  'activity.create': ({ activity: a }, { w, at, userId }) => {
    w.insert('activity', {
      id: a.id,
      code: a.code,
      name: a.name,
      season: a.season,
      leader: a.leader,
      schedule: a.schedule,
      place: a.place,
      price_cents: a.priceCents,
      capacity: a.capacity,
      membership_required: a.membershipRequired ? 1 : 0,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      created_at: at,
      created_by: userId,
    });
  },
  'registration.create': (op, { w, at, userId }) => {
    const waitlisted = op.status === 'waitlisted';
    w.insert('registration', {
      id: op.registrationId,
      activity_id: op.activityId,
      member_id: op.memberId,
      status: op.status,
      source: op.source,
      order_line_id: null,
      waitlisted_at: waitlisted ? at : null,
      registered_at: waitlisted ? null : at,
      cancelled_at: null,
      created_at: at,
      created_by: userId,
    });
  },
  'registration.cancel': (op, { w, at }) => {
    cancelRegistrations(w, [op.registrationId], at);
    if (op.movedUpRegistrationId) moveUpRegistrations(w, [op.movedUpRegistrationId], at);
  },
  // The server's decision when two offline desks sold the last place: this one waits (its
  // payment is flagged for the treasurer by a treasurer.flag beside it).
  'registration.waitlisted': (op, { w, at }) => {
    w.rawRun("UPDATE registration SET status = 'waitlisted', waitlisted_at = ?, registered_at = NULL WHERE id = ?", at, op.registrationId);
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
