import { COMMON, useLanguage, useTexts } from '../app/i18n';
import { homeFor, useApp } from '../app/navigation';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { Table } from '../components/Table';
import { Fact } from './day/DayBreakdown';
import { SYNC_TEXTS, whenSaid, useSyncStatus } from './sync/sync-words';
import { formatShortDateTime } from '../../src-shared/dates';
import { countOf } from '../../src-shared/words';

/**
 * The sync screen (docs/SYNC.md): the server, the last send and receipt, what waits, and what
 * was refused with its reason — the operations themselves never leave the desk unsent.
 */
export function SyncScreen() {
  const { state, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(SYNC_TEXTS);
  const common = useTexts(COMMON);
  const status = useSyncStatus();

  const when = (iso: string | null) => (iso ? whenSaid(iso, language, state.today) : t('never'));
  return (
    <section aria-labelledby="sync-title" className="narrow">
      <div className="screen-head">
        <h1 id="sync-title">{t('title')}</h1>
        <div className="actions">
          <Button onClick={() => navigate(homeFor(state))}>{t('back')}</Button>
        </div>
      </div>
      {!status ? <p role="status">{common('loading')}</p> : null}
      {status && !status.joined ? <Notice>{t('standaloneBody')}</Notice> : null}
      {status?.joined ? (
        <>
          {status.pushRefusal ? <Notice kind="error">{t('refusedPush', { reason: status.pushRefusal })}</Notice> : null}
          {status.lastError ? <Notice kind="warning">{t('offlineBody', { reason: status.lastError })}</Notice> : null}
          {status.clockOffMs !== null ? (
            <Notice kind="warning">{t(status.clockOffMs > 0 ? 'clockAhead' : 'clockBehind', { minutes: Math.round(Math.abs(status.clockOffMs) / 60_000) })}</Notice>
          ) : null}
          {status.synced ? <Notice kind="success">{t('allGood')}</Notice> : null}
          <dl className="facts">
            <Fact label={t('server')} value={status.address ?? ''} />
            <Fact label={t('lastPush')} value={when(status.lastPushAt)} />
            <Fact label={t('lastPull')} value={when(status.lastPullAt)} />
            <Fact label={t('waiting')} value={countOf(status.waiting, 'operation', language)} />
            <Fact label={t('toCheck')} value={countOf(status.toCheck, 'operation', language)} />
          </dl>
          {status.refused.length > 0 ? (
            <section aria-labelledby="refused-title">
              <h2 id="refused-title">{t('refusedTitle')}</h2>
              <Table
                columns={[
                  { header: t('operation'), rowHeader: true, cell: (row) => `${row.action} (no ${row.serverSeq})` },
                  { header: t('writtenAt'), cell: (row) => formatShortDateTime(row.at, language) },
                  { header: t('reason'), cell: (row) => row.problem },
                ]}
                rows={status.refused}
                rowKey={(row) => String(row.serverSeq)}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
