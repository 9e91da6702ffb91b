import { COMMON, useLanguage, useTexts } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { colon } from '../sale-words';
import { CHECKOUT_TEXTS, useMoney } from './checkout-words';
import type { ExactPayment } from './PaymentForms';
import { PaymentLabel } from './PaymentList';
import type { Quote } from './quote';
import { PAYMENT_METHOD_WORDS } from '../../../src-shared/words';

/** The question the cart is asking, if any: each one guards a step that cannot be taken back. */
export type CheckoutDialog = { kind: 'sale' } | { kind: 'force'; index?: number } | { kind: 'clear' } | { kind: 'leave' } | { kind: 'removeCard'; index: number } | null;

interface CheckoutDialogsProps {
  dialog: CheckoutDialog;
  /** The quote for the cart exactly as it is: the sale is confirmed on these figures only. */
  fresh: Quote | null;
  payments: ExactPayment[];
  cash: boolean;
  tenderedCents: number | null;
  busy: boolean;
  /** A card was approved at the terminal: leaving or emptying the cart does not undo that. */
  cardPaid: boolean;
  onSale: () => void;
  /** Renew twice on purpose: the one line the cart flagged, or (after a refused sale) every renewal. */
  onRenewAnyway: (index?: number) => void;
  onClear: () => void;
  onLeave: () => void;
  onRemovePayment: (index: number) => void;
  onClose: () => void;
}

export function CheckoutDialogs({
  dialog,
  fresh,
  payments,
  cash,
  tenderedCents,
  busy,
  cardPaid,
  onSale,
  onRenewAnyway,
  onClear,
  onLeave,
  onRemovePayment,
  onClose,
}: CheckoutDialogsProps) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const common = useTexts(COMMON);
  const methods = useTexts(PAYMENT_METHOD_WORDS);
  const money = useMoney();
  // Cash is rounded to 5 ¢: the sale's total is then the rounded one.
  const saleTotal = (q: Quote) => q.totalCents + (cash ? q.roundingCents : 0);
  return (
    <>
      {dialog?.kind === 'sale' && fresh ? (
        <ConfirmDialog
          title={t('confirmTitle', { amount: money(saleTotal(fresh)) })}
          confirmLabel={t('confirmOk')}
          cancelLabel={common('back')}
          busy={busy}
          onConfirm={onSale}
          onCancel={onClose}
        >
          <ul className="confirm-list">
            {payments.map((payment, index) => (
              <li key={index}>
                <PaymentLabel payment={payment} />
                {colon(language)}
                {money(payment.amountCents)}
              </li>
            ))}
            {cash ? (
              <li>
                {methods('cash')}
                {colon(language)}
                {money(fresh.cashDueCents)} ({t('confirmTendered', { amount: money(tenderedCents ?? 0) })})
              </li>
            ) : null}
          </ul>
          {cash && fresh.changeCents !== null ? <p className="confirm-change">{t('confirmChange', { amount: money(fresh.changeCents) })}</p> : null}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'force' ? (
        <ConfirmDialog title={t('forceTitle')} confirmLabel={t('forceButton')} cancelLabel={common('back')} busy={busy} onConfirm={() => onRenewAnyway(dialog.index)} onCancel={onClose}>
          <p>{t('forceBody')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'clear' ? (
        <ConfirmDialog title={t('clearTitle')} confirmLabel={t('clearOk')} confirmVariant="danger" cancelLabel={common('back')} onConfirm={onClear} onCancel={onClose}>
          <p>{t('clearBody')}</p>
          {cardPaid ? <Notice kind="warning">{t('cardWarning')}</Notice> : null}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'leave' ? (
        <ConfirmDialog title={t('leaveTitle')} confirmLabel={t('leaveOk')} confirmVariant="danger" cancelLabel={common('back')} onConfirm={onLeave} onCancel={onClose}>
          <p>{t('leaveBody')}</p>
          {cardPaid ? <Notice kind="warning">{t('cardWarning')}</Notice> : null}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'removeCard' ? (
        <ConfirmDialog
          title={t('removeCardTitle')}
          confirmLabel={t('removeCardOk')}
          confirmVariant="danger"
          cancelLabel={common('back')}
          onConfirm={() => onRemovePayment(dialog.index)}
          onCancel={onClose}
        >
          <p>{t('removeCardBody', { amount: money(payments[dialog.index]?.amountCents ?? 0) })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
