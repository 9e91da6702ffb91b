import type { ReactNode } from 'react';
import { COMMON, useLanguage, useTexts } from '../../app/i18n';
import { useApp } from '../../app/navigation';
import { Button } from '../../components/Button';
import { ACTIVITIES_TEXTS } from './activities-words';
import { fullName, type Activity, type Registration, type Roster as RosterData } from './activity-data';
import { ActivityPrice, PlacesLeft } from './ActivityList';
import type { Asking } from './RegistrationDialog';
import { formatLongDate } from '../../../src-shared/dates';

interface RosterProps {
  roster: RosterData;
  memberAction: (activity: Activity) => ReactNode;
  busy: boolean;
  onAsk: (asking: Asking) => void;
  onBack: () => void;
}

/** One activity's facts, who is registered and who waits, each with a way to cancel. */
export function Roster({ roster, memberAction, busy, onAsk, onBack }: RosterProps) {
  const t = useTexts(ACTIVITIES_TEXTS);
  const language = useLanguage();
  const activity = roster.activity;
  return (
    <section aria-labelledby="roster-title" className="roster">
      <h2 id="roster-title" tabIndex={-1}>
        {t('rosterOf', { activity: activity.name })} <span className="muted">({activity.code})</span>
      </h2>
      <dl className="roster-facts">
        <div>
          <dt>{t('season')}</dt>
          <dd>{activity.season}</dd>
        </div>
        {activity.startsOn && activity.endsOn ? (
          <div>
            <dt>{t('schedule')}</dt>
            <dd>
              {activity.schedule ? `${activity.schedule} — ` : ''}
              {t('dates', { from: formatLongDate(activity.startsOn, language), to: formatLongDate(activity.endsOn, language) })}
            </dd>
          </div>
        ) : activity.schedule ? (
          <div>
            <dt>{t('schedule')}</dt>
            <dd>{activity.schedule}</dd>
          </div>
        ) : null}
        {activity.leader ? (
          <div>
            <dt>{t('leader')}</dt>
            <dd>{activity.leader}</dd>
          </div>
        ) : null}
        {activity.place ? (
          <div>
            <dt>{t('place')}</dt>
            <dd>{activity.place}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('price')}</dt>
          <dd>
            <ActivityPrice activity={activity} />
          </dd>
        </div>
        <div>
          <dt>{t('places')}</dt>
          <dd>
            <PlacesLeft activity={activity} />
          </dd>
        </div>
      </dl>
      <div className="actions">
        {memberAction(activity)}
        <Button onClick={onBack}>{t('backToList')}</Button>
      </div>

      <h3>{t('registeredList', { n: roster.registered.length })}</h3>
      {roster.registered.length === 0 ? (
        <p>{t('nobody')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('person')}</th>
              <th scope="col">{COMMON[language].memberNo}</th>
              <th scope="col">{t('paid')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roster.registered.map((registration) => (
              <RosterRow key={registration.id} registration={registration} activity={activity} busy={busy} onAsk={onAsk} />
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('waitlistList', { n: roster.waitlist.length })}</h3>
      {roster.waitlist.length === 0 ? (
        <p>{t('nobodyWaiting')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rank')}</th>
              <th scope="col">{t('person')}</th>
              <th scope="col">{COMMON[language].memberNo}</th>
              <th scope="col">
                <span className="visually-hidden">{t('action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roster.waitlist.map((registration, i) => (
              <RosterRow
                key={registration.id}
                registration={registration}
                activity={activity}
                rank={registration.waitlistPosition ?? i + 1}
                busy={busy}
                onAsk={onAsk}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A member on the list: the name opens their profile, the button asks before cancelling. */
function RosterRow({
  registration,
  activity,
  rank,
  busy,
  onAsk,
}: {
  registration: Registration;
  activity: Activity;
  rank?: number;
  busy: boolean;
  onAsk: (asking: Asking) => void;
}) {
  const { navigate } = useApp();
  const t = useTexts(ACTIVITIES_TEXTS);
  const name = fullName(registration);
  const waiting = registration.status === 'waitlisted';
  const label = waiting ? t('removeWait') : t('cancelReg');
  return (
    <tr>
      {rank !== undefined ? <td>{rank}</td> : null}
      <th scope="row">
        <Button variant="link" onClick={() => navigate({ name: 'member', number: registration.memberNumber })}>
          {registration.lastName}, {registration.firstName}
        </Button>
      </th>
      <td>{registration.memberNumber}</td>
      {!waiting ? <td>{registration.paid ? t('paidYes') : t('paidNo')}</td> : null}
      <td>
        <Button variant="danger" aria-label={t('labelFor', { action: label, name })} disabled={busy} onClick={() => onAsk({ kind: 'cancel', activity, registration })}>
          {label}
        </Button>
      </td>
    </tr>
  );
}
