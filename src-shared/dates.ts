import { perLanguage, type Language } from './language.js';

/**
 * Business dates are calendar dates (YYYY-MM-DD) where the club is, America/Toronto, whatever
 * the machine's own zone; instants are ISO-8601 in UTC. This is the one place the zone is named.
 */
export const CLUB_TIME_ZONE = 'America/Toronto';

const dateInClubZone = new Intl.DateTimeFormat('en-CA', {
  timeZone: CLUB_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let lastMinute = Number.NaN;
let lastDate = '';

/** The club's calendar date of an instant, as YYYY-MM-DD. */
export function businessDate(at: Date): string {
  // Formatting in a time zone is slow and the date changes at most once a minute (zones move
  // by whole or half hours): every write asks, so remember the last minute's answer.
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastMinute = minute;
    lastDate = dateInClubZone.format(at);
  }
  return lastDate;
}

/** The club's calendar date of an ISO-8601 instant. */
export function businessDateOf(isoInstant: string): string {
  return businessDate(new Date(isoInstant));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const at = toUtc(date);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

// A calendar date has no zone: read and print it in UTC so it never slips a day.
const calendarDates = perLanguage((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
const timeParts = { hour: 'numeric', minute: '2-digit', timeZone: CLUB_TIME_ZONE } as const;
const moments = perLanguage((locale) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', ...timeParts }));
const clockTimes = perLanguage((locale) => new Intl.DateTimeFormat(locale, timeParts));
// Hours without a leading zero, as the paper prints them (« 5 h 24 », never « 05 h 24 »).
const shortMoments = perLanguage((locale) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', ...timeParts }));

/** « 9 h 08 » and "9:08 a.m." never split across two lines. */
function unbreakableTime(text: string): string {
  return text.replace(/(\d) h (\d)/, '$1\u00a0h\u00a0$2').replace(/ ([ap]\.m\.)/, '\u00a0$1');
}

/** A business date (YYYY-MM-DD) in words: « 27 novembre 2026 », "November 27, 2026". */
export function formatLongDate(isoDate: string, language: Language): string {
  return calendarDates[language].format(toUtc(isoDate));
}

/** An instant as the club's clock showed it: « 27 novembre 2026 à 9 h 07 ». */
export function formatDateTime(isoInstant: string, language: Language): string {
  return unbreakableTime(moments[language].format(new Date(isoInstant)));
}

/** An instant in few words, for screens: « 27 nov. 2026, 9 h 07 », "Nov. 27, 2026, 9:07 a.m.". */
export function formatShortDateTime(isoInstant: string, language: Language): string {
  return unbreakableTime(shortMoments[language].format(new Date(isoInstant)));
}

/** « 9 h 07 », "9:07 a.m.", in the club's zone. */
export function formatClockTime(isoInstant: string, language: Language): string {
  return unbreakableTime(clockTimes[language].format(new Date(isoInstant)));
}
