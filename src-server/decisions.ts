import type { Transaction } from 'kysely';
import { newId } from '../src-main/core/ids.js';
import { isFull } from '../src-shared/capacity.js';
import type { ClubSettings } from '../src-shared/club-settings.js';
import { nextPeriod } from '../src-shared/memberships.js';
import type { Operation } from '../src-shared/operations/index.js';
import type { ServerDatabase } from './db/schema.js';
import { followMember, type Writer } from './members.js';

type Trx = Transaction<ServerDatabase>;

/** The kinds the server acts on (its view of members, periods and places); the rest it only keeps in the log. */
export const DECIDING_KINDS = new Set(['member.create', 'member.update', 'member.erase', 'activity.create', 'registration.create', 'registration.cancel', 'order.sale', 'order.void', 'order.refund']);

async function setRegistration(trx: Trx, clubId: string, id: string, status: 'registered' | 'waitlisted' | 'cancelled'): Promise<void> {
  await trx.updateTable('server_registration').set({ status }).where('club_id', '=', clubId).where('id', '=', id).execute();
}

/** A waitlisted registration takes a freed place; one cancelled meanwhile stays cancelled (the desks' rule, activities/apply.ts). */
async function moveUp(trx: Trx, clubId: string, id: string): Promise<Operation[]> {
  await trx.updateTable('server_registration').set({ status: 'registered' }).where('club_id', '=', clubId).where('id', '=', id).where('status', '=', 'waitlisted').execute();
  return checkPlace(trx, clubId, id);
}

/**
 * A registration now holds a place or a waitlist place. If the member already had one for this
 * activity (another offline desk registered them first), this one is cancelled (and its payment
 * flagged). If the activity was already full at the server (another offline desk sold the last
 * place first), it goes back to the waitlist and its payment is flagged for the treasurer. The
 * capacity rule is the desks' (src-shared/capacity.ts).
 */
async function checkPlace(trx: Trx, clubId: string, registrationId: string): Promise<Operation[]> {
  const registration = await trx.selectFrom('server_registration').selectAll().where('club_id', '=', clubId).where('id', '=', registrationId).executeTakeFirst();
  if (!registration || registration.status === 'cancelled') return [];
  // The same member registered to the same activity by two offline desks: the first to arrive stays.
  const first = await trx
    .selectFrom('server_registration')
    .selectAll()
    .where('club_id', '=', clubId)
    .where('activity_id', '=', registration.activity_id)
    .where('member_id', '=', registration.member_id)
    .where('status', '!=', 'cancelled')
    .where('id', '!=', registrationId)
    .executeTakeFirst();
  if (first) {
    await setRegistration(trx, clubId, registrationId, 'cancelled');
    const decisions: Operation[] = [
      { kind: 'registration.duplicate', version: 1, keptRegistrationId: first.id, keptStatus: first.status as 'registered' | 'waitlisted', cancelledRegistrationId: registrationId },
    ];
    if (registration.order_id) {
      decisions.push({ kind: 'treasurer.flag', version: 1, flagId: newId(), reason: 'double_registration', memberId: registration.member_id, orderIds: [registration.order_id], registrationId });
    }
    return decisions;
  }
  if (registration.status !== 'registered') return [];
  const activity = await trx.selectFrom('server_activity').select('capacity').where('club_id', '=', clubId).where('id', '=', registration.activity_id).executeTakeFirst();
  const others = await trx
    .selectFrom('server_registration')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('club_id', '=', clubId)
    .where('activity_id', '=', registration.activity_id)
    .where('status', '=', 'registered')
    .where('id', '!=', registrationId)
    .executeTakeFirstOrThrow();
  if (!isFull(activity?.capacity ?? null, Number(others.n))) return [];
  await setRegistration(trx, clubId, registrationId, 'waitlisted');
  const decisions: Operation[] = [{ kind: 'registration.waitlisted', version: 1, registrationId, activityId: registration.activity_id, memberId: registration.member_id }];
  if (registration.order_id) {
    decisions.push({ kind: 'treasurer.flag', version: 1, flagId: newId(), reason: 'over_capacity', memberId: registration.member_id, orderIds: [registration.order_id], registrationId });
  }
  return decisions;
}

/**
 * A period was sold: if the member already has one for the same time (two offline desks renewed
 * them), both payments count — this sale also pays the period after the latest, by the desks'
 * own renewal rule (src-shared/memberships.ts `nextPeriod`) — and the likely double payment is
 * flagged for the treasurer.
 */
