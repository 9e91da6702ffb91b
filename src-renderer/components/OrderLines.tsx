import type { ReactNode } from 'react';
import type { Output } from '../app/api';
import { useLanguage, useTexts, wordsOf } from '../app/i18n';
import { formatLongDate } from '../../src-shared/dates';
import { formatMoney, formatSignedMoney } from '../../src-shared/money';
import { lineLabel } from '../../src-shared/words';
import { Table } from './Table';

/** An order as any screen holds it (a receipt, a member's transactions). */
type Order = Pick<Output<'orders.get'>, 'lines' | 'member'>;
type Line = Order['lines'][number];

const TEXTS = wordsOf({
  fr: {
    item: 'Article',
    amount: 'Montant',
    forMember: 'pour {name}, no de membre {n}',
    clubPrice: 'prix du club : {amount}',
    period: 'Adhésion du {from} au {to}',
    periodVoided: '(annulée)',
  },
  en: {
    item: 'Item',
    amount: 'Amount',
    forMember: 'for {name}, member no. {n}',
    clubPrice: 'club price: {amount}',
    period: 'Membership from {from} to {to}',
    periodVoided: '(voided)',
  },
});

/**
 * What a line of an order says, in the reader's language: its words, then for whom (when not the
 * order's member), the club's price (when lowered), when and where an activity meets, and the
 * membership period it paid for.
 */
export function OrderLineLabel({ line, orderMemberNumber }: { line: Line; orderMemberNumber: number | null }) {
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const meets = [line.activitySchedule, line.activityPlace].filter(Boolean).join(' — ');
  return (
    <>
      <span className="line-label">{lineLabel(line, language)}</span>
      {line.memberNumber !== null && line.memberNumber !== orderMemberNumber ? (
        <span className="line-note"> ({t('forMember', { name: line.memberName ?? '', n: line.memberNumber })})</span>
      ) : null}
      {line.listPriceCents !== null ? <span className="line-note"> ({t('clubPrice', { amount: formatMoney(line.listPriceCents, language) })})</span> : null}
      {meets ? <span className="line-period">{meets}</span> : null}
      {line.period ? (
        <span className="line-period">
          {t('period', { from: formatLongDate(line.period.startsOn, language), to: formatLongDate(line.period.endsOn, language) })}
          {line.period.voided ? ` ${t('periodVoided')}` : ''}
        </span>
      ) : null}
    </>
  );
}

/**
 * An order's lines as every screen shows them — the receipt, « Mon profil »'s transactions —
 * with the footer each screen adds (the total, the payments).
 */
export function OrderLinesTable({ order, className, footer }: { order: Order; className: string; footer: ReactNode }) {
  const language = useLanguage();
  const t = useTexts(TEXTS);
  return (
    <Table
      className={className}
      columns={[
        { header: t('item'), cell: (line) => <OrderLineLabel line={line} orderMemberNumber={order.member?.number ?? null} /> },
        {
          header: t('amount'),
          numeric: true,
          cell: (line) => (line.kind === 'rounding' ? formatSignedMoney(line.amountCents, language) : formatMoney(line.amountCents, language)),
        },
      ]}
      rows={order.lines}
      rowKey={(line) => line.id}
      rowClassName={(line) => (line.kind === 'rounding' ? 'line-rounding' : undefined)}
      footer={footer}
    />
  );
}
