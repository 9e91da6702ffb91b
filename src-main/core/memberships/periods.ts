import { prepared, type Reader, type Writer } from '../../db/sql.js';
import type { ClubSettings } from '../../../src-shared/club-settings.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { alreadyRenewed, membershipStatus, nextPeriod, statusFromPeriods, type MembershipStatus, type Period } from '../../../src-shared/memberships.js';

/**
 * A member's membership periods on the desk: what a renewal adds and what a correction voids.
 * The rules (which dates a renewal buys, when a member counts as already renewed) are shared
 * with the server in src-shared/memberships.ts.
 */

/** Expiry is the latest end of the member's non-voided periods. */
const latestEnd = prepared((qb, p: { memberId: string }) =>
  qb
    .selectFrom('membership_period')
    .select((eb) => eb.fn.max('ends_on').as('expires_on'))
    .where('member_id', '=', p.memberId)
    .where('voided_by_order_id', 'is', null),
);

const setExpiry = prepared((qb, p: { memberId: string; expiresOn: string | null; at: string }) =>
  qb.updateTable('member').set({ expires_on: p.expiresOn, updated_at: p.at }).where('id', '=', p.memberId),
);

export function computeExpiry(r: Reader, memberId: string): string | null {
  return latestEnd.get(r, { memberId })?.expires_on ?? null;
}

/** Moves `member.expires_on`, the cache of the latest end of the member's non-voided periods. */
export function refreshExpiry(w: Writer, memberId: string, at: string): void {
  setExpiry.run(w, { memberId, expiresOn: computeExpiry(w, memberId), at });
}

const periodsFrom = prepared((qb, p: { memberId: string; today: string }) =>
  qb
    .selectFrom('membership_period')
    .select(['starts_on as startsOn', 'ends_on as endsOn'])
    .where('member_id', '=', p.memberId)
    .where('ends_on', '>=', p.today)
    .where('voided_by_order_id', 'is', null),
);

/**
 * The member's status on `today`, from the periods that remain: the expiry alone says it when it
 * is past; otherwise the periods still to come are read (a voided one may have left a hole).
 * `planned` adds periods a cart is about to buy.
 */
export function memberStatus(
  r: Reader,
  member: { id: string; expires_on: string | null },
  today: string,
  graceDays: number,
  planned: readonly Period[] = [],
): MembershipStatus {
  if (planned.length === 0 && (!member.expires_on || member.expires_on < today)) return membershipStatus(member.expires_on, today, graceDays);
  const periods = member.expires_on && member.expires_on >= today ? periodsFrom.all(r, { memberId: member.id, today }) : [];
  if (periods.length + planned.length === 0) return membershipStatus(member.expires_on, today, graceDays);
  return statusFromPeriods([...periods, ...planned], today, graceDays);
}

/** The receipt of the member's latest renewal, to show why a second one is refused. */
function lastRenewalReceipt(r: Reader, memberId: string): string | null {
  const row = r.get(
    r.qb
      .selectFrom('membership_period as p')
      .innerJoin('order_line as l', 'l.id', 'p.order_line_id')
      .innerJoin('sale_order as o', 'o.id', 'l.order_id')
      .select('o.receipt_number')
      .where('p.member_id', '=', memberId)
      .where('p.voided_by_order_id', 'is', null)
      .orderBy('p.ends_on', 'desc')
      .limit(1),
  );
  return row?.receipt_number ?? null;
}

/**
 * Plans the periods of a cart's membership lines, in order: each renewal continues from the
 * expiry the previous one left. Refuses a renewal for a period already paid unless `force`.
 *
 * @throws ALREADY_RENEWED with the current expiry and the receipt that paid it.
 */
export function planPeriods(
  r: Reader,
  settings: ClubSettings,
  today: string,
  renewals: readonly { memberId: string; force: boolean }[],
): Period[] {
  const expiries = new Map<string, string | null>();
  return renewals.map(({ memberId, force }) => {
    const current = expiries.has(memberId) ? expiries.get(memberId)! : computeExpiry(r, memberId);
    if (!force && alreadyRenewed(settings, current, today)) {
      throw new ComptoirError('ALREADY_RENEWED', { expiresOn: current ?? today, receipt: lastRenewalReceipt(r, memberId) });
    }
    const period = nextPeriod(settings, current, today);
    expiries.set(memberId, period.endsOn);
    return period;
  });
}

/** The periods these order lines paid for that are still in force: what a void or refund takes back. */
export function periodsPaidBy(r: Reader, orderLineIds: readonly string[]): string[] {
  if (orderLineIds.length === 0) return [];
  return r
    .all(r.qb.selectFrom('membership_period').select('id').where('order_line_id', 'in', orderLineIds).where('voided_by_order_id', 'is', null))
    .map((p) => p.id);
}
