import { z } from 'zod';
import type { ClubSettings, MembershipRule } from './club-settings.js';
import { addDays, daysBetween, formatLongDate } from './dates.js';
import type { Language } from './language.js';
import { countOf } from './words.js';

/**
 * Membership rules, the same on every desk and on the server: the period a renewal buys under
 * the club's rule, and the status a member's expiry gives on a day. Dates are business dates
 * (YYYY-MM-DD, America/Toronto).
 */

/** What the desk shows next to a member's name. */
export const membershipStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('active'), expiresOn: z.string(), daysLeft: z.number().int() }),
  z.object({ kind: z.literal('grace'), expiresOn: z.string(), daysSince: z.number().int(), graceEndsOn: z.string() }),
  z.object({ kind: z.literal('expired'), expiresOn: z.string(), daysSince: z.number().int() }),
  /** Paid, but not for today: the next period starts later (the one before it was voided). */
  z.object({ kind: z.literal('upcoming'), startsOn: z.string(), expiresOn: z.string(), daysUntil: z.number().int() }),
  z.object({ kind: z.literal('never') }),
]);
export type MembershipStatus = z.infer<typeof membershipStatusSchema>;

/**
 * The status an expiry gives on `today` when the member's periods run without a hole up to it
 * (the ordinary case: renewals continue each other). See {@link statusFromPeriods} otherwise.
 */
export function membershipStatus(expiresOn: string | null, today: string, graceDays: number): MembershipStatus {
  if (!expiresOn) return { kind: 'never' };
  if (today <= expiresOn) return { kind: 'active', expiresOn, daysLeft: daysBetween(today, expiresOn) };
  const daysSince = daysBetween(expiresOn, today);
  if (daysSince <= graceDays) return { kind: 'grace', expiresOn, daysSince, graceEndsOn: addDays(expiresOn, graceDays) };
  return { kind: 'expired', expiresOn, daysSince };
}

/**
 * The status on `today` that the member's remaining (non-voided) periods give. A member is
 * active only on a day a period covers; the expiry shown is where the periods that follow
 * without a gap end. When the period covering today was voided, the periods after it keep the
 * dates they were paid for (their receipts and cards say so): until the next one starts the
 * member is « à venir », not active.
 */
export function statusFromPeriods(periods: readonly Period[], today: string, graceDays: number): MembershipStatus {
  if (periods.length === 0) return { kind: 'never' };
  const sorted = [...periods].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  const chainEnd = (from: string): string => {
    let end = addDays(from, -1);
    for (const p of sorted) if (p.startsOn <= addDays(end, 1) && p.endsOn > end) end = p.endsOn;
    return end;
  };
  if (sorted.some((p) => p.startsOn <= today && today <= p.endsOn)) {
    const expiresOn = chainEnd(today);
    return { kind: 'active', expiresOn, daysLeft: daysBetween(today, expiresOn) };
  }
  const next = sorted.find((p) => p.startsOn > today);
  if (next) return { kind: 'upcoming', startsOn: next.startsOn, expiresOn: chainEnd(next.startsOn), daysUntil: daysBetween(today, next.startsOn) };
  const lastEnd = sorted.reduce((end, p) => (p.endsOn > end ? p.endsOn : end), sorted[0]!.endsOn);
  return membershipStatus(lastEnd, today, graceDays);
}

/** True when the member's status lets them take part in what needs a membership today. */
export function isMemberOn(status: MembershipStatus): boolean {
  return status.kind === 'active';
}

const days = (n: number, language: Language) => countOf(n, 'day', language);

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
    case 'upcoming':
      return fr
        ? `Adhésion à venir — commence le ${formatLongDate(status.startsOn, 'fr')}`
        : `Membership ahead — starts ${formatLongDate(status.startsOn, 'en')}`;
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
 * A member "already renewed" when a renewal today would be a second one in the same membership
 * year, whatever the member's state before the first (never a member, lapsed, active): under a
 * fixed rule when their membership already reaches the end of the year a renewal today buys;
 * under the rolling rule when it runs further ahead than the club's renewal window. A second
 * renewal is then most likely a mistake, and needs a confirmation (`force`).
 */
export function alreadyRenewed(settings: ClubSettings, currentExpiry: string | null, today: string): boolean {
  if (!currentExpiry) return false;
  const rule = settings.membershipRule;
  // Fixed dates: a renewal bought today would end where the membership already does.
  if (rule.kind === 'fixed') return currentExpiry >= periodFrom(rule, today, false).endsOn;
  // Rolling: renewing is ordinary within the renewal window before expiry; further ahead, the
  // member renewed within this membership year already (the day before, say).
  return daysBetween(today, currentExpiry) > settings.renewalWindowDays;
}
