import { useEffect, useId, useState } from 'react';
import { call, type Output } from '../../app/api';
import { useLanguage, useTexts, wordsOf } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatMoney, roundCashToNickel } from '../../../src-shared/money';
import { lineLabel, PAYMENT_METHOD_WORDS, type PaymentMethod } from '../../../src-shared/words';

type Order = Output<'orders.get'>;
export type RefundResult = Output<'sales.refund'>;

const TEXTS = wordsOf({
  fr: {
    title: 'Rembourser des articles du reçu {n}',
    intro: 'Cochez les articles à rembourser, puis dites comment l’argent est rendu.',
    lines: 'Articles à rembourser',
    method: 'Rendu en',
    chequeNumber: 'Numéro du chèque remis',
    bank: 'Banque',
    authCode: 'Code d’autorisation du remboursement',
    authCodeHint: 'Faites d’abord le remboursement au terminal, puis recopiez le code de son reçu.',
    reason: 'Raison du remboursement',
    reasonHint: 'Par exemple : activité annulée par le club.',
    total: 'À rembourser : {amount}',
    cashRounded: 'À rendre comptant : {amount} (arrondi au 0,05 $)',
    ok: 'Rembourser',
    keep: 'Ne pas rembourser',
    noLine: 'Cochez au moins un article.',
    required: 'Ce champ est obligatoire.',
  },
  en: {
    title: 'Refund items of receipt {n}',
    intro: 'Tick the items to refund, then say how the money is given back.',
    lines: 'Items to refund',
    method: 'Given back in',
    chequeNumber: 'Number of the cheque given',
    bank: 'Bank',
    authCode: 'Approval code of the refund',
    authCodeHint: 'Refund on the terminal first, then copy the code from its receipt.',
    reason: 'Reason for the refund',
    reasonHint: 'For instance: activity cancelled by the club.',
    total: 'To refund: {amount}',
    cashRounded: 'To give back in cash: {amount} (rounded to $0.05)',
    ok: 'Refund',
    keep: 'Do not refund',
    noLine: 'Tick at least one item.',
    required: 'This field is required.',
  },
});

/**
 * « Rembourser des articles » (the treasurer's, docs/ROLES.md): the lines the core says may still
 * be refunded, one way to give the money back, a reason; `sales.refund` decides, this only asks.
 */
export function RefundDialog({ order, onCancel, onRefunded }: { order: Order; onCancel: () => void; onRefunded: (result: RefundResult) => Promise<void> }) {
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const methods = useTexts(PAYMENT_METHOD_WORDS);
  const firstLineId = useId();
  const [chosen, setChosen] = useState<number[]>([]);
  // The money goes back the way it came, unless the treasurer says otherwise.
  const [method, setMethod] = useState<PaymentMethod>(order.payments[0]?.method ?? 'cash');
  const [chequeNumber, setChequeNumber] = useState('');
  const [bank, setBank] = useState('');
  const [authCode, setAuthCode] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (cents: number) => formatMoney(cents, language);

  useEffect(() => {
    document.getElementById(firstLineId)?.focus();
  }, [firstLineId]);

  const lines = order.lines.filter((line) => order.refundableLines.includes(line.position));
  const amount = lines.filter((line) => chosen.includes(line.position)).reduce((sum, line) => sum + line.amountCents, 0);
  const offered: PaymentMethod[] = order.member ? ['cash', 'cheque', 'card', 'credit'] : ['cash', 'cheque', 'card'];

  const confirm = async () => {
    if (chosen.length === 0) return setProblem(t('noLine'));
    const missing = reason.trim() === '' || (method === 'cheque' && (chequeNumber.trim() === '' || bank.trim() === '')) || (method === 'card' && authCode.trim() === '');
    if (missing) return setProblem(t('required'));
    setBusy(true);
    const paidBy =
      method === 'cheque'
        ? { method, chequeNumber, bank }
        : method === 'card'
          ? { method, approval: { terminal: 'standalone' as const, authCode } }
          : { method };
    const result = await call('sales.refund', { receiptNumber: order.receiptNumber, linePositions: chosen, reason, method: paidBy });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    await onRefunded(result.value);
  };

  return (
    <ConfirmDialog
      title={t('title', { n: order.receiptNumber })}
      confirmLabel={t('ok')}
      confirmVariant="danger"
      cancelLabel={t('keep')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <form
        className="refund-form"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <p>{t('intro')}</p>
        <fieldset>
          <legend>{t('lines')}</legend>
          {lines.map((line, i) => (
            <label key={line.id} className="radio">
              <input
                type="checkbox"
                id={i === 0 ? firstLineId : undefined}
                checked={chosen.includes(line.position)}
                onChange={(event) => setChosen((list) => (event.target.checked ? [...list, line.position] : list.filter((p) => p !== line.position)))}
              />
              {lineLabel(line, language)} — {money(line.amountCents)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('method')}</legend>
          {offered.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="refund-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              {methods(m)}
            </label>
          ))}
        </fieldset>
        {method === 'cheque' ? (
          <div className="form-grid">
            <Field label={t('chequeNumber')} autoComplete="off" maxLength={20} value={chequeNumber} onChange={(event) => setChequeNumber(event.target.value)} />
            <Field label={t('bank')} autoComplete="off" maxLength={80} value={bank} onChange={(event) => setBank(event.target.value)} />
          </div>
        ) : null}
        {method === 'card' ? (
          <Field label={t('authCode')} hint={t('authCodeHint')} autoComplete="off" spellCheck={false} maxLength={12} value={authCode} onChange={(event) => setAuthCode(event.target.value.toUpperCase())} />
        ) : null}
        <Field label={t('reason')} hint={t('reasonHint')} autoComplete="off" maxLength={300} value={reason} onChange={(event) => setReason(event.target.value)} />
        <p className="big-amount" aria-live="polite">
          {method === 'cash' && amount > 0 ? t('cashRounded', { amount: money(roundCashToNickel(amount)) }) : t('total', { amount: money(amount) })}
        </p>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </ConfirmDialog>
  );
}
