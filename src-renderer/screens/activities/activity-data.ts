import type { Output } from '../../app/api';

/** The core's answers, named once so that the screen and its parts agree on their shape. */
export type Activity = Output<'activities.list'>[number];
export type Roster = Output<'activities.roster'>;
export type Registration = Roster['registered'][number];
export type Profile = Output<'members.profile'>;

/** Seasons, newest first: by the first start date of their activities, then by name. */
export function seasonsOf(activities: Activity[]): string[] {
  const firstStart = new Map<string, string>();
  for (const activity of activities) {
    const start = activity.startsOn ?? '';
    const known = firstStart.get(activity.season);
    if (known === undefined || (start && (known === '' || start < known))) firstStart.set(activity.season, start);
  }
  return [...firstStart.keys()].sort((a, b) => (firstStart.get(b) ?? '').localeCompare(firstStart.get(a) ?? '') || b.localeCompare(a, 'fr'));
}

/** A person as the volunteer says it: first name, then last name. */
export { fullName } from '../../app/format';
