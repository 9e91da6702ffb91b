import { z } from 'zod';
import type { ActivityTable, Language, MemberTable, RegistrationTable } from '../../db/schema.js';
import { formatPhone } from '../../../src-shared/phones.js';
import type { Reader } from '../../db/sql.js';
import { findActivityRow, registeredCount, toActivityView } from './activities.js';
import type { ActivityView } from './views.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { findMemberRow } from '../members/members.js';
import { memberNumber, parseInput } from '../../../src-shared/validation.js';
import { ROLES } from '../../../src-shared/roles.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';
import { fold } from '../../../src-shared/text.js';
import { isFull } from '../../../src-shared/capacity.js';
import { isMemberOn, type Period } from '../../../src-shared/memberships.js';
import { memberStatus } from '../memberships/periods.js';
import type { RegistrationView } from './views.js';

function liveRegistration(r: Reader, activityId: string, memberId: string): RegistrationTable | undefined {
  return r.get(
    r.qb
      .selectFrom('registration')
      .selectAll()
      .where('activity_id', '=', activityId)
      .where('member_id', '=', memberId)
      .where('status', '<>', 'cancelled'),
  );
}

/**
 * Decides the places a cart's activity lines pay for, in order: a member's waitlisted or unpaid
 * registration becomes paid, otherwise a new place is taken. Places taken earlier in the same
 * cart count. A member renewed in the same cart counts as a member (`renewals`: the periods it buys).
 *
 * @throws MEMBERSHIP_REQUIRED, ALREADY_REGISTERED, ACTIVITY_FULL
 */
export function planPaidRegistrations(
  r: Reader,
  today: string,
  lines: readonly { activity: ActivityTable; member: MemberTable; orderLineId: string }[],
  renewals: readonly (Period & { memberId: string })[],
  newId: () => string,
): { id: string; activityId: string; memberId: string; orderLineId: string }[] {
  const taken = new Map<string, number>();
  const pairs = new Set<string>();
  return lines.map(({ activity, member, orderLineId }) => {
    requireMembership(r, activity, member, today, renewals.filter((p) => p.memberId === member.id));
    const existing = liveRegistration(r, activity.id, member.id);
    const pair = `${activity.id}:${member.id}`;
    if (existing?.order_line_id != null || pairs.has(pair)) {
      throw new ComptoirError('ALREADY_REGISTERED', { name: activity.name, status: existing?.status ?? 'registered' });
    }
    pairs.add(pair);
    // A member who already holds a place (registered, not yet paid) keeps it; anyone else needs one.
    if (existing?.status !== 'registered') {
      const registered = registeredCount(r, activity.id) + (taken.get(activity.id) ?? 0);
      if (isFull(activity.capacity, registered)) throw new ComptoirError('ACTIVITY_FULL', { name: activity.name, capacity: activity.capacity ?? 0 });
      taken.set(activity.id, (taken.get(activity.id) ?? 0) + 1);
    }
    return { id: existing?.id ?? newId(), activityId: activity.id, memberId: member.id, orderLineId };
  });
}

/** An activity that needs a membership takes members whose periods cover today (or will, by this cart). */
function requireMembership(r: Reader, activity: ActivityTable, member: MemberTable, today: string, planned: readonly Period[] = []): void {
  if (activity.membership_required !== 1) return;
  // The grace period does not matter here: only being covered today does.
  if (!isMemberOn(memberStatus(r, member, today, 0, planned))) throw new ComptoirError('MEMBERSHIP_REQUIRED', { name: activity.name });
}

/**
 * Cancels registrations in order; each place freed goes to the first member on that activity's
 * waitlist. Returns who was cancelled and who moved up, for the write's operation.
 */