async function checkPeriod(trx: Trx, clubId: string, settings: ClubSettings, periodId: string, saleDate: string): Promise<Operation[]> {
  const period = await trx.selectFrom('server_period').selectAll().where('club_id', '=', clubId).where('id', '=', periodId).executeTakeFirstOrThrow();
  const others = await trx
    .selectFrom('server_period')
    .selectAll()
    .where('club_id', '=', clubId)
    .where('member_id', '=', period.member_id)
    .where('voided', '=', 0)
    .where('order_id', '!=', period.order_id)
    .execute();
  const overlapping = others.filter((other) => other.starts_on <= period.ends_on && period.starts_on <= other.ends_on);
  if (overlapping.length === 0) return [];
  const latestEnd = [period, ...others].map((p) => p.ends_on).sort().at(-1)!;
  const added = { id: newId(), ...nextPeriod(settings, latestEnd, saleDate) };
  await trx
    .insertInto('server_period')
    .values({ ...period, id: added.id, starts_on: added.startsOn, ends_on: added.endsOn })
    .execute();
  const orderIds = [...new Set([...overlapping.map((other) => other.order_id), period.order_id])];
  return [
    { kind: 'period.added', version: 1, periodId: added.id, memberId: period.member_id, orderLineId: period.order_line_id, startsOn: added.startsOn, endsOn: added.endsOn },
    { kind: 'treasurer.flag', version: 1, flagId: newId(), reason: 'double_renewal', memberId: period.member_id, orderIds, registrationId: null },
  ];
}

/**
 * Follows an operation the club's log just accepted in the server's view of periods and places,
 * and returns what the server decides about it (docs/SYNC.md, Conflicts): nothing, most of the
 * time. Runs in the push's transaction, which holds the club's lock.
 */
export async function decide(trx: Trx, clubId: string, settings: ClubSettings, op: Operation, writer: Writer): Promise<Operation[]> {
  switch (op.kind) {
    case 'member.create':
    case 'member.update':
      await followMember(trx, clubId, op, writer);
      return [];
    case 'member.erase':
      // Crypto-shredding reaches the server: its copy of the key goes (followMember), and with it
      // every copy of the member's sealed fields in the club's log; desks destroy theirs as they pull this.
      await followMember(trx, clubId, op, writer);
      // The club's snapshots hold a copy of that key too: they go, and the next one is built without it.
      await trx.deleteFrom('club_snapshot').where('club_id', '=', clubId).execute();
      return [];
    case 'activity.create':
      await trx
        .insertInto('server_activity')
        .values({ club_id: clubId, id: op.activity.id, capacity: op.activity.capacity })
        .onConflict((oc) => oc.columns(['club_id', 'id']).doNothing())
        .execute();
      return [];
    case 'registration.create':
      await trx
        .insertInto('server_registration')
        .values({ club_id: clubId, id: op.registrationId, activity_id: op.activityId, member_id: op.memberId, status: op.status, order_id: null })
        .execute();
      return checkPlace(trx, clubId, op.registrationId);
    case 'registration.cancel': {
      await setRegistration(trx, clubId, op.registrationId, 'cancelled');
      if (!op.movedUpRegistrationId) return [];
      return moveUp(trx, clubId, op.movedUpRegistrationId);
    }
    case 'order.sale': {
      const decisions: Operation[] = [];
      for (const period of op.periods) {
        await trx
          .insertInto('server_period')
          .values({ club_id: clubId, id: period.id, member_id: period.memberId, order_id: op.order.id, order_line_id: period.orderLineId, starts_on: period.startsOn, ends_on: period.endsOn, voided: 0 })
          .execute();
        decisions.push(...(await checkPeriod(trx, clubId, settings, period.id, op.order.businessDate)));
      }
      for (const registration of op.registrations) {
        // As on the desks (sales/apply.ts): a registration cancelled meanwhile stays cancelled.
        const held = await trx.selectFrom('server_registration').select('status').where('club_id', '=', clubId).where('id', '=', registration.id).executeTakeFirst();
        if (held && held.status !== 'cancelled') {
          await trx.updateTable('server_registration').set({ status: 'registered', order_id: op.order.id }).where('club_id', '=', clubId).where('id', '=', registration.id).execute();
        }
        if (!held) {
          await trx
            .insertInto('server_registration')
            .values({ club_id: clubId, id: registration.id, activity_id: registration.activityId, member_id: registration.memberId, status: 'registered', order_id: op.order.id })
            .execute();
        }
        decisions.push(...(await checkPlace(trx, clubId, registration.id)));
      }
      return decisions;
    }
    case 'order.void':
    case 'order.refund': {
      for (const id of op.voidedPeriodIds) await trx.updateTable('server_period').set({ voided: 1 }).where('club_id', '=', clubId).where('id', '=', id).execute();
      for (const id of op.cancelledRegistrationIds) await setRegistration(trx, clubId, id, 'cancelled');
      const decisions: Operation[] = [];
      for (const id of op.movedUpRegistrationIds) decisions.push(...(await moveUp(trx, clubId, id)));
      return decisions;
    }
    default:
      return [];
  }
}
