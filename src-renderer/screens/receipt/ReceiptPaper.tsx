import { COMMON, useLanguage, useTexts } from '../../app/i18n';
import { useApp } from '../../app/navigation';
import { Button } from '../../components/Button';
import { Table } from '../../components/Table';
import { OrderLinesTable } from '../../components/OrderLines';
import { formatShortDateTime } from '../../../src-shared/dates';
import { formatMoney } from '../../../src-shared/money';
import { cardBrandName, PAYMENT_METHOD_WORDS } from '../../../src-shared/words';
import type { Change, Order, T } from './receipt-words';

/** The receipt itself: what prints (the header and the buttons do not). */
export function ReceiptPaper({ order, reprint, change, t, onOpen }: { order: Order; reprint: boolean; change: Change; t: T; onOpen: (receiptNumber: string) => void }) {
  const { state } = useApp();
  const language = useLanguage();
  const common = useTexts(COMMON);
  const methods = useTexts(PAYMENT_METHOD_WORDS);
  const money = (cents: number) => formatMoney(cents, language);

  const paymentDetails = (p: Order['payments'][number]): string => {
    switch (p.method) {
      case 'cash':
        return [p.tenderedCents !== null ? t('tendered', { amount: money(p.tenderedCents) }) : '', p.changeCents !== null ? t('change', { amount: money(p.changeCents) }) : '']
          .filter(Boolean)
          .join(', ');
      case 'cheque':
        return t('chequeNo', { n: p.chequeNumber ?? '—', bank: p.bank ?? '—' });
      case 'card':
        return [`${cardBrandName(p.cardBrand, language)}${p.cardLast4 ? ` •••• ${p.cardLast4}` : ''}`.trim(), p.cardAuthCode ? t('auth', { code: p.cardAuthCode }) : '']
          .filter(Boolean)
          .join(', ');
      case 'credit':
        return t('credit');
    }
  };

  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <header className="receipt-head">
        <p className="receipt-club">{state.desk.clubName}</p>
        <p className="receipt-desk">{t('desk', { name: order.deskName })}</p>
        <h1 id="receipt-title">
          {t('title', { n: order.receiptNumber })}
          {reprint ? <span className="receipt-copy"> {t('copy')}</span> : null}
        </h1>
        {order.kind !== 'sale' && order.originalReceiptNumber ? (
          <p className="receipt-kind">{t(order.kind === 'void' ? 'void' : 'refund', { n: order.originalReceiptNumber })}</p>
        ) : null}
      </header>

      {change && order.kind === 'sale' ? <p className="change-big no-print">{t('changeBig', { amount: money(change.changeCents) })}</p> : null}

      <dl className="receipt-facts">
        <div>
          <dt>{t('when')}</dt>
          <dd>{formatShortDateTime(order.createdAt, language)}</dd>
        </div>
        <div>
          <dt>{t('volunteer')}</dt>
          <dd>{order.createdBy}</dd>
        </div>
        <div>
          <dt>{t('member')}</dt>
          <dd>
            {order.member ? (
              <>
                {order.member.firstName} {order.member.lastName}, {common('memberNo')} {order.member.number}
              </>
            ) : (
              t('noMember')
            )}
          </dd>
        </div>
        {order.reason ? (
          <div>
            <dt>{t('reason')}</dt>
            <dd>{order.reason}</dd>
          </div>
        ) : null}
      </dl>

      <OrderLinesTable
        order={order}
        className="receipt-lines"
        footer={
          <tr>
            <th scope="row">{t('total')}</th>
            <td className="amount total">{money(order.totalCents)}</td>
          </tr>
        }
      />

      {order.payments.length > 0 ? (
        <>
          <h2>{t('payments')}</h2>
          <Table
            className="receipt-payments"
            columns={[
              { header: t('method'), cell: (payment) => methods(payment.method) },
              { header: t('details'), cell: (payment) => paymentDetails(payment) },
              { header: t('amount'), numeric: true, cell: (payment) => money(payment.amountCents) },
            ]}
            rows={order.payments}
            rowKey={(payment) => payment.id}
          />
        </>
      ) : null}

      {order.kind !== 'sale' && order.originalReceiptNumber ? (
        <p className="no-print">
          <Button variant="link" onClick={() => onOpen(order.originalReceiptNumber!)}>
            {t('seeReceipt', { n: order.originalReceiptNumber })}
          </Button>
        </p>
      ) : null}
      {order.correctedBy.map((c) => (
        <div key={c.receiptNumber} className="receipt-corrected">
          <p>{t(c.kind === 'void' ? 'voidedBy' : 'refundedBy', { n: c.receiptNumber })}</p>
          <Button variant="link" className="no-print" onClick={() => onOpen(c.receiptNumber)}>
            {t('seeReceipt', { n: c.receiptNumber })}
          </Button>
        </div>
      ))}
    </article>
  );
}

