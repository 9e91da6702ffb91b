/**
 * The hybrid logical clock of docs/SYNC.md: every log entry's instant (`at`) is the desk's wall
 * clock, or just after the latest instant the desk has seen (its own entries, and other desks'
 * within MAX_CLOCK_DRIFT_MS), whichever is later. So a desk that read another desk's edit and
 * then edits the same field always writes a later instant, even if its clock is a little behind;
 * and a desk whose clock runs far ahead never drags the others' clocks with it.
 * (Kulkarni et al., "Logical Physical Clocks", 2014, with the logical part kept in milliseconds.)
 */

/** How far ahead of this desk's clock another desk's instants may be and still move it. */
export const MAX_CLOCK_DRIFT_MS = 5 * 60_000;

/**
 * The instant of a new entry, ISO-8601 UTC: the wall clock; never before this desk's own last
 * entry (a clock set back keeps the log in order); and after the latest instant seen from
 * another desk (so an edit made after reading another desk's comes after it everywhere).
 */
export function hybridInstant(wallMs: number, ownLast: string | null, latestSeen: string | null): string {
  const own = ownLast ? Date.parse(ownLast) : Number.NEGATIVE_INFINITY;
  const seen = latestSeen ? Date.parse(latestSeen) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(wallMs, own, seen + 1)).toISOString();
}

/** Whether another desk's instant may move this desk's clock: not further ahead than the allowed drift. */
export function withinDrift(instant: string, wallMs: number): boolean {
  return Date.parse(instant) <= wallMs + MAX_CLOCK_DRIFT_MS;
}

/**
 * A field's last writer, comparable as text: the entry's instant, then its desk (ties between
 * desks at the same millisecond go to the same desk on every replica).
 */
export function writeStamp(at: string, deskId: string): string {
  return `${at}|${deskId}`;
}
