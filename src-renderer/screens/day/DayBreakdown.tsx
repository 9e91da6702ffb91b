import { call } from '../../app/api';
import { printDocument, savePdf } from '../../app/documents';
import { useLanguage, useTexts, withWords, wordsOf } from '../../app/i18n';
import { Button } from '../../components/Button';
import type { DayReport } from '../../app/navigation';
import { Table } from '../../components/Table';
import { differenceText } from '../sale-words';
import { formatClockTime, formatShortDateTime } from '../../../src-shared/dates';
import { formatMoney, formatSignedMoney } from '../../../src-shared/money';
import { countOf, lineLabel, LINE_KIND_TOTAL_WORDS, ORDER_KIND_WORDS, PAYMENT_METHOD_WORDS, REPORT_WORDS } from '../../../src-shared/words';

/**
 * A day's report as the screens show it — what was sold, paid and corrected, and each drawer —
 * shared by the day summary after a close and the report of any past day.
 */
const TEXTS = wordsOf({
  fr: {
    title: 'Résumé de la journée',
    closed: 'La caisse est fermée. Voici le résumé de la journée du {date}, pour la trésorière ou le trésorier.',
    thisDrawer: 'Cette caisse',
    expected: 'Attendu',
    difference: 'Écart',
    correctionReason: 'Raison',
    over: 'surplus',
    short: 'manque',
    even: 'juste',
    transactions: 'Transactions',
    sales: 'Ventes',
    voids: 'Annulations',
    refunds: 'Remboursements',
    net: 'Total net',
    chequesTotal: 'Total des chèques',
    noCheques: 'Aucun chèque aujourd’hui.',
    cardLine: '{count}, total {amount}',
    noCorrections: 'Aucune annulation ni aucun remboursement ce jour-là.',
    original: 'Reçu d’origine',
    when: 'Heure',
    sessions: 'Caisses de la journée',
    opened: 'Ouverte par',
    closedBy: 'Fermée par',
    inOut: 'Entrées / sorties',
    stillOpen: 'encore ouverte',
    nothing: 'Rien à signaler.',
    print: 'Imprimer',
    pdf: 'Rapport du jour en PDF',
    done: 'Terminé',
    backupFailed: 'La copie de sauvegarde de la fermeture n’a pas pu être faite : {problem} La caisse est bien fermée ; prévenez le responsable.',
  },
  en: {
    title: 'Day summary',
    closed: 'The drawer is closed. Here is the summary of {date}, for the treasurer.',
    thisDrawer: 'This drawer',
    expected: 'Expected',
    difference: 'Difference',
    correctionReason: 'Reason',
    over: 'over',
    short: 'short',
    even: 'even',
    transactions: 'Transactions',
    sales: 'Sales',
    voids: 'Voids',
    refunds: 'Refunds',
    net: 'Net total',
    chequesTotal: 'Cheques total',
    noCheques: 'No cheques today.',
    cardLine: '{count}, total {amount}',
    noCorrections: 'No voids or refunds that day.',
    original: 'Original receipt',
    when: 'Time',
    sessions: 'The day’s drawers',
    opened: 'Opened by',
    closedBy: 'Closed by',
    inOut: 'In / out',
    stillOpen: 'still open',
    nothing: 'Nothing to report.',
    print: 'Print',
    pdf: 'Day report as PDF',
    done: 'Done',
    backupFailed: 'The closing backup could not be made: {problem} The drawer is closed all the same; tell the person in charge.',
  },
});

/** The report's own words (src-shared) and this screen's. */
export const DAY_WORDS = withWords(REPORT_WORDS, TEXTS);

/** The breakdowns a day and each of its drawers share. */
type Takings = Pick<DayReport, 'orders' | 'byMethod' | 'byLineKind' | 'byActivity' | 'cheques' | 'card' | 'corrections' | 'priceChanges'>;

