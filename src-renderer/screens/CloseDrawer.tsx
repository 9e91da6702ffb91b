import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { call, type ApiError } from '../app/api';
import { parseMoney } from '../app/format';
import { COMMON, useLanguage, useTexts, wordsOf } from '../app/i18n';
import { ROLES } from '../../src-shared/roles';
import { may, useApp, type CashSession } from '../app/navigation';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { countTotal, DenominationCount, type CashCount } from '../components/DenominationCount';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { colon, differenceText } from './sale-words';
import './Drawer.css';
import { formatShortDateTime } from '../../src-shared/dates';
import { formatMoney, formatSignedMoney } from '../../src-shared/money';

const TEXTS = wordsOf({
  fr: {
    title: 'Fermer la caisse',
    notOpen: 'La caisse de ce poste n’est pas ouverte : il n’y a rien à fermer.',
    openIt: 'Ouvrir la caisse',
    session: 'La caisse d’aujourd’hui',
    openedBy: 'Ouverte par {name}, {when}',
    float: 'Fonds de caisse',
    cashSales: 'Ventes au comptant',
    cashIn: 'Entrées d’argent',
    cashOut: 'Sorties d’argent',
    expected: 'Attendu',
    countTitle: 'Comptez la caisse',
    countIntro: 'Pour chaque sorte de billet et de pièce, tapez combien il y en a dans la caisse.',
    counted: 'Compté',
    difference: 'Écart',
    over: 'surplus',
    short: 'manque',
    even: 'la caisse est juste',
    reason: 'Raison de l’écart',
    reasonHint: 'Obligatoire quand la caisse n’est pas juste. Par exemple : erreur de monnaie, recomptée deux fois.',
    reasonRequired: 'Indiquez la raison de l’écart ({difference}) pour fermer la caisse.',
    close: 'Fermer la caisse',
    confirmTitle: 'Fermer la caisse ?',
    confirmBody: 'Une caisse fermée ne peut plus être modifiée. Le résumé de la journée s’affichera ensuite.',
    confirmOk: 'Fermer la caisse',
    cartWarning: 'Un panier est en cours et n’a pas été encaissé. Encaissez-le ou videz-le avant de fermer la caisse.',
    movementTitle: 'Entrée ou sortie d’argent',
    movementIntro: 'Pour de l’argent mis dans la caisse ou retiré pour une autre raison qu’une vente (monnaie ajoutée, dépôt à la banque).',
    cashOutTreasurer: 'Sortir de l’argent de la caisse (un dépôt à la banque) est réservé au trésorier : appelez-le.',
    movementKind: 'Sorte de mouvement',
    in: 'Entrée d’argent',
    out: 'Sortie d’argent',
    movementAmount: 'Montant',
    movementReason: 'Raison',
    movementReasonHint: 'Par exemple : monnaie ajoutée par la trésorière.',
    movementSave: 'Enregistrer le mouvement',
    movementConfirmIn: 'Enregistrer une entrée de {amount} ?',
    movementConfirmOut: 'Enregistrer une sortie de {amount} ?',
    movementDone: 'Le mouvement est enregistré : {kind} de {amount}.',
    amountError: 'Tapez un montant, par exemple 20 ou 12,50.',
    required: 'Ce renseignement est nécessaire.',
  },
  en: {
    title: 'Close the drawer',
    notOpen: 'This desk’s drawer is not open: there is nothing to close.',
    openIt: 'Open the drawer',
    session: 'Today’s drawer',
    openedBy: 'Opened by {name}, {when}',
    float: 'Float',
    cashSales: 'Cash sales',
    cashIn: 'Cash put in',
    cashOut: 'Cash taken out',
    expected: 'Expected',
    countTitle: 'Count the drawer',
    countIntro: 'For each kind of bill and coin, type how many are in the drawer.',
    counted: 'Counted',
    difference: 'Difference',
    over: 'over',
    short: 'short',
    even: 'the drawer is even',
    reason: 'Reason for the difference',
    reasonHint: 'Required when the drawer is not even. For example: change mistake, counted twice.',
    reasonRequired: 'Give the reason for the difference ({difference}) to close the drawer.',
    close: 'Close the drawer',
    confirmTitle: 'Close the drawer?',
    confirmBody: 'A closed drawer cannot be changed any more. The day summary comes next.',
    confirmOk: 'Close the drawer',
    cartWarning: 'A cart is in progress and was not checked out. Check it out or empty it before closing the drawer.',
    movementTitle: 'Cash put in or taken out',
    movementIntro: 'For cash put in the drawer or taken out for a reason other than a sale (change added, bank deposit).',
    cashOutTreasurer: 'Taking cash out of the drawer (a bank deposit) is the treasurer’s: call them.',
    movementKind: 'Kind of movement',
    in: 'Cash in',
    out: 'Cash out',
    movementAmount: 'Amount',
    movementReason: 'Reason',
    movementReasonHint: 'For example: change added by the treasurer.',
    movementSave: 'Record the movement',
    movementConfirmIn: 'Record {amount} put in?',
    movementConfirmOut: 'Record {amount} taken out?',
    movementDone: 'The movement is recorded: {kind} of {amount}.',
    amountError: 'Type an amount, for example 20 or 12.50.',
    required: 'This is needed.',
  },
});

type T = (key: keyof (typeof TEXTS)['fr'], params?: Record<string, string | number>) => string;

