import { z } from 'zod';
import type { ActivityTable, MemberTable, RegistrationSource, RegistrationTable } from '../../db/schema.js';
import type { Reader } from '../../db/sql.js';
import { findActivityRow, registeredCount, toActivityView, type ActivityView } from './activities.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { findMemberRow } from '../members/members.js';
import { memberNumber, parseInput } from '../../../src-shared/validation.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';

export interface RegistrationView {
  id: string;
  activityCode: string;
  activityName: string;
  memberNumber: number;
  firstName: string;
  lastName: string;
  status: RegistrationTable['status'];
  source: RegistrationSource;
  paid: boolean;
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: number | null;
  createdAt: string;
}

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

function isFull(r: Reader, activity: ActivityTable): boolean {
  return activity.capacity !== null && registeredCount(r, activity.id) >= activity.capacity;
}

function requireMembership(ctx: WriteContext, activity: ActivityTable, member: MemberTable): void {
  if (activity.membership_required !== 1) return;
  const current = ctx.w.get(ctx.w.qb.selectFrom('member').select('expires_on').where('id', '=', member.id));
  if (!current?.expires_on || current.expires_on < ctx.today) {
    throw new ComptoirError('MEMBERSHIP_REQUIRED', { name: activity.name });
  }
}

/**
 * Registers a member to an activity inside an ongoing write. A full activity puts the member on
 * the waitlist when `waitlistIfFull`, and refuses otherwise. A paying order line turns a
 * waitlisted or unpaid registration into a paid one.
 */
export function registerInWrite(
  ctx: WriteContext,
  activity: ActivityTable,
  member: MemberTable,
  options: { source: RegistrationSource; orderLineId: string | null; waitlistIfFull: boolean },
): RegistrationTable {
  const { w } = ctx;
  requireMembership(ctx, activity, member);
  const existing = liveRegistration(w, activity.id, member.id);
  if (existing) {
    const paying = options.orderLineId !== null && existing.order_line_id === null;
    const canTakePlace = existing.status === 'registered' || !isFull(w, activity);
    if (!paying || !canTakePlace) {
      if (paying) throw new ComptoirError('ACTIVITY_FULL', { name: activity.name, capacity: activity.capacity ?? 0 });
      throw new ComptoirError('ALREADY_REGISTERED', { name: activity.name, status: existing.status });
    }
    const updated: RegistrationTable = {
      ...existing,
      status: 'registered',
      order_line_id: options.orderLineId,
      registered_at: existing.registered_at ?? ctx.at,
    };
    w.run(
      w.qb
        .updateTable('registration')
        .set({ status: updated.status, order_line_id: updated.order_line_id, registered_at: updated.registered_at })
        .where('id', '=', existing.id),
    );
    return updated;
  }
  const full = isFull(w, activity);
  if (full && !options.waitlistIfFull) {
    throw new ComptoirError('ACTIVITY_FULL', { name: activity.name, capacity: activity.capacity ?? 0 });
  }
  const row: RegistrationTable = {
    id: ctx.newId(),
    activity_id: activity.id,
    member_id: member.id,
    status: full ? 'waitlisted' : 'registered',
    source: options.source,
    order_line_id: options.orderLineId,
    waitlisted_at: full ? ctx.at : null,
    registered_at: full ? null : ctx.at,
    cancelled_at: null,
    created_at: ctx.at,
    created_by: ctx.userId,
  };
  w.insert('registration', row);
  return row;
}

/**
 * Cancels a registration inside an ongoing write. When it held a place, the first member on the
 * waitlist moves up; returns that member's registration, if any.
 */
