import { z } from 'zod';
import type { ClubSettings, MembershipRule } from './club-settings.js';
import { addDays, daysBetween } from './dates.js';
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
  z.object({ kind: z.literal('never') }),
]);
export type MembershipStatus = z.infer<typeof membershipStatusSchema>;

export function membershipStatus(expiresOn: string | null, today: string, graceDays: number): MembershipStatus {
  if (!expiresOn) return { kind: 'never' };
  if (today <= expiresOn) return { kind: 'active', expiresOn, daysLeft: daysBetween(today, expiresOn) };
  const daysSince = daysBetween(expiresOn, today);
  if (daysSince <= graceDays) return { kind: 'grace', expiresOn, daysSince, graceEndsOn: addDays(expiresOn, graceDays) };
  return { kind: 'expired', expiresOn, daysSince };
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