/** Screen 9: the session's figures, the count by denomination, over/short with its reason, then close. */
export function CloseDrawerScreen() {
  const { state, navigate, refresh, cart } = useApp();
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const common = useTexts(COMMON);
  const [session, setSession] = useState<CashSession | null>(state.drawer);
  const [count, setCount] = useState<CashCount>({});
  const [touched, setTouched] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const reasonInput = useRef<HTMLInputElement>(null);

  // The figures as they are now (another sale may have happened since the state was read).
  useEffect(() => {
    void refresh().then((next) => next && setSession(next.drawer));
  }, [refresh]);

  useEffect(() => {
    document.getElementById('close-10000')?.focus();
  }, []);

  const money = (cents: number) => formatMoney(cents, language);
  const words = { over: t('over'), short: t('short'), even: t('even') };

  if (!session) {
    return (
      <section aria-labelledby="close-title" className="narrow">
        <h1 id="close-title">{t('title')}</h1>
        <Notice>{t('notOpen')}</Notice>
        <div className="actions">
          <Button onClick={() => navigate({ name: 'lookup' })}>{common('back')}</Button>
          <Button variant="primary" onClick={() => navigate({ name: 'openDrawer' })}>
            {t('openIt')}
          </Button>
        </div>
      </section>
    );
  }

  const counted = countTotal(count);
  const difference = counted - session.expectedCents;
  const needsReason = touched && difference !== 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (difference !== 0 && reason.trim() === '') {
      setTouched(true);
      setReasonError(t('reasonRequired', { difference: formatSignedMoney(difference, language) }));
      window.setTimeout(() => reasonInput.current?.focus(), 0);
      return;
    }
    setReasonError(null);
    setAsking(true);
  };

  const close = async () => {
    setBusy(true);
    const result = await call('drawer.close', { count, reason: difference === 0 ? null : reason.trim() });
    setBusy(false);
    setAsking(false);
    if (!result.ok) return setError(result.error);
    await refresh();
    navigate({ name: 'daySummary', session: result.value.session, day: result.value.day, backupProblem: result.value.backup.problem });
  };

  return (
    <section aria-labelledby="close-title" className="drawer-screen">
      <div className="screen-head">
        <h1 id="close-title">{t('title')}</h1>
        <div className="actions">
          <Button onClick={() => navigate({ name: 'lookup' })}>{common('back')}</Button>
        </div>
      </div>
      {cart.lines.length > 0 ? <Notice kind="warning">{t('cartWarning')}</Notice> : null}

      <h2>{t('session')}</h2>
      <p>{t('openedBy', { name: session.openedBy, when: formatShortDateTime(session.openedAt, language) })}</p>
      <dl className="facts drawer-facts">
        <Fact label={t('float')} value={money(session.floatCents)} />
        <Fact label={t('cashSales')} value={money(session.cashSalesCents)} />
        <Fact label={t('cashIn')} value={money(session.cashInCents)} />
        <Fact label={t('cashOut')} value={money(session.cashOutCents)} />
        <Fact label={t('expected')} value={money(session.expectedCents)} strong />
      </dl>

      <MovementForm t={t} onRecorded={setSession} />

      <form onSubmit={submit}>
        <h2>{t('countTitle')}</h2>
        <p>{t('countIntro')}</p>
        <div className="drawer-count">
          <DenominationCount
            idPrefix="close"
            count={count}
            onChange={(next) => {
              setCount(next);
              setTouched(true);
            }}
          />
          <dl className="drawer-balance" aria-live="polite">
            <div>
              <dt>{t('expected')}</dt>
              <dd>{money(session.expectedCents)}</dd>
            </div>
            <div>
              <dt>{t('counted')}</dt>
              <dd>{money(counted)}</dd>
            </div>
            <div className={touched ? `drawer-difference ${difference === 0 ? 'is-even' : difference > 0 ? 'is-over' : 'is-short'}` : 'drawer-difference'}>
              <dt>{t('difference')}</dt>
              <dd>{touched ? differenceText(difference, language, words) : '—'}</dd>
            </div>
          </dl>
        </div>
        {needsReason || reasonError ? (
          <Field
            ref={reasonInput}
            label={t('reason')}
            hint={t('reasonHint')}
            aria-required="true"
            maxLength={500}
            autoComplete="off"
            className="drawer-reason"
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.target.value)}
          />
        ) : null}
        {error ? <Notice kind="error">{error.message}</Notice> : null}
        <div className="actions">
          <Button variant="primary" type="submit" disabled={busy}>
            {t('close')}
          </Button>
        </div>
      </form>

      {asking ? (
        <ConfirmDialog
          title={t('confirmTitle')}
          confirmLabel={t('confirmOk')}
          cancelLabel={common('back')}
          busy={busy}
          onConfirm={() => void close()}
          onCancel={() => setAsking(false)}
        >
          <dl className="confirm-facts">
            <div>
              <dt>{t('expected')}</dt>
              <dd>{money(session.expectedCents)}</dd>
            </div>
            <div>
              <dt>{t('counted')}</dt>
              <dd>{money(counted)}</dd>
            </div>
            <div>
              <dt>{t('difference')}</dt>
              <dd>{differenceText(difference, language, words)}</dd>
            </div>
            {difference !== 0 ? (
              <div>
                <dt>{t('reason')}</dt>
                <dd>{reason.trim()}</dd>
              </div>
            ) : null}
          </dl>
          <p>{t('confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function Fact({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'fact fact-strong' : 'fact'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Cash put in or taken out for another reason than a sale: secondary, folded away. */
function MovementForm({ t, onRecorded }: { t: T; onRecorded: (session: CashSession) => void }) {
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
