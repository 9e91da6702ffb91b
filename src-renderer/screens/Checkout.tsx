import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type ApiError, type Output } from '../app/api';
import { COMMON, useLanguage, useTexts } from '../app/i18n';
import { EMPTY_CART, useApp, type CartLine } from '../app/navigation';
import { withLines } from '../app/cart';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { AmountLineForm, CartLinesTable } from './checkout/CartLines';
import { CheckoutDialogs, type CheckoutDialog } from './checkout/CheckoutDialogs';
import { CHECKOUT_TEXTS } from './checkout/checkout-words';
import { PaymentForm, type ExactPayment } from './checkout/PaymentForms';
import { useTender } from './checkout/tender';
import type { PriceChange } from './checkout/PriceChange';
import { PaymentList } from './checkout/PaymentList';
import { isSettled, useQuote, type Quote, type SaleInput } from './checkout/quote';
import { QuoteSummary } from './checkout/QuoteSummary';
import { colon } from './sale-words';
import './Checkout.css';
import { formatMoney } from '../../src-shared/money';
import { PAYMENT_METHOD_WORDS } from '../../src-shared/words';

type Profile = Output<'members.profile'>;

/**
 * Screen 5: the cart priced by the core (`sales.quote` on every change), split payments, the cash
 * tendered and the change, then one confirmed `sales.checkout`.
 */
