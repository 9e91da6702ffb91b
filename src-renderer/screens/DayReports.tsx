import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call } from '../app/api';
import { useLanguage, useTexts, wordsOf } from '../app/i18n';
import { homeFor, useApp, type DayReport } from '../app/navigation';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { Breakdown, DAY_WORDS, DayReportButtons, DrawerList } from './day/DayBreakdown';
import './DaySummary.css';
import { formatLongDate } from '../../src-shared/dates';

const TEXTS = wordsOf({
  fr: {
    title: 'Rapport d’une journée',
    date: 'Journée',
    dateHint: 'Aujourd’hui, ou n’importe quelle journée passée.',
    show: 'Afficher',
    back: 'Retour',
    dayOf: 'Journée du {date}',
    drawers: 'Caisses',
    nothing: 'Aucune caisse n’a été ouverte et rien n’a été vendu cette journée-là.',
  },
  en: {
    title: 'A day’s report',
    date: 'Day',
    dateHint: 'Today, or any past day.',
    show: 'Show',
    back: 'Back',
    dayOf: 'Day of {date}',
    drawers: 'Drawers',
    nothing: 'No drawer was opened and nothing was sold that day.',
  },
});

/**
 * Any day's report, today's or a past one, reopened after its drawers closed: the same figures as
 * the summary at closing (a closed day never changes), on screen, printed, or as the PDF.
 */
export function DayReportsScreen({ date }: { date: string | null }) {
  const { state, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const day = useTexts(DAY_WORDS);
  const [typed, setTyped] = useState(date ?? state.today);
  const [report, setReport] = useState<DayReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback(async (wanted: string) => {
    setError(null);
    const result = await call('reports.day', { date: wanted });
    if (result.ok) setReport(result.value);
    else {
      setReport(null);
      setError(result.error.message);
    }
  }, []);

  useEffect(() => {
    void show(date ?? state.today);
  }, [show, date, state.today]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void show(typed);
  };
  const empty = report !== null && report.cashSessions.length === 0 && report.orders.sales + report.orders.voids + report.orders.refunds === 0;

  return (
    <section aria-labelledby="reports-title" className="day-summary">
      <div className="screen-head no-print">
        <h1 id="reports-title">{t('title')}</h1>
        <div className="actions">
          <Button onClick={() => navigate(homeFor(state))}>{t('back')}</Button>
        </div>
      </div>
      <form className="donation-form no-print" onSubmit={submit}>
        <Field label={t('date')} hint={t('dateHint')} type="date" max={state.today} value={typed} onChange={(event) => setTyped(event.target.value)} />
        <Button type="submit">{t('show')}</Button>
      </form>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {report ? (
        <>
          <h2>{t('dayOf', { date: formatLongDate(report.date, language) })}</h2>
          <p className="print-only">
            {state.desk.clubName} — {day('desk')} {state.desk.name}
          </p>
          {empty ? (
            <Notice>{t('nothing')}</Notice>
          ) : (
            <>
              <div className="actions no-print">
                <DayReportButtons date={report.date} onError={setError} />
              </div>
              <Breakdown takings={report} level={3} />
              <h3>{t('drawers')}</h3>
              <DrawerList day={report} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
