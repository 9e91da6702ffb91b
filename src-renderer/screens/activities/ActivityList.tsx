import type { ReactNode } from 'react';
import { COMMON, useLanguage, useTexts } from '../../app/i18n';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { ACTIVITIES_TEXTS } from './activities-words';
import { seasonsOf, type Activity } from './activity-data';
import { formatMoney } from '../../../src-shared/money';

interface ActivityListProps {
  /** Null while the list is being read. */
  activities: Activity[] | null;
  /** The season shown; '' shows them all (with a season column). */
  season: string | null;
  onSeason: (season: string) => void;
  /** Adds the « Pour ce membre » column when a member is at hand. */
  withMember: boolean;
  memberAction: (activity: Activity) => ReactNode;
  onOpen: (code: string) => void;
}

/** The season's activities in a table: each name opens its roster, and the last column acts for the member at hand. */
export function ActivityList({ activities, season, onSeason, withMember, memberAction, onOpen }: ActivityListProps) {
  const t = useTexts(ACTIVITIES_TEXTS);
  const language = useLanguage();
  const seasons = activities ? seasonsOf(activities) : [];
  const shown = (activities ?? []).filter((activity) => !season || activity.season === season);
  return (
    <>
      <div className="season-row">
        <div className="field">
          <label htmlFor="season">{t('season')}</label>
          <select id="season" value={season ?? ''} onChange={(event) => onSeason(event.target.value)}>
            {seasons.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value="">{t('allSeasons')}</option>
          </select>
        </div>
        <p className="hint">{t('chooseHint')}</p>
      </div>
      {activities === null ? (
        <p role="status">{COMMON[language].loading}</p>
      ) : shown.length === 0 ? (
        <Notice>{t('none')}</Notice>
      ) : (
        <div className="table-scroll">
          <Table
            className="activity-table"
            columns={[
              { header: t('code'), className: 'code', cell: (activity: Activity) => activity.code },
              {
                header: t('name'),
                rowHeader: true,
                className: 'name',
                cell: (activity: Activity) => (
                  <Button variant="link" id={`open-${activity.code}`} onClick={() => onOpen(activity.code)}>
                    {activity.name}
                  </Button>
                ),
              },
              ...(season ? [] : [{ header: t('season'), cell: (activity: Activity) => activity.season }]),
              { header: t('leader'), cell: (activity: Activity) => activity.leader ?? '—' },
              { header: t('schedule'), cell: (activity: Activity) => activity.schedule ?? '—' },
              { header: t('place'), cell: (activity: Activity) => activity.place ?? '—' },
              { header: t('price'), numeric: true, cell: (activity: Activity) => <ActivityPrice activity={activity} /> },
              { header: t('places'), cell: (activity: Activity) => <PlacesLeft activity={activity} /> },
              { header: t('membership'), cell: (activity: Activity) => (activity.membershipRequired ? COMMON[language].yes : COMMON[language].no) },
              ...(withMember ? [{ header: t('action'), className: 'member-action', cell: (activity: Activity) => memberAction(activity) }] : []),
            ]}
            rows={shown}
            rowKey={(activity) => activity.id}
            rowClassName={(activity) => (activity.placesLeft === 0 ? 'is-full' : undefined)}
          />
        </div>
      )}
    </>
  );
}

/** The price, or « Gratuit »: written the same in the table and on the roster. */
export function ActivityPrice({ activity }: { activity: Activity }) {
  const t = useTexts(ACTIVITIES_TEXTS);
  const language = useLanguage();
  return <>{activity.priceCents > 0 ? formatMoney(activity.priceCents, language) : t('free')}</>;
}

/** Places left out of the capacity; a full activity says so in words, with how many wait. */
export function PlacesLeft({ activity }: { activity: Activity }) {
  const t = useTexts(ACTIVITIES_TEXTS);
  if (activity.placesLeft === null) return <>{t('unlimited')}</>;
  if (activity.placesLeft === 0) {
    return (
      <>
        <strong>{t('full')}</strong>
        {activity.waitlistCount > 0 ? <> — {t('fullWaiting', { n: activity.waitlistCount })}</> : null}
      </>
    );
  }
  return <>{t('left', { n: activity.placesLeft, cap: activity.capacity ?? '' })}</>;
}
