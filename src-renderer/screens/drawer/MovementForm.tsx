import { useId, useState, type FormEvent } from 'react';
import { call } from '../../app/api';
import { parseMoney } from '../../app/format';
import { COMMON, useLanguage, useTexts } from '../../app/i18n';
import { may, useApp, type CashSession } from '../../app/navigation';
import { ROLES } from '../../../src-shared/roles';
import { formatMoney } from '../../../src-shared/money';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { colon } from '../sale-words';
import type { CloseTexts } from './close-words';

/** Cash put in or taken out for another reason than a sale: secondary, folded away. */
export function MovementForm({ t, onRecorded }: { t: CloseTexts; onRecorded: (session: CashSession) => void }) {
  const { refresh, state } = useApp();
  const language = useLanguage();
  const common = useTexts(COMMON);
  const name = useId();
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount: string | null; reason: string | null }>({ amount: null, reason: null });
  const [asking, setAsking] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseMoney(amount);
    const next = {
      amount: cents === null || cents <= 0 ? t('amountError') : null,
      reason: reason.trim() === '' ? t('required') : null,
    };
    setErrors(next);
    setDone(null);
    if (next.amount || next.reason || cents === null) return;
    setAsking(cents);
  };

  const record = async (cents: number) => {
    setBusy(true);
    setFailure(null);
    const result = await call('drawer.movement', { kind, amountCents: cents, reason: reason.trim() });
    setBusy(false);
    setAsking(null);
    if (!result.ok) return setFailure(result.error.message);
    onRecorded(result.value);
    setDone(t('movementDone', { kind: t(kind).toLowerCase(), amount: formatMoney(cents, language) }));
    setAmount('');
    setReason('');
    void refresh();
  };

  return (
    <details className="movement">
      <summary>{t('movementTitle')}</summary>
      <form onSubmit={submit}>
        <p className="hint">{t('movementIntro')}</p>
        {may(state, ROLES.treasury) ? null : <p className="hint">{t('cashOutTreasurer')}</p>}
        <fieldset className="movement-kind">
          <legend>{t('movementKind')}</legend>
          {(may(state, ROLES.treasury) ? (['in', 'out'] as const) : (['in'] as const)).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={name} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(k)}
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <Field label={t('movementAmount')} inputMode="decimal" autoComplete="off" value={amount} error={errors.amount} onChange={(e) => setAmount(e.target.value)} />
          <Field
            label={t('movementReason')}
            hint={t('movementReasonHint')}
            autoComplete="off"
            maxLength={200}
            value={reason}
            error={errors.reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {failure ? <Notice kind="error">{failure}</Notice> : null}
        {done ? <Notice kind="success">{done}</Notice> : null}
        <Button type="submit">{t('movementSave')}</Button>
      </form>
      {asking !== null ? (
        <ConfirmDialog
          title={t(kind === 'in' ? 'movementConfirmIn' : 'movementConfirmOut', { amount: formatMoney(asking, language) })}
          confirmLabel={t('movementSave')}
          cancelLabel={common('back')}
          busy={busy}
          onConfirm={() => void record(asking)}
          onCancel={() => setAsking(null)}
        >
          <p>
            {t('movementReason')}
            {colon(language)}
            {reason.trim()}
          </p>
        </ConfirmDialog>
      ) : null}
    </details>
  );
}
