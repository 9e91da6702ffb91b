import { useState, type ReactNode } from 'react';
import { call } from '../../app/api';
import { printDocument } from '../../app/documents';
import { Notice } from '../../components/Notice';
import { COMMON, useLanguage, useTexts } from '../../app/i18n';
import { useApp } from '../../app/navigation';
import { Button } from '../../components/Button';
import { RegistrationPayment } from '../../components/RegistrationPayment';
import { Table, type Column } from '../../components/Table';
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
  const { navigate } = useApp();
  const activity = roster.activity;
  const [printError, setPrintError] = useState<string | null>(null);
  // A member on the list: the name opens their profile, the button asks before cancelling.
  const person: Column<Registration> = {
    header: t('person'),
    rowHeader: true,
    cell: (r) => (
      <Button variant="link" onClick={() => navigate({ name: 'member', number: r.memberNumber })}>
        {r.lastName}, {r.firstName}
      </Button>
    ),
  };
  const memberNo: Column<Registration> = { header: COMMON[language].memberNo, cell: (r) => r.memberNumber };
  const phone: Column<Registration> = { header: t('phone'), className: 'nowrap', cell: (r) => r.phone ?? '—' };
  const cancel: Column<Registration> = {
    header: <span className="visually-hidden">{t('action')}</span>,
    cell: (r) => {
      const label = r.status === 'waitlisted' ? t('removeWait') : t('cancelReg');
      return (
        <Button variant="danger" aria-label={t('labelFor', { action: label, name: fullName(r) })} disabled={busy} onClick={() => onAsk({ kind: 'cancel', activity, registration: r })}>
          {label}
        </Button>
      );
    },
  };
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
        <Button onClick={() => void printDocument(call('documents.roster', { code: activity.code }), 'report').then(setPrintError)}>{t('printList')}</Button>
        <Button onClick={onBack}>{t('backToList')}</Button>
      </div>
      {printError ? <Notice kind="error">{printError}</Notice> : null}

      <h3>{t('registeredList', { n: roster.registered.length })}</h3>
      {roster.registered.length === 0 ? (
        <p>{t('nobody')}</p>
      ) : (
        <Table
          columns={[person, memberNo, phone, { header: t('paid'), cell: (r) => <RegistrationPayment registration={r} /> }, cancel]}
          rows={roster.registered}
          rowKey={(r) => r.id}
        />
      )}

      <h3>{t('waitlistList', { n: roster.waitlist.length })}</h3>
      {roster.waitlist.length === 0 ? (
        <p>{t('nobodyWaiting')}</p>
      ) : (
        <Table
          columns={[{ header: t('rank'), cell: (r) => r.waitlistPosition ?? roster.waitlist.indexOf(r) + 1 }, person, memberNo, phone, cancel]}
          rows={roster.waitlist}
          rowKey={(r) => r.id}
        />
      )}
    </section>
  );
}
