import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type ApiError } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { useApp, type CashSession } from '../../app/navigation';
import { countTotal, type CashCount } from '../../components/DenominationCount';
import { formatSignedMoney } from '../../../src-shared/money';
import type { CloseTexts } from './close-words';

/**
 * The state of closing a drawer: the session's figures read afresh, the count by denomination,
 * the difference (cents, counted − expected), the reason it needs when not even, then the
 * confirmation and `drawer.close`. Focus goes to the first denomination on arrival and to the
 * reason when it is missing.
 */
export function useDrawerClose(t: CloseTexts) {
  const { state, navigate, refresh } = useApp();
  const language = useLanguage();
  const [session, setSession] = useState<CashSession | null>(state.drawer);
  const [count, setCountState] = useState<CashCount>({});
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

  const counted = countTotal(count);
  const difference = session ? counted - session.expectedCents : 0;

  const setCount = (next: CashCount) => {
    setCountState(next);
    setTouched(true);
  };

  /** « Fermer la caisse »: asks for the reason if the drawer is not even, else for confirmation. */
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

  /** Confirmed: closes the drawer and shows the day summary, or keeps the screen with the error. */
  const close = async () => {
    setBusy(true);
    const result = await call('drawer.close', { count, reason: difference === 0 ? null : reason.trim() });
    setBusy(false);
    setAsking(false);
    if (!result.ok) return setError(result.error);
    await refresh();
    navigate({ name: 'daySummary', session: result.value.session, day: result.value.day, backupProblem: result.value.backup.problem });
  };

  return {
    session,
    setSession,
    count,
    setCount,
    counted,
    difference,
    touched,
    needsReason: touched && difference !== 0,
    reason,
    setReason,
    reasonError,
    reasonInput,
    asking,
    cancelAsking: () => setAsking(false),
    busy,
    error,
    submit,
    close,
  };
}