export function planCancellations(r: Reader, registrations: readonly RegistrationTable[]): { cancelled: string[]; movedUp: string[] } {
  const cancelled = registrations.map((registration) => registration.id);
  const movedUp: string[] = [];
  // Places held after the cancellations so far: each one frees a place, each move-up takes one.
  const held = new Map<string, number>();
  for (const registration of registrations) {
    if (registration.status !== 'registered') continue;
    const activity = r.get(r.qb.selectFrom('activity').selectAll().where('id', '=', registration.activity_id));
    if (!activity) continue;
    const registered = (held.get(activity.id) ?? registeredCount(r, activity.id)) - 1;
    held.set(activity.id, registered);
    if (isFull(activity.capacity, registered)) continue;
    const skip = [...cancelled, ...movedUp];
    const next = r.get(
      r.qb
        .selectFrom('registration')
        .select('id')
        .where('activity_id', '=', activity.id)
        .where('status', '=', 'waitlisted')
        .where('id', 'not in', skip)
        .orderBy('waitlisted_at')
        .orderBy('id')
        .limit(1),
    );
    if (next) {
      movedUp.push(next.id);
      held.set(activity.id, registered + 1);
    }
  }
  return { cancelled, movedUp };
}

/**
 * An activity leader registers and cancels members only in the activities they lead (the
 * activity's « responsable » is their name, accents and case aside).
 *
 * @throws LEADER_OTHER_ACTIVITY
 */
function requireOwnActivity(ctx: WriteContext, activity: ActivityTable): void {
  if (ctx.role !== 'leader') return;
  if (activity.leader !== null && fold(activity.leader) === fold(ctx.userName)) return;
  throw new ComptoirError('LEADER_OTHER_ACTIVITY', { name: activity.name });
}

export const registerSchema = z
  .object({
    activityCode: z.string().trim().min(1).max(20),
    memberNumber,
    waitlistIfFull: z.boolean().default(false),
  })
  .strict();

/**
 * Registers a member without a payment: a free activity, a leader's list, or the waitlist of a
 * full activity. Paid registrations go through a sale ({@link planPaidRegistrations}).
 */
export function registerMember(desk: Desk, actor: Actor, input: unknown): RegistrationView {
  const values = parseInput(registerSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const activity = findActivityRow(ctx.r, values.activityCode);
    requireOwnActivity(ctx, activity);
    const member = findMemberRow(ctx.r, values.memberNumber);
    requireMembership(ctx.r, activity, member, ctx.today);
    const existing = liveRegistration(ctx.r, activity.id, member.id);
    if (existing) throw new ComptoirError('ALREADY_REGISTERED', { name: activity.name, status: existing.status });
    const full = isFull(activity.capacity, registeredCount(ctx.r, activity.id));
    if (full && !values.waitlistIfFull) throw new ComptoirError('ACTIVITY_FULL', { name: activity.name, capacity: activity.capacity ?? 0 });
    const registrationId = ctx.newId();
    ctx.record({
      kind: 'registration.create',
      version: 1,
      registrationId,
      activityId: activity.id,
      memberId: member.id,
      status: full ? 'waitlisted' : 'registered',
      // Who registered says where from: an activity leader keeps their list; the member platform
      // (online) will register from the central server, never through a desk.
      source: ctx.role === 'leader' ? 'leader' : 'desk',
    });
    return toView(ctx.r, registrationRow(ctx.r, registrationId), ctx.desk.language);
  }, { roles: ROLES.registrations });
}

export const cancelSchema = z.object({ activityCode: z.string().trim().min(1).max(20), memberNumber }).strict();

/** Cancels a member's registration or waitlist place; the next member in line moves up. */
export function cancelRegistration(desk: Desk, actor: Actor, input: unknown): { cancelled: RegistrationView; movedUp: RegistrationView | null } {
  const values = parseInput(cancelSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const activity = findActivityRow(ctx.r, values.activityCode);
    requireOwnActivity(ctx, activity);
    const member = findMemberRow(ctx.r, values.memberNumber);
    const registration = liveRegistration(ctx.r, activity.id, member.id);
    if (!registration) throw new ComptoirError('REGISTRATION_NOT_FOUND');
    const [movedUp = null] = planCancellations(ctx.r, [registration]).movedUp;
    ctx.record({ kind: 'registration.cancel', version: 1, registrationId: registration.id, movedUpRegistrationId: movedUp }, { before: { status: registration.status } });
    return {
      cancelled: toView(ctx.r, registrationRow(ctx.r, registration.id), ctx.desk.language),
      movedUp: movedUp ? toView(ctx.r, registrationRow(ctx.r, movedUp), ctx.desk.language) : null,
    };
  }, { roles: ROLES.registrations });
}

