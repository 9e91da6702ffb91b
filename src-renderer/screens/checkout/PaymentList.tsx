import type { RefObject } from 'react';
import { useLanguage, useTexts } from '../../app/i18n';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { colon } from '../sale-words';
import { CHECKOUT_TEXTS, useMoney } from './checkout-words';
import type { ExactPayment } from './PaymentForms';
import { cardBrandName, PAYMENT_METHOD_WORDS } from '../../../src-shared/words';

/** A payment in words, the same in the list and in the sale's confirmation. */
export function PaymentLabel({ payment }: { payment: ExactPayment }) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const methods = useTexts(PAYMENT_METHOD_WORDS);
  switch (payment.method) {
    case 'cheque':
      return <>{t('chequeLabel', { number: payment.chequeNumber, bank: payment.bank })}</>;
    case 'card': {
      const brand = cardBrandName(payment.approval.brand ?? null, language);
      const last4 = payment.approval.last4 ? ` •••• ${payment.approval.last4}` : '';
      return (
        <>
          {t('cardLabel', { brand: `${brand}${last4}`.trim() })}, {t('authLabel', { code: payment.approval.authCode })}
        </>
      );
    }
    case 'credit':
      return <>{methods('credit')}</>;
  }
}

interface PaymentListProps {
  payments: ExactPayment[];
  cash: boolean;
  /** The cash still due once the other payments are counted; null while the first quote is awaited. */
  cashDueCents: number | null;
  tendered: string;
  tenderedError: string | null;
  tenderedInput: RefObject<HTMLInputElement | null>;
  onTendered: (text: string) => void;
  /** Enter in « Montant remis » checks out, as « Encaisser » does. */
  onCheckout: () => void;
  onRemove: (index: number) => void;
  onRemoveCash: () => void;
}

/** The payments added so far, each with its « Retirer »; cash last, with the amount tendered. */
export function PaymentList({ payments, cash, cashDueCents, tendered, tenderedError, tenderedInput, onTendered, onCheckout, onRemove, onRemoveCash }: PaymentListProps) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const methods = useTexts(PAYMENT_METHOD_WORDS);
  const money = useMoney();
  return (
    <ul className="payment-list" aria-label={t('paymentsTitle')}>
      {payments.map((payment, index) => (
        <li key={index} className="payment-item">
          <span className="payment-label">
            <PaymentLabel payment={payment} />
          </span>
          <span className="amount">{money(payment.amountCents)}</span>
          <Button onClick={() => onRemove(index)} aria-label={`${t('remove')}${colon(language)}${methods(payment.method)} ${money(payment.amountCents)}`}>
            {t('remove')}
          </Button>
        </li>
      ))}
      {cash ? (
        <li className="payment-item payment-cash">
          <span className="payment-label">
            <strong>{methods('cash')}</strong>
            {cashDueCents !== null && cashDueCents > 0 ? (
              <span className="line-note">
                {' '}
                — {t('cashDue')}
                {colon(language)}
                {money(cashDueCents)}
              </span>
            ) : null}
          </span>
          <form
            className="tendered-form"
            onSubmit={(event) => {
              event.preventDefault();
              onCheckout();
            }}
          >
            <Field
              ref={tenderedInput}
              label={t('tendered')}
              hint={t('tenderedHint')}
              inputMode="decimal"
              autoComplete="off"
              className="tendered-field"
              value={tendered}
              error={tenderedError}
              onChange={(event) => onTendered(event.target.value)}
            />
          </form>
          <Button onClick={onRemoveCash}>{t('removeCash')}</Button>
        </li>
      ) : null}
    </ul>
  );
}
