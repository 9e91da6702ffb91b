import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { call, type Input } from '../../app/api';
import { parseMoney } from '../../app/format';
import { useLanguage, useTexts } from '../../app/i18n';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { centsToInput } from '../sale-words';
import { CHECKOUT_TEXTS, type CheckoutT } from './checkout-words';
import { formatMoney } from '../../../src-shared/money';
import { cardBrandName, type CardBrand } from '../../../src-shared/words';

type PaymentInput = Input<'sales.checkout'>['payments'][number];
/** A payment of a set amount: cheque, card or credit. Cash is apart: it pays whatever is left. */
export type ExactPayment = Exclude<PaymentInput, { method: 'cash' }>;
export type FormMethod = 'cheque' | 'card' | 'credit';

const CARD_BRANDS: readonly CardBrand[] = ['visa', 'mastercard', 'amex', 'interac', 'other'];
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface PaymentFormProps {
  method: FormMethod | null;
  /** What is left to pay: each form offers it as the amount. */
  remaining: number;
  /** The member's credit not yet used in this cart. */
  creditLeft: number;
  onAdd: (payment: ExactPayment) => void;
  onCancel: () => void;
}

/** The form of the payment method chosen, under the method buttons; one at a time. */
export function PaymentForm({ method, remaining, creditLeft, onAdd, onCancel }: PaymentFormProps) {
  return (
    <>
      {method === 'cheque' ? <ChequeForm remaining={remaining} onAdd={onAdd} onCancel={onCancel} /> : null}
      {method === 'card' ? <CardForm remaining={remaining} onAdd={onAdd} onCancel={onCancel} /> : null}
      {method === 'credit' ? <CreditForm remaining={remaining} available={creditLeft} onAdd={onAdd} onCancel={onCancel} /> : null}
    </>
  );
}

/** Typed amount → cents, with the reason it is refused (the field shows it). */
function checkAmount(text: string, remaining: number, t: CheckoutT, language: 'fr' | 'en'): { cents: number | null; error: string | null } {
  const cents = parseMoney(text);
  if (cents === null || cents <= 0) return { cents: null, error: t('amountError') };
  if (remaining > 0 && cents > remaining) return { cents: null, error: t('tooMuch', { amount: formatMoney(remaining, language) }) };
  return { cents, error: null };
}

function FormButtons({ submitLabel, onCancel, busy }: { submitLabel: string; onCancel: () => void; busy?: boolean }) {
  const t = useTexts(CHECKOUT_TEXTS);
  return (
    <div className="form-buttons">
      <Button type="submit" variant="secondary" disabled={busy}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>{t('cancelForm')}</Button>
    </div>
  );
}

function ChequeForm({ remaining, onAdd, onCancel }: { remaining: number; onAdd: (p: ExactPayment) => void; onCancel: () => void }) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const [number, setNumber] = useState('');
  const [bank, setBank] = useState('');
  const [amount, setAmount] = useState(remaining > 0 ? centsToInput(remaining, language) : '');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount, remaining, t, language);
    const next = {
      number: number.trim() === '' ? t('required') : null,
      bank: bank.trim() === '' ? t('required') : null,
      amount: checked.error,
    };
    setErrors(next);
    if (next.number || next.bank || checked.cents === null) return;
    onAdd({ method: 'cheque', chequeNumber: number.trim(), bank: bank.trim(), amountCents: checked.cents });
  };

  return (
    <form className="payment-form" onSubmit={submit} aria-label={t('chequeAdd')}>
      <div className="form-grid">
        <Field ref={first} label={t('chequeNumber')} autoComplete="off" maxLength={20} value={number} error={errors.number} onChange={(e) => setNumber(e.target.value)} />
        <Field label={t('bank')} autoComplete="off" maxLength={80} value={bank} error={errors.bank} onChange={(e) => setBank(e.target.value)} />
        <Field label={t('amount')} inputMode="decimal" autoComplete="off" value={amount} error={errors.amount} onChange={(e) => setAmount(e.target.value)} />
      </div>
      <FormButtons submitLabel={t('chequeAdd')} onCancel={onCancel} />
    </form>
  );
}

