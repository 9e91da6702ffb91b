import { useEffect, useRef, useState } from 'react';
import { useLanguage, useTexts } from '../app/i18n';
import { useApp, type CashSession, type DayReport } from '../app/navigation';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { colon, differenceText } from './sale-words';
import './DaySummary.css';
import { formatLongDate } from '../../src-shared/dates';
import { formatMoney } from '../../src-shared/money';
import { Breakdown, DAY_WORDS, DayReportButtons, DrawerList, Fact } from './day/DayBreakdown';

/** Screen 10: what the day took in, for the treasurer; printed and filed with the deposit. */
export function DaySummaryScreen({ session, day, backupProblem }: { session: CashSession; day: DayReport; backupProblem: string | null }) {
  const { state, navigate, refresh } = useApp();
  const language = useLanguage();
  const t = useTexts(DAY_WORDS);
  const done = useRef<HTMLButtonElement>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const money = (cents: number) => formatMoney(cents, language);
  const words = { over: t('over'), short: t('short'), even: t('even') };
  // This drawer's own takings, when the day had other drawers too (alone, they are the day's).
  const mine = day.cashSessions.length > 1 ? day.cashSessions.find((s) => s.id === session.id) : undefined;

  useEffect(() => done.current?.focus(), []);

  const finish = async () => {
    await refresh();
    navigate({ name: 'openDrawer' });
  };

  return (
    <section aria-labelledby="day-title" className="day-summary">
      <h1 id="day-title">
        {t('title')} — {formatLongDate(day.date, language)}
      </h1>
      <p className="print-only">
        {state.desk.clubName} — {t('desk')} {state.desk.name}
      </p>
      <p className="no-print">{t('closed', { date: formatLongDate(day.date, language) })}</p>
      {backupProblem ? <Notice kind="error">{t('backupFailed', { problem: backupProblem })}</Notice> : null}
      <div className="actions">
        <Button variant="primary" ref={done} onClick={() => void finish()}>
          {t('done')}
        </Button>
        <DayReportButtons date={day.date} onError={setPdfError} />
      </div>
      {pdfError ? <Notice kind="error">{pdfError}</Notice> : null}

      <h2>{t('thisDrawer')}</h2>
      <dl className="facts day-facts">
        <Fact label={t('float')} value={money(session.floatCents)} />
        <Fact label={t('expected')} value={money(session.expectedCents)} />
        <Fact label={t('counted')} value={session.countedCents === null ? '—' : money(session.countedCents)} />
        <Fact label={t('difference')} value={session.differenceCents === null ? '—' : differenceText(session.differenceCents, language, words)} />
      </dl>
      {session.differenceReason ? (
        <p>
          <strong>
            {t('differenceReason')}
            {colon(language)}
          </strong>
          {session.differenceReason}
        </p>
      ) : null}

      {mine ? (
        <>
          <Breakdown takings={mine} level={3} />
          <h2>{t('wholeDay')}</h2>
        </>
      ) : null}
      <Breakdown takings={day} level={mine ? 3 : 2} />

      <h2>{t('sessions')}</h2>
      <DrawerList day={day} />
    </section>
  );
}