function registrationRow(r: Reader, id: string): RegistrationTable {
  return r.get(r.qb.selectFrom('registration').selectAll().where('id', '=', id))!;
}

function toView(r: Reader, registration: RegistrationTable, language: Language): RegistrationView {
  const view = r.rawGet<{
    code: string;
    name: string;
    price_cents: number;
    ends_on: string | null;
    number: number;
    first_name: string;
    last_name: string;
    phone: string | null;
    refunded: number;
  }>(
    `SELECT a.code, a.name, a.price_cents, a.ends_on, m.number, m.phone, m.first_name, m.last_name,
            EXISTS (SELECT 1 FROM order_line c WHERE c.original_line_id = ?) AS refunded
     FROM activity a, member m WHERE a.id = ? AND m.id = ?`,
    registration.order_line_id,
    registration.activity_id,
    registration.member_id,
  )!;
  const position =
    registration.status === 'waitlisted'
      ? (r.rawGet<{ n: number }>(
          `SELECT count(*) AS n FROM registration WHERE activity_id = ? AND status = 'waitlisted'
           AND (waitlisted_at < ? OR (waitlisted_at = ? AND id <= ?))`,
          registration.activity_id,
          registration.waitlisted_at,
          registration.waitlisted_at,
          registration.id,
        )?.n ?? null)
      : null;
  return {
    id: registration.id,
    activityCode: view.code,
    activityName: view.name,
    memberNumber: view.number,
    firstName: view.first_name,
    lastName: view.last_name,
    phone: view.phone === null ? null : formatPhone(view.phone, language),
    status: registration.status,
    source: registration.source,
    paid: registration.order_line_id !== null && view.refunded === 0,
    payment: paymentState(registration.order_line_id !== null, view.refunded === 1, view.price_cents),
    priceCents: view.price_cents,
    activityEndsOn: view.ends_on,
    waitlistPosition: position,
    createdAt: registration.created_at,
  };
}

/** Where a registration's money stands: what the screens say instead of a bare « Payée : Oui/Non ». */
function paymentState(sold: boolean, refunded: boolean, priceCents: number): RegistrationView['payment'] {
  if (refunded) return 'refunded';
  if (sold) return 'paid';
  return priceCents === 0 ? 'free' : 'due';
}

/** An activity's list: who holds a place, then the waitlist in order. */
export function activityRoster(desk: Desk, code: unknown): { activity: ActivityView; registered: RegistrationView[]; waitlist: RegistrationView[] } {
  const parsed = parseInput(z.object({ code: z.string().trim().min(1).max(20) }), { code });
  const r = desk.reader;
  const activity = findActivityRow(r, parsed.code);
  const rows = r.all(
    r.qb
      .selectFrom('registration')
      .selectAll()
      .where('activity_id', '=', activity.id)
      .where('status', '<>', 'cancelled')
      .orderBy('waitlisted_at')
      .orderBy('created_at')
      .orderBy('id'),
  );
  const views = rows.map((row) => toView(r, row, desk.language));
  return {
    activity: toActivityView(r, activity),
    registered: views.filter((v) => v.status === 'registered').sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr')),
    waitlist: views.filter((v) => v.status === 'waitlisted'),
  };
}

/** "Mes inscriptions": a member's registrations, newest first. */
export function memberRegistrations(r: Reader, memberId: string, language: Language = 'fr'): RegistrationView[] {
  const rows = r.all(
    r.qb.selectFrom('registration').selectAll().where('member_id', '=', memberId).orderBy('created_at', 'desc'),
  );
  return rows.map((row) => toView(r, row, language));
}
