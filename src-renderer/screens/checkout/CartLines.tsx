import { useState, type FormEvent } from 'react';
import { parseMoney } from '../../app/format';
import { useLanguage, useTexts } from '../../app/i18n';
import type { CartLine } from '../../app/navigation';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Table } from '../../components/Table';
import { CHECKOUT_TEXTS } from './checkout-words';
import type { Quote } from './quote';
import { PriceChangeControl, type PriceChange } from './PriceChange';
import { formatMoney } from '../../../src-shared/money';
import { LINE_KIND_WORDS } from '../../../src-shared/words';

interface CartLinesTableProps {
  lines: CartLine[];
  /** The same lines as the core priced them, by position; undefined until the first quote. */
  priced: Quote['lines'] | undefined;
  /** Whom the cart is for: lines for anyone else name that person. */
  memberNumber: number | null;
  onRemove: (index: number) => void;
  /** The line's member needs a membership first (an activity that asks for one): add it to this cart. */
  onAddMembership: (memberNumber: number) => void;
  /** The line renews a member who already renewed this membership year: ask, then renew twice on purpose. */
  onForce: (index: number) => void;
  /** A lower price for a membership or activity line, with its reason; null restores the club's. */
  onPriceChange: (index: number, change: PriceChange | null) => void;
}

/** A cart line with its place in the cart (the quote's lines follow the same order). */
type Row = { line: CartLine; index: number };

/**
 * « Articles »: what is being sold, with its price from the core, whom each line is for, what the
 * checkout would refuse about it (said now, with its way out), and a « Retirer » per line.
 */
export function CartLinesTable({ lines, priced, memberNumber, onRemove, onAddMembership, onForce, onPriceChange }: CartLinesTableProps) {
  const language = useLanguage();
  const t = useTexts(CHECKOUT_TEXTS);
  const lineWords = useTexts(LINE_KIND_WORDS);

  const lineLabel = (line: CartLine, index: number): string => {
    const price = priced?.[index];
    if (line.kind === 'activity') return price?.description ?? `${lineWords('activity')} ${line.activityCode}`;
    return lineWords(line.kind);
  };

  /** The item's cell: its words, whom it is for, what was changed, and what the checkout would refuse. */
  const itemCell = ({ line, index }: Row) => {
    const price = priced?.[index];
    const label = lineLabel(line, index);
    const forOther = price && price.memberNumber !== null && price.memberNumber !== memberNumber;
    const problem = price?.problem ?? null;
    return (
      <>
        <span className="line-label">{label}</span>
        {forOther ? <span className="line-note"> {t('memberOf', { name: price.memberName ?? '', number: price.memberNumber ?? '' })}</span> : null}
        {line.kind === 'membership' && line.force ? <span className="line-note"> ({t('forced')})</span> : null}
        {price?.activityFull ? <span className="line-full"> {t('full')}</span> : null}
        {price?.listPriceCents != null ? (
          <span className="line-note"> ({t('priceChanged', { amount: formatMoney(price.listPriceCents, language), reason: price.priceReason ?? '' })})</span>
        ) : null}
        {price && (line.kind === 'membership' || line.kind === 'activity') ? (
          <div>
            <PriceChangeControl
              what={label}
              listCents={price.listPriceCents ?? price.amountCents}
              changed={price.listPriceCents !== null}
              onChange={(change) => onPriceChange(index, change)}
            />
          </div>
        ) : null}
        {problem && !price?.activityFull ? (
          <div className="line-problem">
            <p>⚠ {problem.message}</p>
            {problem.addMembership && price?.memberNumber != null ? (
              <Button onClick={() => onAddMembership(price.memberNumber!)}>{t('addMembership', { name: price.memberName ?? '' })}</Button>
            ) : null}
            {problem.code === 'ALREADY_RENEWED' ? <Button onClick={() => onForce(index)}>{t('forceButton')}</Button> : null}
          </div>
        ) : null}
      </>
    );
  };

  return (
    <Table
      className="cart-lines"
      columns={[
        { header: t('item'), cell: itemCell },
        { header: t('amount'), numeric: true, cell: ({ index }) => (priced?.[index] ? formatMoney(priced[index].amountCents, language) : '…') },
        {
          header: <span className="visually-hidden">{t('remove')}</span>,
          className: 'line-action',
          cell: ({ line, index }) => (
            <Button onClick={() => onRemove(index)} aria-label={t('removeLine', { what: lineLabel(line, index) })}>
              {t('remove')}
            </Button>
          ),
        },
      ]}
      rows={lines.map((line, index) => ({ line, index }))}
      rowKey={({ index }) => String(index)}
      rowClassName={({ index }) => (priced?.[index]?.problem ? 'line-with-problem' : undefined)}
    />
  );
}

/**
 * A line whose amount is typed at the desk — a donation, or credit put on the member's account —
 * becomes one more line of the cart.
 */
export function AmountLineForm({ kind, onAdd }: { kind: 'donation' | 'credit'; onAdd: (amountCents: number) => void }) {
  const t = useTexts(CHECKOUT_TEXTS);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseMoney(amount);
    if (cents === null || cents <= 0) return setAmountError(t('amountError'));
    setAmountError(null);
    setAmount('');
    onAdd(cents);
  };

  return (
    <form className="donation-form" onSubmit={add}>
      <Field
        label={t(kind === 'donation' ? 'donationAmount' : 'creditLineAmount')}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        error={amountError}
        onChange={(event) => setAmount(event.target.value)}
      />
      <Button type="submit">{t(kind === 'donation' ? 'donationAdd' : 'creditLineAdd')}</Button>
    </form>
  );
}
