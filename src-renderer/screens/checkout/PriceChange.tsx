import { useState, type FormEvent } from 'react';
import { parseMoney } from '../../app/format';
import { useTexts, wordsOf } from '../../app/i18n';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';

/** A lower price for one line, and why: the treasurer reads both in the day report. */
export interface PriceChange {
  priceCents: number;
  priceReason: string;
}

const TEXTS = wordsOf({
  fr: {
    change: 'Changer le prix',
    changeFor: 'Changer le prix : {what}',
    price: 'Nouveau prix',
    reason: 'Raison',
    reasonHint: 'Par exemple : membre bénévole, rabais pour couple. Le trésorier la lira ; n’y mettez rien de personnel (santé, finances).',
    apply: 'Appliquer',
    cancel: 'Annuler',
    priceError: 'Tapez un prix plus bas que celui du club, par exemple 15 ou 12,50.',
    reasonError: 'Dites pourquoi le prix change.',
    restore: 'Remettre le prix du club',
  },
  en: {
    change: 'Change the price',
    changeFor: 'Change the price: {what}',
    price: 'New price',
    reason: 'Reason',
    reasonHint: 'For instance: volunteer member, couple discount. The treasurer reads it; write nothing personal (health, money).',
    apply: 'Apply',
    cancel: 'Cancel',
    priceError: 'Type a price below the club’s, for instance 15 or 12.50.',
    reasonError: 'Say why the price changes.',
    restore: 'Restore the club price',
  },
});

/**
 * « Changer le prix » on a membership or activity line of the cart: a lower price and a reason, or
 * back to the club's price. The core checks the price again (never above the club's).
 */
export function PriceChangeControl({
  what,
  listCents,
  changed,
  onChange,
}: {
  what: string;
  /** The club's price for the line, cents. */
  listCents: number;
  changed: boolean;
  onChange: (change: PriceChange | null) => void;
}) {
  const t = useTexts(TEXTS);
  const [open, setOpen] = useState(false);
  const [price, setPrice] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ price: string | null; reason: string | null }>({ price: null, reason: null });

  if (changed) {
    return (
      <Button variant="link" onClick={() => onChange(null)}>
        {t('restore')}
      </Button>
    );
  }
  if (!open) {
    return (
      <Button variant="link" aria-label={t('changeFor', { what })} onClick={() => setOpen(true)}>
        {t('change')}
      </Button>
    );
  }
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseMoney(price);
    const next = {
      price: cents === null || cents < 0 || cents >= listCents ? t('priceError') : null,
      reason: reason.trim() === '' ? t('reasonError') : null,
    };
    setErrors(next);
    if (next.price || next.reason || cents === null) return;
    setOpen(false);
    onChange({ priceCents: cents, priceReason: reason.trim() });
  };
  return (
    <form className="price-change" onSubmit={apply}>
      <Field label={t('price')} inputMode="decimal" autoComplete="off" autoFocus value={price} error={errors.price} onChange={(event) => setPrice(event.target.value)} />
      <Field label={t('reason')} hint={t('reasonHint')} autoComplete="off" maxLength={200} value={reason} error={errors.reason} onChange={(event) => setReason(event.target.value)} />
      <div className="actions">
        <Button type="submit">{t('apply')}</Button>
        <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
