import type { Language } from '../db/schema.js';
import { prepared, type Reader, type Writer } from '../db/sql.js';
import { addDays, daysBetween } from './clock.js';
import type { ClubSettings, MembershipRule } from './desk.js';
import { ComptoirError } from './errors.js';
import type { WriteContext } from './write.js';

/** What the desk shows next to a member's name. */
export type MembershipStatus =
  | { kind: 'active'; expiresOn: string; daysLeft: number }
  | { kind: 'grace'; expiresOn: string; daysSince: number; graceEndsOn: string }
  | { kind: 'expired'; expiresOn: string; daysSince: number }
  | { kind: 'never' };

export function membershipStatus(expiresOn: string | null, today: string, graceDays: number): MembershipStatus {
  if (!expiresOn) return { kind: 'never' };
  if (today <= expiresOn) return { kind: 'active', expiresOn, daysLeft: daysBetween(today, expiresOn) };
  const daysSince = daysBetween(expiresOn, today);
  if (daysSince <= graceDays) return { kind: 'grace', expiresOn, daysSince, graceEndsOn: addDays(expiresOn, graceDays) };
  return { kind: 'expired', expiresOn, daysSince };
}

function days(n: number, language: Language): string {
  if (language === 'fr') return `${n} jour${n > 1 ? 's' : ''}`;
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** "Actif — expire dans 121 jours", "Expiré depuis 12 jours": the badge, in words. */
export function statusLabel(status: MembershipStatus, language: Language = 'fr'): string {
  const fr = language === 'fr';
  switch (status.kind) {
    case 'active':
      if (status.daysLeft === 0) return fr ? "Actif — expire aujourd'hui" : 'Active — expires today';
      return fr ? `Actif — expire dans ${days(status.daysLeft, language)}` : `Active — expires in ${days(status.daysLeft, language)}`;
    case 'grace':
      return fr
        ? `Période de grâce — expiré depuis ${days(status.daysSince, language)}`
        : `Grace period — expired ${days(status.daysSince, language)} ago`;
    case 'expired':
      return fr ? `Expiré depuis ${days(status.daysSince, language)}` : `Expired ${days(status.daysSince, language)} ago`;
    case 'never':
      return fr ? 'Jamais membre' : 'Never a member';
  }
}

export interface Period {
  startsOn: string;
  endsOn: string;
}

/** The date of a MM-DD in a year; 02-29 in a common year becomes 02-28. */
function monthDayIn(year: number, monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The period a membership bought on `from` covers, under a club's rule. */
function periodFrom(rule: MembershipRule, from: string, continuing: boolean): Period {
  if (rule.kind === 'rolling') {
    // The member guide: "votre adhésion sera prolongée de 365 jours".
    const base = continuing ? addDays(from, -1) : from;
    return { startsOn: from, endsOn: addDays(base, rule.days) };
  }
  const year = Number(from.slice(0, 4));
  let endsOn = monthDayIn(year, rule.endMonthDay);
  if (endsOn < from) endsOn = monthDayIn(year + 1, rule.endMonthDay);
  // The rollover date that opens the membership year ending on endsOn: joining on or after it
  // buys the next year too (e.g. ends Dec 31, joining after Sept 1 runs to next year's end).
  const endYear = Number(endsOn.slice(0, 4));
  let rollover = monthDayIn(endYear, rule.rolloverMonthDay);
  if (rollover > endsOn) rollover = monthDayIn(endYear - 1, rule.rolloverMonthDay);
  if (from >= rollover) endsOn = monthDayIn(endYear + 1, rule.endMonthDay);
  return { startsOn: from, endsOn };
}

/**
 * The next period for a member whose membership ends on `currentExpiry` (null if never a member).
 * Active members and members in their grace period continue without a gap; the others start today.
 */
export function nextPeriod(settings: ClubSettings, currentExpiry: string | null, today: string): Period {
  const continuing =
    currentExpiry !== null && daysBetween(currentExpiry, today) <= settings.graceDays;
  return continuing
    ? periodFrom(settings.membershipRule, addDays(currentExpiry, 1), true)
    : periodFrom(settings.membershipRule, today, false);
}

/**
 * A member "already renewed" when their membership already reaches as far as a renewal bought
 * today by a lapsed member would: a second renewal is then most likely a mistake.
 */
export function alreadyRenewed(settings: ClubSettings, currentExpiry: string | null, today: string): boolean {
  if (!currentExpiry) return false;
  return currentExpiry >= periodFrom(settings.membershipRule, today, false).endsOn;
}

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
 * Adds the period an order line pays for and moves the member's expiry, inside the sale's
 * transaction. Refuses a renewal for a period already paid unless `force` is set.
 */
export function addMembershipPeriod(
  ctx: WriteContext,
  memberId: string,
  orderLineId: string | null,
  force: boolean,
): Period & { id: string } {
  const { w } = ctx;
  const settings = ctx.desk.settings();
  const current = computeExpiry(w, memberId);
  if (!force && alreadyRenewed(settings, current, ctx.today)) {
    throw new ComptoirError('ALREADY_RENEWED', {
      expiresOn: current ?? '',
      receipt: lastRenewalReceipt(w, memberId) ?? '',
    });
  }
  const period = nextPeriod(settings, current, ctx.today);
  const id = ctx.newId();
  w.insert('membership_period', {
    id,
    member_id: memberId,
    starts_on: period.startsOn,
    ends_on: period.endsOn,
    order_line_id: orderLineId,
    voided_by_order_id: null,
    created_at: ctx.at,
  });
  // A new period always ends after the current expiry: it becomes the expiry.
  setExpiry.run(w, { memberId, expiresOn: period.endsOn, at: ctx.at });
  return { id, ...period };
}

/** Voids the periods paid by these order lines (a void or refund) and moves the expiry back. */
export function voidMembershipPeriods(ctx: WriteContext, orderLineIds: string[], voidOrderId: string): string[] {
  if (orderLineIds.length === 0) return [];
  const { w } = ctx;
  const periods = w.all(
    w.qb
      .selectFrom('membership_period')
      .select(['id', 'member_id'])
      .where('order_line_id', 'in', orderLineIds)
      .where('voided_by_order_id', 'is', null),
  );
  for (const period of periods) {
    w.run(w.qb.updateTable('membership_period').set({ voided_by_order_id: voidOrderId }).where('id', '=', period.id));
  }
  for (const memberId of new Set(periods.map((p) => p.member_id))) refreshExpiry(w, memberId, ctx.at);
  return periods.map((p) => p.id);
}

function refreshExpiry(w: Writer, memberId: string, at: string): void {
  setExpiry.run(w, { memberId, expiresOn: computeExpiry(w, memberId), at });
}
