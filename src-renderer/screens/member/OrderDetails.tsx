import { OrderLinesTable } from '../../components/OrderLines';
import { formatLongDate } from '../../../src-shared/dates';
import type { Language } from '../../../src-shared/language';
import { cardBrandName, ORDER_KIND_WORDS, PAYMENT_METHOD_WORDS } from '../../../src-shared/words';
import { formatMoney } from '../../../src-shared/money';
import { type Order, type Payment, type T } from './member-words';

function paymentText(payment: Payment, t: T, language: Language): string {
  const parts: string[] = [];
  if (payment.method === 'cheque' && (payment.chequeNumber || payment.bank)) {
    parts.push(t('cheque', { n: payment.chequeNumber ?? '?', bank: payment.bank ?? '' }).replace(/, $/, ''));
  }
  if (payment.method === 'card') {
    const brand = cardBrandName(payment.cardBrand, language);
    if (payment.cardLast4) parts.push(t('card', { brand, last4: payment.cardLast4 }).trim());
    else if (brand) parts.push(brand);
    if (payment.cardAuthCode) parts.push(t('cardAuth', { code: payment.cardAuthCode }));
  }
  if (payment.method === 'cash' && payment.tenderedCents !== null) {
    parts.push(t('tendered', { t: formatMoney(payment.tenderedCents, language), c: formatMoney(payment.changeCents ?? 0, language) }));
  }
  return parts.join(t('sep'));
}

/** One order of « Transactions »: receipt, date, kind, lines, total and how it was paid. */
export function OrderDetails({ order, t, language }: { order: Order; t: T; language: Language }) {
  const titleId = `order-${order.id}`;
  return (
    <section aria-labelledby={titleId} className={`order order-${order.kind}`}>
      <h3 id={titleId}>
        {t('receipt', { n: order.receiptNumber })} — {formatLongDate(order.businessDate, language)} — <span className="order-kind">{ORDER_KIND_WORDS[language][order.kind]}</span>
      </h3>
      <p className="order-meta">
        {t('by', { who: order.createdBy, desk: order.deskName })}
        {order.originalReceiptNumber ? <> · {t('corrects', { n: order.originalReceiptNumber })}</> : null}
        {order.correctedBy.map((correction) => (
          <span key={correction.receiptNumber}> · {t(correction.kind === 'refund' ? 'correctedBy_refund' : 'correctedBy_void', { n: correction.receiptNumber })}</span>
        ))}
        {order.reason ? <> · {t('reason', { r: order.reason })}</> : null}
      </p>
      <OrderLinesTable
        order={order}
        className="order-lines"
        footer={
          <>
            <tr className="total">
              <th scope="row">{t('total')}</th>
              <td className="amount">{formatMoney(order.totalCents, language)}</td>
            </tr>
            {order.payments.map((payment) => {
              const details = paymentText(payment, t, language);
              return (
                <tr key={payment.id} className="order-payment">
                  <th scope="row">
                    {t('payments', { method: PAYMENT_METHOD_WORDS[language][payment.method] })}
                    {details ? <span className="payment-details"> — {details}</span> : null}
                  </th>
                  <td className="amount">{formatMoney(payment.amountCents, language)}</td>
                </tr>
              );
            })}
          </>
        }
      />
    </section>
  );
}