export function cancelInWrite(ctx: WriteContext, registration: RegistrationTable): RegistrationTable | null {
  const { w } = ctx;
  w.run(w.qb.updateTable('registration').set({ status: 'cancelled', cancelled_at: ctx.at }).where('id', '=', registration.id));
  if (registration.status !== 'registered') return null;
  const activity = w.get(w.qb.selectFrom('activity').selectAll().where('id', '=', registration.activity_id));
  if (!activity || isFull(w, activity)) return null;
  const next = w.get(
    w.qb
      .selectFrom('registration')
      .selectAll()
      .where('activity_id', '=', registration.activity_id)
      .where('status', '=', 'waitlisted')
      .orderBy('waitlisted_at')
      .orderBy('id')
      .limit(1),
  );
  if (!next) return null;
  w.run(w.qb.updateTable('registration').set({ status: 'registered', registered_at: ctx.at }).where('id', '=', next.id));
  return { ...next, status: 'registered', registered_at: ctx.at };
}

export const registerSchema = z
  .object({
    activityCode: z.string().trim().min(1).max(20),
    memberNumber,
    source: z.enum(['desk', 'online', 'leader']).default('desk'),
    waitlistIfFull: z.boolean().default(false),
  })
  .strict();

/**
 * Registers a member without a payment: a free activity, a leader's list, or the waitlist of a
 * full activity. Paid registrations go through a sale, which calls {@link registerInWrite}.
 */
export function registerMember(desk: Desk, actor: Actor, input: unknown): RegistrationView {
  const values = parseInput(registerSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const activity = findActivityRow(ctx.w, values.activityCode);
    const member = findMemberRow(ctx.w, values.memberNumber);
    const registration = registerInWrite(ctx, activity, member, {
      source: values.source,
      orderLineId: null,
      waitlistIfFull: values.waitlistIfFull,
    });
    return {
      change: { action: 'registration.create', entityType: 'registration', entityId: registration.id, after: registration },
      result: toView(ctx.w, registration),
    };
  });
}

export const cancelSchema = z.object({ activityCode: z.string().trim().min(1).max(20), memberNumber }).strict();

/** Cancels a member's registration or waitlist place; the next member in line moves up. */
export function cancelRegistration(desk: Desk, actor: Actor, input: unknown): { cancelled: RegistrationView; movedUp: RegistrationView | null } {
  const values = parseInput(cancelSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const activity = findActivityRow(ctx.w, values.activityCode);
    const member = findMemberRow(ctx.w, values.memberNumber);
    const registration = liveRegistration(ctx.w, activity.id, member.id);
    if (!registration) throw new ComptoirError('REGISTRATION_NOT_FOUND');
    const movedUp = cancelInWrite(ctx, registration);
    const cancelled = { ...registration, status: 'cancelled' as const, cancelled_at: ctx.at };
    return {
      change: {
        action: 'registration.cancel',
        entityType: 'registration',
        entityId: registration.id,
        before: { status: registration.status },
        after: { status: 'cancelled', movedUp: movedUp?.id ?? null },
      },
      result: { cancelled: toView(ctx.w, cancelled), movedUp: movedUp ? toView(ctx.w, movedUp) : null },
    };
  });
}

function toView(r: Reader, registration: RegistrationTable): RegistrationView {
  const view = r.rawGet<{ code: string; name: string; number: number; first_name: string; last_name: string }>(
    `SELECT a.code, a.name, m.number, m.first_name, m.last_name
     FROM activity a, member m WHERE a.id = ? AND m.id = ?`,
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
    status: registration.status,
    source: registration.source,
    paid: registration.order_line_id !== null,
    waitlistPosition: position,
    createdAt: registration.created_at,
  };
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
  const views = rows.map((row) => toView(r, row));
  return {
    activity: toActivityView(r, activity),
    registered: views.filter((v) => v.status === 'registered').sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr')),
    waitlist: views.filter((v) => v.status === 'waitlisted'),
  };
}

/** "Mes inscriptions": a member's registrations, newest first. */
export function memberRegistrations(r: Reader, memberId: string): RegistrationView[] {
  const rows = r.all(
    r.qb.selectFrom('registration').selectAll().where('member_id', '=', memberId).orderBy('created_at', 'desc'),
  );
  return rows.map((row) => toView(r, row));
}