/** What was sold, paid and corrected: the whole day's, or one drawer's. */
export function Breakdown({ takings, level }: { takings: Takings; level: 2 | 3 }) {
  const language = useLanguage();
  const t = useTexts(DAY_WORDS);
  const methods = useTexts(PAYMENT_METHOD_WORDS);
  const kinds = useTexts(LINE_KIND_TOTAL_WORDS);
  const money = (cents: number) => formatMoney(cents, language);
  const Heading = level === 2 ? 'h2' : 'h3';

  return (
    <>
      <Heading>{t('transactions')}</Heading>
      <dl className="facts day-facts">
        <Fact label={t('sales')} value={String(takings.orders.sales)} />
        <Fact label={t('voids')} value={String(takings.orders.voids)} />
        <Fact label={t('refunds')} value={String(takings.orders.refunds)} />
        <Fact label={t('net')} value={money(takings.orders.netTotalCents)} />
      </dl>

      <div className="day-columns">
        <div>
          <Heading>{t('byMethod')}</Heading>
          <CountTotalTable
            labelHeader={t('method')}
            rows={takings.byMethod.map((row) => ({ key: row.method, label: methods(row.method), count: row.count, totalCents: row.totalCents }))}
          />
        </div>
        <div>
          <Heading>{t('byKind')}</Heading>
          <CountTotalTable
            labelHeader={t('kind')}
            rows={takings.byLineKind.map((row) => ({ key: row.kind, label: kinds(row.kind), count: row.count, totalCents: row.totalCents }))}
          />
        </div>
      </div>

      {takings.byActivity.length > 0 ? (
        <>
          <Heading>{t('byActivity')}</Heading>
          <Table
            columns={[
              { header: t('activity'), rowHeader: true, cell: (row) => <>{row.name} <span className="day-code">({row.code})</span></> },
              { header: t('count'), numeric: true, cell: (row) => row.count },
              { header: t('total'), numeric: true, cell: (row) => money(row.totalCents) },
            ]}
            rows={takings.byActivity}
            rowKey={(row) => row.code}
          />
        </>
      ) : null}

      <Heading>{t('cheques')}</Heading>
      {takings.cheques.items.length === 0 ? (
        <p>{t('noCheques')}</p>
      ) : (
        <Table
          columns={[
            { header: t('receipt'), className: 'nowrap', cell: (c) => c.receiptNumber },
            { header: t('chequeNo'), cell: (c) => c.chequeNumber },
            { header: t('bank'), cell: (c) => c.bank },
            { header: t('amount'), numeric: true, cell: (c) => money(c.amountCents) },
          ]}
          rows={takings.cheques.items}
          rowKey={(c) => `${c.receiptNumber}-${c.chequeNumber}`}
          footer={
            <tr>
              <th scope="row" colSpan={3}>
                {t('chequesTotal')}
              </th>
              <td className="amount total">{money(takings.cheques.totalCents)}</td>
            </tr>
          }
        />
      )}

      <Heading>{t('cards')}</Heading>
      <p>{t('cardLine', { count: countOf(takings.card.count, 'cardPayment', language), amount: money(takings.card.totalCents) })}</p>

      <Heading>{t('corrections')}</Heading>
      {takings.corrections.length === 0 ? (
        <p>{t('noCorrections')}</p>
      ) : (
        <Table
          columns={[
            { header: t('kind'), cell: (c) => ORDER_KIND_WORDS[language][c.kind] },
            { header: t('receipt'), className: 'nowrap', cell: (c) => c.receiptNumber },
            { header: t('original'), className: 'nowrap', cell: (c) => c.originalReceiptNumber },
            { header: t('amount'), numeric: true, cell: (c) => money(c.totalCents) },
            { header: t('correctionReason'), cell: (c) => c.reason ?? '—' },
            { header: t('by'), cell: (c) => c.by },
            { header: t('when'), className: 'nowrap', cell: (c) => formatClockTime(c.createdAt, language) },
          ]}
          rows={takings.corrections}
          rowKey={(c) => c.receiptNumber}
        />
      )}

      {takings.priceChanges.length > 0 ? (
        <>
          <Heading>{t('priceChanges')}</Heading>
          <Table
            columns={[
              { header: t('receipt'), className: 'nowrap', cell: (c) => c.receiptNumber },
              { header: t('kind'), cell: (c) => lineLabel({ kind: c.kind, activityName: c.activityName }, language) },
              { header: t('clubPrice'), numeric: true, cell: (c) => money(c.listPriceCents) },
              { header: t('soldAt'), numeric: true, cell: (c) => money(c.amountCents) },
              { header: t('priceReason'), cell: (c) => c.reason },
              { header: t('by'), cell: (c) => c.by },
            ]}
            rows={takings.priceChanges}
            rowKey={(c, i) => `${c.receiptNumber}-${i}`}
          />
        </>
      ) : null}
    </>
  );
}

