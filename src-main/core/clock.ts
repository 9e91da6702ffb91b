/** Where "now" comes from: the wall clock at the desk, a fixed instant in tests and demo data. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Business dates are calendar dates where the club is, whatever the machine's own zone. */
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
