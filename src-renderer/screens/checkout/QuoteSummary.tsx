import type { ReactNode, RefObject } from 'react';
import type { ApiError } from '../../app/api';
import { useLanguage, useTexts } from '../../app/i18n';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { CHECKOUT_TEXTS, useMoney, type CheckoutT } from './checkout-words';
import { isSettled, type Quote, type QuoteState } from './quote';
import { formatSignedMoney } from '../../../src-shared/money';

interface QuoteSummaryProps {
  quote: QuoteState | null;
  cash: boolean;
  tendered: string;
  tenderedCents: number | null;
  paymentCount: number;
  /** The last checkout's refusal: it replaces the status line until the cart changes. */
  error: ApiError | null;
  /** A line of the cart is a full activity: the table already offers the waitlist. */
  hasFull: boolean;
  payable: boolean;
  errorAction: RefObject<HTMLButtonElement | null>;
  checkoutButton: RefObject<HTMLButtonElement | null>;
  onForce: () => void;
  onWaitlist: () => void;
  onCheckout: () => void;
}

/**
 * « À payer », beside the cart: the core's totals, one line that says what to do next, a refused
 * checkout's way out, and « Encaisser ».
 */
export function QuoteSummary({
  quote,
  cash,
  tendered,
  tenderedCents,
  paymentCount,
  error,
  hasFull,
  payable,
  errorAction,
  checkoutButton,
  onForce,
  onWaitlist,
  onCheckout,
}: QuoteSummaryProps) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const money = useMoney();
  // The last answer is shown while the next one is awaited, so the figures do not flicker as one types.
  const shown = quote?.value ?? null;
  const current = shown ? status(shown, cash, paymentCount, t, money) : null;
  const settled = shown !== null && isSettled(shown, cash);
  // What is still missing once the cash handed over counts: never « Reste à payer » beside « Tout est payé ».
  const stillDue = shown === null ? 0 : settled ? 0 : cash ? Math.max(0, shown.cashDueCents - (tenderedCents ?? 0)) : shown.remainingCents;
  return (
    <aside className="checkout-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summary')}</h2>
      {quote?.error ? <Notice kind="error">{quote.error}</Notice> : null}
      {shown ? (
        <dl className="summary-list">
          <SummaryRow label={t('total')} value={money(shown.totalCents)} />
          {shown.exactPaidCents > 0 ? <SummaryRow label={t('paidExact')} value={money(shown.exactPaidCents)} /> : null}
          {cash && shown.cashDueCents > 0 ? (
            <>
              {shown.roundingCents !== 0 ? <SummaryRow label={t('rounding')} value={formatSignedMoney(shown.roundingCents, language)} /> : null}
              <SummaryRow label={t('cashToPay')} value={money(shown.cashDueCents)} />
              <SummaryRow label={t('tendered')} value={tenderedCents === null || tendered.trim() === '' ? '—' : money(tenderedCents)} />
            </>
          ) : null}
          {settled ? null : <SummaryRow label={t('remaining')} value={money(stillDue)} big live />}
          {cash && settled ? <SummaryRow label={t('change')} value={money(shown.changeCents ?? 0)} big live /> : null}
        </dl>
      ) : (
        <p>{t('busy')}</p>
      )}
      {current && !error ? (
        <p className={`checkout-status checkout-status-${current.kind}`} role="status">
          {current.text}
        </p>
      ) : null}
      {error ? (
        <Notice kind="error">
          <p>{error.message}</p>
          {error.code === 'ALREADY_RENEWED' ? (
            <Button ref={errorAction} onClick={onForce}>
              {t('forceButton')}
            </Button>
          ) : null}
          {error.code === 'ACTIVITY_FULL' && !hasFull ? (
            <>
              <p>{t('waitlistHint')}</p>
              <Button ref={errorAction} onClick={onWaitlist}>
                {t('waitlistButton')}
              </Button>
            </>
          ) : null}
        </Notice>
      ) : null}
      <Button variant="primary" ref={checkoutButton} className="checkout-button" disabled={!payable} onClick={onCheckout}>
        {t('checkout')}
      </Button>
    </aside>
  );
}

/** The next step in one sentence: what is missing, what is too much, or that all is paid. */
function status(
  shown: Quote,
  cash: boolean,
  paymentCount: number,
  t: CheckoutT,
  money: (cents: number) => string,
): { kind: 'success' | 'info' | 'warning'; text: string } {
  const troubled = shown.lines.filter((line) => line.problem);
  if (troubled.length > 0) {
    const lines = troubled.map((line) => `« ${line.description} »${line.memberName ? ` (${line.memberName})` : ''}`).join(', ');
    return { kind: 'warning', text: t('statusProblems', { lines }) };
  }
  if (isSettled(shown, cash)) return { kind: 'success', text: t('statusPaid') };
  if (shown.remainingCents < 0) return { kind: 'warning', text: t('statusOver', { amount: money(-shown.remainingCents) }) };
  if (cash) {
    if (shown.remainingCents === 0) return { kind: 'warning', text: t('statusCashUseless') };
    if (shown.cashDueCents === 0) return { kind: 'warning', text: t('statusCashTiny', { amount: money(shown.remainingCents) }) };
    return { kind: 'info', text: t('statusTendered', { amount: money(shown.cashDueCents) }) };
  }
  if (paymentCount === 0) return { kind: 'info', text: t('statusChoose') };
  return { kind: 'info', text: t('statusMissing', { amount: money(shown.remainingCents) }) };
}

function SummaryRow({ label, value, big, live }: { label: string; value: ReactNode; big?: boolean; live?: boolean }) {
  return (
    <div className={big ? 'summary-row summary-big' : 'summary-row'}>
      <dt>{label}</dt>
      <dd aria-live={live ? 'polite' : undefined}>{value}</dd>
    </div>
  );
}
