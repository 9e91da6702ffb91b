import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../app/api';
import { COMMON, useLanguage, useTexts, wordsOf } from '../app/i18n';
import { useApp } from '../app/navigation';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { countTotal, DenominationCount, type CashCount } from '../components/DenominationCount';
import { Notice } from '../components/Notice';
import { colon } from './sale-words';
import './Drawer.css';
import { formatMoney } from '../../src-shared/money';

const TEXTS = wordsOf({
  fr: {
    title: 'Ouvrir la caisse',
    intro: 'Comptez le fonds de caisse : pour chaque sorte de billet et de pièce, tapez combien il y en a. Tab passe à la ligne suivante.',
    reuse: 'Reprendre le dernier comptage ({amount})',
    reuseHint: 'Si la caisse n’a pas été touchée depuis la dernière fermeture, reprenez son comptage, vérifiez-le, puis ouvrez la caisse.',
    reused: 'Le dernier comptage a été repris. Vérifiez les nombres, puis choisissez « Ouvrir la caisse ».',
    float: 'Fonds de caisse',
    open: 'Ouvrir la caisse',
    zeroTitle: 'Ouvrir la caisse sans fonds de caisse ?',
    zeroBody: 'Le comptage est à {amount}. Sans monnaie dans la caisse, vous ne pourrez pas rendre la monnaie aux membres qui paient comptant.',
    zeroConfirm: 'Ouvrir à {amount}',
    alreadyOpen: 'La caisse est déjà ouverte.',
    withoutDrawer: 'Sans ouvrir la caisse',
    lookUp: 'Trouver un membre',
    reports: 'Rapport d’une journée',
    continue: 'Continuer avec la caisse ouverte',
  },
  en: {
    title: 'Open the drawer',
    intro: 'Count the float: for each kind of bill and coin, type how many there are. Tab goes to the next line.',
    reuse: 'Reuse the last count ({amount})',
    reuseHint: 'If the drawer was not touched since it was last closed, reuse its count, check it, then open the drawer.',
    reused: 'The last count was filled in. Check the numbers, then choose “Open the drawer”.',
    float: 'Float',
    open: 'Open the drawer',
    zeroTitle: 'Open the drawer with no float?',
    zeroBody: 'The count is {amount}. With no change in the drawer, you will not be able to give change to members who pay cash.',
    zeroConfirm: 'Open at {amount}',
    alreadyOpen: 'The drawer is already open.',
    withoutDrawer: 'Without opening the drawer',
    lookUp: 'Find a member',
    reports: 'A day’s report',
    continue: 'Continue with the open drawer',
  },
});

/** Screen 2: count the float by denomination (or take the last closing count), then open. */
export function OpenDrawerScreen() {
  const { state, refresh, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const common = useTexts(COMMON);
  const [count, setCount] = useState<CashCount>({});
  const [reused, setReused] = useState(false);
  const [askZero, setAskZero] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const reuseButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  const last = state.lastClosingCount;
  const lastTotal = last ? countTotal(last) : 0;
  const total = countTotal(count);

  useEffect(() => {
    if (reuseButton.current) reuseButton.current.focus();
    else document.getElementById('float-10000')?.focus();
  }, []);

  const open = async () => {
    setBusy(true);
    const result = await call('drawer.open', { count });
    setBusy(false);
    setAskZero(false);
    if (!result.ok) {
      setError(result.error);
      if (result.error.code === 'CASH_SESSION_ALREADY_OPEN') await refresh();
      return;
    }
    await refresh();
    navigate({ name: 'lookup' });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (total === 0) setAskZero(true);
    else void open();
  };

  return (
    <section aria-labelledby="open-drawer-title" className="drawer-screen">
      <h1 id="open-drawer-title">{t('title')}</h1>
      {state.drawer ? (
        <Notice kind="info">
          <p>{t('alreadyOpen')}</p>
          <Button variant="primary" onClick={() => navigate({ name: 'lookup' })}>
            {t('continue')}
          </Button>
        </Notice>
      ) : null}
      <p>{t('intro')}</p>
      {last && lastTotal > 0 ? (
        <div className="reuse">
          <Button
            ref={reuseButton}
            onClick={() => {
              setCount({ ...last });
              setReused(true);
              openButton.current?.focus();
            }}
          >
            {t('reuse', { amount: formatMoney(lastTotal, language) })}
          </Button>
          <p className="hint">{t('reuseHint')}</p>
        </div>
      ) : null}
      {reused ? <Notice kind="success">{t('reused')}</Notice> : null}
      {error ? (
        <Notice kind="error">
          <p>{error.message}</p>
          {error.code === 'CASH_SESSION_ALREADY_OPEN' ? <Button onClick={() => navigate({ name: 'lookup' })}>{t('continue')}</Button> : null}
        </Notice>
      ) : null}
      <form onSubmit={submit}>
        <DenominationCount idPrefix="float" count={count} onChange={setCount} />
        <p className="drawer-total">
          {t('float')}
          {colon(language)}
          <strong className="big-amount">{formatMoney(total, language)}</strong>
        </p>
        <div className="actions">
          <Button variant="primary" type="submit" ref={openButton} disabled={busy}>
            {t('open')}
          </Button>
        </div>
      </form>
      {state.drawer ? null : (
        <nav aria-label={t('withoutDrawer')} className="without-drawer">
          <h2>{t('withoutDrawer')}</h2>
          <div className="actions">
            <Button onClick={() => navigate({ name: 'lookup' })}>{t('lookUp')}</Button>
            <Button onClick={() => navigate({ name: 'dayReports' })}>{t('reports')}</Button>
          </div>
        </nav>
      )}
      {askZero ? (
        <ConfirmDialog
          title={t('zeroTitle')}
          confirmLabel={t('zeroConfirm', { amount: formatMoney(0, language) })}
          cancelLabel={common('back')}
          busy={busy}
          onConfirm={() => void open()}
          onCancel={() => setAskZero(false)}
        >
          <p>{t('zeroBody', { amount: formatMoney(0, language) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