export function CheckoutScreen() {
  const { cart, setCart, navigate, refresh } = useApp();
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const common = useTexts(COMMON);
  const methods = useTexts(PAYMENT_METHOD_WORDS);

  const [profile, setProfile] = useState<Profile | null>(null);
  const [profileError, setProfileError] = useState<string | null>(null);
  const tender = useTender();
  const { payments, cash, tendered, tenderedCents, form, setForm } = tender;
  const { firstMethod, tenderedInput, checkoutButton } = tender.refs;
  const [dialog, setDialog] = useState<CheckoutDialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const errorAction = useRef<HTMLButtonElement>(null);

  const memberNumber = cart.owner?.number ?? null;
  const tenderedError = cash && tenderedCents === null ? t('amountError') : null;

  const quoteInput = useCallback(
    (lines: CartLine[]): SaleInput => ({
      ...(memberNumber !== null ? { memberNumber } : {}),
      lines,
      // tender.all() reads exactly the payments, the cash and the amount tendered listed below.
      payments: tender.all(),
    }),
    [memberNumber, payments, cash, tenderedCents],
  );
  const input = quoteInput(cart.lines);
  const key = JSON.stringify(input);
  const { quote, askQuote } = useQuote(key, cart.lines.length > 0);

  useEffect(() => {
    if (memberNumber === null) return;
    void call('members.profile', { number: memberNumber }).then((result) =>
      result.ok ? setProfile(result.value) : setProfileError(result.error.message),
    );
  }, [memberNumber]);

  useEffect(() => {
    firstMethod.current?.focus();
  }, []);

  // A change to the cart or its payments makes the last checkout error stale.
  useEffect(() => setError(null), [key]);

  // An error that offers a way out puts the keyboard on it.
  useEffect(() => {
    if (error) errorAction.current?.focus();
  }, [error]);

  const fresh = quote && quote.key === key ? quote.value : null;
  const shown = quote?.value ?? null;
  // A line the checkout would refuse holds the sale back: the volunteer hears it before any money changes hands.
  const payableBy = (q: Quote | null, hasCash: boolean): boolean => cart.lines.length > 0 && isSettled(q, hasCash) && !q?.lines.some((line) => line.problem);
  const payable = payableBy(fresh, cash) && !tenderedError && !busy;

  const cardPaid = payments.some((p) => p.method === 'card');
  const member = profile?.member ?? null;
  const creditUsed = payments.reduce((sum, p) => (p.method === 'credit' ? sum + p.amountCents : sum), 0);
  const creditLeft = (member?.creditCents ?? 0) - creditUsed;
  // What a cheque, card or credit would still have to cover: the cash handed over already counts.
  const remaining = Math.max(0, (shown?.remainingCents ?? 0) - (cash ? (tenderedCents ?? 0) : 0));

  const removeLine = (index: number) => {
    setError(null);
    const lines = cart.lines.filter((_, i) => i !== index);
    setCart(withLines(cart, lines));
    if (lines.length === 0) tender.clear();
    // The button pressed is gone: the keyboard goes on to the payment methods (or « Trouver un membre »).
    tender.focusMethods();
  };

  // A walk-in's cart stays a walk-in's when its lines are removed: its donation form stays in reach.
  const addAmountLine = (kind: 'donation' | 'credit') => (amountCents: number) => {
    setCart({ ...cart, lines: [...cart.lines, { kind, amountCents }] });
  };

  const startCash = tender.startCash;
  const removeCash = tender.removeCash;
  const addPayment = (payment: ExactPayment) => {
    tender.add(payment);
    setError(null);
  };

  // A card the terminal approved is not removed without a word: the charge stays on the terminal.
  const askRemovePayment = (index: number) => (payments[index]?.method === 'card' ? setDialog({ kind: 'removeCard', index }) : removePayment(index));

  const removePayment = (index: number) => {
    tender.remove(index);
    setDialog(null);
  };

  /** Asks the core again for the exact current cart, then asks the volunteer to confirm. */
  const startCheckout = async () => {
    if (busy || tenderedError || cart.lines.length === 0) return;
    const current = fresh ? { value: fresh } : await askQuote(input);
    if (payableBy(current.value, cash)) setDialog({ kind: 'sale' });
  };

  const runCheckout = async (lines: CartLine[]) => {
    setBusy(true);
    setError(null);
    const result = await call('sales.checkout', quoteInput(lines));
    setBusy(false);
    setDialog(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setCart(EMPTY_CART);
    await refresh();
    navigate({ name: 'receipt', receiptNumber: result.value.order.receiptNumber, change: result.value.cash });
  };

  const renewAnyway = (index?: number) => {
    const lines = cart.lines.map((line, i) => (line.kind === 'membership' && (index === undefined || i === index) ? { ...line, force: true } : line));
    setCart(withLines(cart, lines));
    if (index === undefined) void runCheckout(lines);
    else setDialog(null);
  };

  const changePrice = (index: number, change: PriceChange | null) => {
    const lines = cart.lines.map((line, i) => {
      if (i !== index || (line.kind !== 'membership' && line.kind !== 'activity')) return line;
      const { priceCents: _price, priceReason: _reason, ...rest } = line;
      return change ? { ...rest, ...change } : rest;
    });
    setCart(withLines(cart, lines));
  };

  /** The membership an activity needs, for the same member, first in the cart: one payment for both. */
  const addMembership = (number: number) => {
    const line: CartLine = number === memberNumber ? { kind: 'membership' } : { kind: 'membership', memberNumber: number };
    setCart(withLines(cart, [line, ...cart.lines]));
  };

  /** A full activity cannot be sold: it leaves the cart, and the member goes on its waitlist instead. */
  const goToWaitlist = () => {
    const lines = cart.lines.filter((_, i) => !shown?.lines[i]?.activityFull);
    setCart(withLines(cart, lines));
    navigate({ name: 'activities', ...(memberNumber !== null ? { memberNumber } : {}) });
  };

  const leave = () => {
    setDialog(null);
    navigate(memberNumber !== null ? { name: 'member', number: memberNumber } : { name: 'lookup' });
  };

  const clearCart = () => {
    setDialog(null);
    setCart(EMPTY_CART);
    navigate({ name: 'lookup' });
  };

  if (cart.lines.length === 0 && !cart.walkIn) {
    return (
      <section aria-labelledby="checkout-title" className="narrow">
        <h1 id="checkout-title">{t('title')}</h1>
        <Notice>{t('empty')}</Notice>
        <div className="actions">
          <Button variant="primary" ref={firstMethod} onClick={() => navigate({ name: 'lookup' })}>
            {t('find')}
          </Button>
        </div>
      </section>
    );
  }

  const hasFull = shown?.lines.some((line) => line.activityFull) ?? false;

  return (
    <section aria-labelledby="checkout-title" className="checkout">
      <div className="screen-head">
        <h1 id="checkout-title">{t('title')}</h1>
        <div className="actions">
          <Button onClick={() => (payments.length > 0 ? setDialog({ kind: 'leave' }) : leave())}>{common('back')}</Button>
          <Button variant="danger" onClick={() => setDialog({ kind: 'clear' })}>
            {t('clear')}
          </Button>
        </div>
      </div>

      <p className="checkout-member">
        {t('for')}
        {colon(language)}
        {memberNumber === null ? (
          <strong>{t('noMember')}</strong>
        ) : (
          <>
            <strong>{member ? `${member.firstName} ${member.lastName}` : '…'}</strong>{' '}
            <span className="muted">
              ({common('memberNo')} {memberNumber})
            </span>
            {member && member.creditCents > 0 ? <span className="checkout-credit"> · {t('credit', { amount: formatMoney(member.creditCents, language) })}</span> : null}
          </>
        )}
      </p>
      {profileError ? <Notice kind="error">{profileError}</Notice> : null}

      <div className="checkout-grid">
        <div className="checkout-main">
          <h2>{t('lines')}</h2>
          <CartLinesTable
            lines={cart.lines}
            priced={fresh?.lines ?? (shown && shown.lines.length === cart.lines.length ? shown.lines : undefined)}
            memberNumber={memberNumber}
            onRemove={removeLine}
            onAddMembership={addMembership}
            onForce={(index) => setDialog({ kind: 'force', index })}
            onPriceChange={changePrice}
          />
          {hasFull ? (
            <Notice kind="warning">
              <p>{t('fullHint')}</p>
              <Button ref={error?.code === 'ACTIVITY_FULL' ? errorAction : undefined} onClick={goToWaitlist}>
                {t('waitlistButton')}
              </Button>
            </Notice>
          ) : null}

          {cart.walkIn && cart.lines.length === 0 ? <Notice>{t('walkIn')}</Notice> : null}
          <AmountLineForm kind="donation" onAdd={addAmountLine('donation')} />
          {memberNumber !== null ? <AmountLineForm kind="credit" onAdd={addAmountLine('credit')} /> : null}

          <h2>{t('paymentsTitle')}</h2>
          <p className="hint">{t('choose')}</p>
          <div className="actions method-buttons" role="group" aria-label={t('paymentsTitle')}>
            <Button ref={firstMethod} onClick={() => (cash ? tenderedInput.current?.focus() : startCash())} aria-pressed={cash}>
              {methods('cash')}
            </Button>
            <Button onClick={() => setForm('cheque')} aria-pressed={form === 'cheque'}>
              {methods('cheque')}
            </Button>
            <Button onClick={() => setForm('card')} aria-pressed={form === 'card'}>
              {methods('card')}
            </Button>
            {member && member.creditCents > 0 ? (
              <Button onClick={() => setForm('credit')} aria-pressed={form === 'credit'} disabled={creditLeft <= 0}>
                {methods('credit')}
              </Button>
            ) : null}
          </div>

          <PaymentForm method={form} remaining={remaining} creditLeft={creditLeft} onAdd={addPayment} onCancel={() => setForm(null)} />

          {payments.length > 0 || cash ? (
            <PaymentList
              payments={payments}
              cash={cash}
              cashDueCents={shown?.cashDueCents ?? null}
              tendered={tendered}
              tenderedError={tenderedError}
              tenderedInput={tenderedInput}
              onTendered={tender.setTendered}
              onCheckout={() => void startCheckout()}
              onRemove={askRemovePayment}
              onRemoveCash={removeCash}
            />
          ) : null}
        </div>

        <QuoteSummary
          quote={quote}
          cash={cash}
          tendered={tendered}
          tenderedCents={tenderedCents}
          paymentCount={payments.length}
          error={error}
          hasFull={hasFull}
          payable={payable}
          errorAction={errorAction}
          checkoutButton={checkoutButton}
          onForce={() => setDialog({ kind: 'force' })}
          onWaitlist={goToWaitlist}
          onCheckout={() => void startCheckout()}
        />
      </div>

      <CheckoutDialogs
        dialog={dialog}
        fresh={fresh}
        payments={payments}
        cash={cash}
        tenderedCents={tenderedCents}
        busy={busy}
        cardPaid={cardPaid}
        onSale={() => void runCheckout(cart.lines)}
        onRenewAnyway={renewAnyway}
        onClear={clearCart}
        onLeave={leave}
        onRemovePayment={removePayment}
        onClose={() => setDialog(null)}
      />
    </section>
  );
}