function CardForm({ remaining, onAdd, onCancel }: { remaining: number; onAdd: (p: ExactPayment) => void; onCancel: () => void }) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const brandId = useId();
  const [amount, setAmount] = useState(remaining > 0 ? centsToInput(remaining, language) : '');
  const [authCode, setAuthCode] = useState('');
  const [last4, setLast4] = useState('');
  const [brand, setBrand] = useState<CardBrand | ''>('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const typed = parseMoney(amount);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkAmount(amount, remaining, t, language);
    const next = {
      amount: checked.error,
      authCode: /^[A-Za-z0-9]{2,12}$/.test(authCode.trim()) ? null : t('authCodeError'),
      last4: last4.trim() === '' || /^\d{4}$/.test(last4.trim()) ? null : t('last4Error'),
    };
    setErrors(next);
    if (next.authCode || next.last4 || checked.cents === null) return;
    setBusy(true);
    setFailure(null);
    const slip = {
      authCode: authCode.trim().toUpperCase(),
      ...(last4.trim() ? { last4: last4.trim() } : {}),
      ...(brand ? { brand } : {}),
    };
    const result = await call('payments.card', { amountCents: checked.cents, reference: 'panier', slip });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    onAdd({ method: 'card', amountCents: checked.cents, approval: result.value });
  };

  return (
    <form className="payment-form" onSubmit={(event) => void submit(event)} aria-label={t('cardAdd')}>
      <Field ref={first} label={t('cardAmount')} inputMode="decimal" autoComplete="off" value={amount} error={errors.amount} onChange={(e) => setAmount(e.target.value)} />
      <p className="card-steps">{t('cardSteps', { amount: typed !== null && typed > 0 ? formatMoney(typed, language) : '…' })}</p>
      <div className="form-grid">
        <Field
          label={t('authCode')}
          hint={t('authCodeHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          value={authCode}
          error={errors.authCode}
          onChange={(e) => setAuthCode(e.target.value.toUpperCase())}
        />
        <Field
          label={t('last4')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={last4}
          error={errors.last4}
          onChange={(e) => setLast4(e.target.value.replace(/\D/g, ''))}
        />
        <div className="field">
          <label htmlFor={brandId}>{t('brand')}</label>
          <select id={brandId} value={brand} onChange={(e) => setBrand(e.target.value as CardBrand | '')}>
            <option value="">{t('brandNone')}</option>
            {CARD_BRANDS.map((b) => (
              <option key={b} value={b}>
                {capitalized(cardBrandName(b, language))}
              </option>
            ))}
          </select>
        </div>
      </div>
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <FormButtons submitLabel={t('cardAdd')} onCancel={onCancel} busy={busy} />
    </form>
  );
}

function CreditForm({ remaining, available, onAdd, onCancel }: { remaining: number; available: number; onAdd: (p: ExactPayment) => void; onCancel: () => void }) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const [amount, setAmount] = useState(centsToInput(Math.max(0, Math.min(available, remaining)), language));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount, remaining, t, language);
    if (checked.cents === null) return setError(checked.error);
    if (checked.cents > available) return setError(t('creditTooMuch', { amount: formatMoney(available, language) }));
    setError(null);
    onAdd({ method: 'credit', amountCents: checked.cents });
  };

  return (
    <form className="payment-form" onSubmit={submit} aria-label={t('creditAdd')}>
      <p>{t('creditAvailable', { amount: formatMoney(available, language) })}</p>
      <Field ref={first} label={t('creditAmount')} inputMode="decimal" autoComplete="off" value={amount} error={error} onChange={(e) => setAmount(e.target.value)} />
      <FormButtons submitLabel={t('creditAdd')} onCancel={onCancel} />
    </form>
  );
}
