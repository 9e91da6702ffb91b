import type { Writer } from '../../db/sql.js';
import type { OperationHandlers } from '../../../src-shared/operations/index.js';
import type { ApplyContext } from '../ledger/apply.js';

/** Registrations given up (by the member, or by a void or refund of the line that paid them). */
export function cancelRegistrations(w: Writer, ids: readonly string[], at: string): void {
  for (const id of ids) w.rawRun("UPDATE registration SET status = 'cancelled', cancelled_at = ? WHERE id = ?", at, id);
}

/**
 * Waitlisted members who took the places freed. Only a place still waiting moves up: another
 * desk may have cancelled it meanwhile (its cancellation reached this desk first), and a
 * cancellation is never undone by a move-up decided elsewhere.
 */
export function moveUpRegistrations(w: Writer, ids: readonly string[], at: string): void {
  for (const id of ids) w.rawRun("UPDATE registration SET status = 'registered', registered_at = ? WHERE id = ? AND status = 'waitlisted'", at, id);
}

/**
 * The status a registration arriving from elsewhere takes: as it was made, unless this desk holds
 * another live one for the same member and activity (two desks registered them offline): then it
 * waits cancelled — without a cancellation time, which tells it from a real cancellation — until
 * the server's `registration.duplicate` says which one stays. The desk's own registrations never
 * meet this (it checks before it registers).
 */
export function arrivingStatus<S extends string>(ctx: ApplyContext, activityId: string, memberId: string, registrationId: string, status: S): S | 'cancelled' {
  if (!ctx.pulled) return status;
  const live = ctx.w.rawGet("SELECT 1 AS live FROM registration WHERE activity_id = ? AND member_id = ? AND status <> 'cancelled' AND id <> ?", activityId, memberId, registrationId);
  return live ? 'cancelled' : status;
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
  'registration.create': (op, ctx) => {
    const { w, at, userId } = ctx;
    const waitlisted = op.status === 'waitlisted';
    const status = arrivingStatus(ctx, op.activityId, op.memberId, op.registrationId, op.status);
    w.insert('registration', {
      id: op.registrationId,
      activity_id: op.activityId,
      member_id: op.memberId,
      status,
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
  // The server's decision when two offline desks registered one member: one stays, as it stood there.
  // Any other live one this desk holds for them is a duplicate the server cancels too (it keeps
  // one live registration per member and activity), so it makes way now.
  'registration.duplicate': (op, { w, at }) => {
    w.rawRun("UPDATE registration SET status = 'cancelled', cancelled_at = coalesce(cancelled_at, ?) WHERE id = ?", at, op.cancelledRegistrationId);
    const kept = w.rawGet<{ activity_id: string; member_id: string }>('SELECT activity_id, member_id FROM registration WHERE id = ?', op.keptRegistrationId);
    if (!kept) return;
    w.rawRun(
      "UPDATE registration SET status = 'cancelled', cancelled_at = ? WHERE activity_id = ? AND member_id = ? AND id <> ? AND status <> 'cancelled'",
      at,
      kept.activity_id,
      kept.member_id,
      op.keptRegistrationId,
    );
    // Only a place waiting for this decision comes back; one really cancelled here since stays so.
    w.rawRun("UPDATE registration SET status = ? WHERE id = ? AND status = 'cancelled' AND cancelled_at IS NULL", op.keptStatus, op.keptRegistrationId);
  },
  // The server's decision when two offline desks sold the last place: this one waits (its
  // payment is flagged for the treasurer by a treasurer.flag beside it).
  'registration.waitlisted': (op, { w, at }) => {
    // Only a place still held: one cancelled here meanwhile stays cancelled (see moveUpRegistrations).
    w.rawRun("UPDATE registration SET status = 'waitlisted', waitlisted_at = ?, registered_at = NULL WHERE id = ? AND status = 'registered'", at, op.registrationId);
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