/** Each drawer of the day: who opened and closed it, its cash from the float to the count. */
export function DrawerList({ day }: { day: DayReport }) {
  const language = useLanguage();
  const t = useTexts(DAY_WORDS);
  const money = (cents: number) => formatMoney(cents, language);
  const words = { over: t('over'), short: t('short'), even: t('even') };
  return (
      <div className="day-sessions">
      {day.cashSessions.map((s) => (
        <article key={s.id} className="day-session" aria-label={`${t('desk')} ${s.deskName}, ${formatShortDateTime(s.openedAt, language)}`}>
          <h3>
            {t('desk')} {s.deskName}
          </h3>
          <dl>
            <Row label={t('opened')} value={`${s.openedBy}, ${formatClockTime(s.openedAt, language)}`} />
            <Row label={t('closedBy')} value={s.closedBy && s.closedAt ? `${s.closedBy}, ${formatClockTime(s.closedAt, language)}` : t('stillOpen')} />
            <Row label={t('float')} value={money(s.floatCents)} />
            <Row label={t('cashSales')} value={money(s.cashSalesCents)} />
            <Row label={t('inOut')} value={`${formatSignedMoney(s.cashInCents, language)} / ${formatSignedMoney(-s.cashOutCents, language)}`} />
            <Row label={t('expected')} value={money(s.expectedCents)} />
            <Row label={t('counted')} value={s.countedCents === null ? '—' : money(s.countedCents)} />
            <Row label={t('difference')} value={s.differenceCents === null ? '—' : differenceText(s.differenceCents, language, words)} strong />
            {s.differenceReason ? <Row label={t('differenceReason')} value={s.differenceReason} /> : null}
          </dl>
        </article>
      ))}
    </div>
  );
}

/** A breakdown as a table of label, count and total (by payment method, by kind of line). */
function CountTotalTable({ labelHeader, rows }: { labelHeader: string; rows: { key: string; label: string; count: number; totalCents: number }[] }) {
  const language = useLanguage();
  const t = useTexts(DAY_WORDS);
  return (
    <Table
      columns={[
        { header: labelHeader, rowHeader: true, cell: (row) => row.label },
        { header: t('count'), numeric: true, cell: (row) => row.count },
        { header: t('total'), numeric: true, cell: (row) => formatMoney(row.totalCents, language) },
      ]}
      rows={rows}
      rowKey={(row) => row.key}
      empty={t('nothing')}
    />
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'day-row day-row-strong' : 'day-row'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function Fact({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'fact fact-strong' : 'fact'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** « Imprimer » and « Enregistrer en PDF » for a day's report: the same PDF, printed or saved. */
export function DayReportButtons({ date, onError }: { date: string; onError: (message: string | null) => void }) {
  const t = useTexts(DAY_WORDS);
  return (
    <>
      <Button onClick={() => void printDocument(call('documents.dayReport', { date }), 'report').then(onError)}>{t('print')}</Button>
      <Button onClick={() => void call('documents.dayReport', { date }).then(async (file) => onError(file.ok ? await savePdf(file.value) : file.error.message))}>
        {t('pdf')}
      </Button>
    </>
  );
}
