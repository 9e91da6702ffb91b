import { useEffect, useId, useState, type FormEvent } from 'react';
import { call, type Output } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatMoney } from '../../../src-shared/money';
import { cardBrandName, PAYMENT_METHOD_WORDS } from '../../../src-shared/words';
import type { Order, T } from './receipt-words';

export function VoidDialog({
  order,
  t,
  onCancel,
  onVoided,
}: {
  order: Order;
  t: T;
  onCancel: () => void;
  onVoided: (result: Output<'sales.void'>) => Promise<void>;
}) {
  const language = useLanguage();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const cards = order.payments.filter((p) => p.method === 'card');
  const [codes, setCodes] = useState<string[]>(cards.map(() => ''));
  const [errors, setErrors] = useState<{ reason: string | null; codes: (string | null)[] }>({ reason: null, codes: [] });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (cents: number) => formatMoney(cents, language);

  // The dialog puts the keyboard on its confirm button; the reason comes first.
  useEffect(() => {
    document.getElementById(reasonId)?.focus();
  }, [reasonId]);

  const cashCents = order.payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountCents, 0);
  const creditCents = order.payments.filter((p) => p.method === 'credit').reduce((sum, p) => sum + p.amountCents, 0);

  const confirm = async () => {
    if (busy) return;
    const next = {
      reason: reason.trim() === '' ? t('required') : null,
      codes: codes.map((code) => (/^[A-Za-z0-9]{2,12}$/.test(code.trim()) ? null : t('voidCardError'))),
    };
    setErrors(next);
    if (next.reason) return document.getElementById(reasonId)?.focus();
    if (next.codes.some(Boolean)) return;
    setBusy(true);
    setFailure(null);
    const result = await call('sales.void', {
      receiptNumber: order.receiptNumber,
      reason: reason.trim(),
      cardRefunds: codes.map((code) => ({ authCode: code.trim().toUpperCase() })),
    });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    await onVoided(result.value);
  };

  const onEnter = (event: FormEvent) => {
    event.preventDefault();
    void confirm();
  };

  return (
    <ConfirmDialog
      title={t('voidTitle', { n: order.receiptNumber })}
      confirmLabel={t('voidOk')}
      confirmVariant="danger"
      cancelLabel={t('voidKeep')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <form onSubmit={onEnter} className="void-form">
        <p>{t('voidIntro')}</p>
        <ul>
          {cashCents > 0 ? <li>{t('voidCash', { amount: money(cashCents) })}</li> : null}
          {order.payments
            .filter((p) => p.method === 'cheque')
            .map((p) => (
              <li key={p.id}>{t('voidCheque', { n: p.chequeNumber ?? '—', bank: p.bank ?? '—', amount: money(p.amountCents) })}</li>
            ))}
          {creditCents > 0 ? <li>{t('voidCredit', { amount: money(creditCents) })}</li> : null}
        </ul>
        <Field
          id={reasonId}
          label={t('voidReason')}
          hint={t('voidReasonHint')}
          autoComplete="off"
          maxLength={300}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {cards.map((card, i) => (
          <div key={card.id} className="void-card">
            <p>
              {t('voidCard', {
                amount: money(card.amountCents),
                card: `${cardBrandName(card.cardBrand, language)}${card.cardLast4 ? ` •••• ${card.cardLast4}` : ''}`.trim() || PAYMENT_METHOD_WORDS[language].card,
              })}
            </p>
            <Field
              label={cards.length > 1 ? `${t('voidCardCode')} (${i + 1})` : t('voidCardCode')}
              autoComplete="off"
              spellCheck={false}
              maxLength={12}
              value={codes[i] ?? ''}
              error={errors.codes[i] ?? null}
              onChange={(event) => setCodes((list) => list.map((code, j) => (j === i ? event.target.value.toUpperCase() : code)))}
            />
          </div>
        ))}
        {failure ? <Notice kind="error">{failure}</Notice> : null}
        {/* Enter in a field confirms, as the dialog's own button does. */}
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </ConfirmDialog>
  );
}

