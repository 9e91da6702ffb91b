import { COMMON, useLanguage, useTexts } from '../app/i18n';
import { useApp } from '../app/navigation';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DenominationCount } from '../components/DenominationCount';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { differenceText } from './sale-words';
import './Drawer.css';
import { CLOSE_TEXTS } from './drawer/close-words';
import { useDrawerClose } from './drawer/close-count';
import { MovementForm } from './drawer/MovementForm';
import { Fact } from './day/DayBreakdown';
import { formatShortDateTime } from '../../src-shared/dates';
import { formatMoney } from '../../src-shared/money';

/** Screen 9: the session's figures, the count by denomination, over/short with its reason, then close. */
export function CloseDrawerScreen() {
  const { navigate, cart } = useApp();
  const language = useLanguage();
  const t = useTexts(CLOSE_TEXTS);
  const common = useTexts(COMMON);
  const close = useDrawerClose(t);
  const { session } = close;

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

  const { counted, difference, touched, reason } = close;

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

      <MovementForm t={t} onRecorded={close.setSession} />

      <form onSubmit={close.submit}>
        <h2>{t('countTitle')}</h2>
        <p>{t('countIntro')}</p>
        <div className="drawer-count">
          <DenominationCount
            idPrefix="close"
            count={close.count}
            onChange={close.setCount}
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
        {close.needsReason || close.reasonError ? (
          <Field
            ref={close.reasonInput}
            label={t('reason')}
            hint={t('reasonHint')}
            aria-required="true"
            maxLength={500}
            autoComplete="off"
            className="drawer-reason"
            value={reason}
            error={close.reasonError}
            onChange={(event) => close.setReason(event.target.value)}
          />
        ) : null}
        {close.error ? <Notice kind="error">{close.error.message}</Notice> : null}
        <div className="actions">
          <Button variant="primary" type="submit" disabled={close.busy}>
            {t('close')}
          </Button>
        </div>
      </form>

      {close.asking ? (
        <ConfirmDialog
          title={t('confirmTitle')}
          confirmLabel={t('confirmOk')}
          cancelLabel={common('back')}
          busy={close.busy}
          onConfirm={() => void close.close()}
          onCancel={close.cancelAsking}
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

