import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type Output } from '../app/api';
import { useTexts, wordsOf } from '../app/i18n';
import { homeFor, useApp, type SignOutReason } from '../app/navigation';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';

const TEXTS = wordsOf({
  fr: {
    title: 'Bonjour ! Qui êtes-vous ?',
    pick: 'Choisissez votre nom',
    pin: 'Votre NIP',
    pinHint: 'Les chiffres de votre NIP, puis Entrée.',
    signIn: 'Se connecter',
    other: 'Ce n’est pas moi',
    noUsers: 'Aucun bénévole n’est inscrit à ce poste. Demandez à l’administrateur de vous ajouter.',
    idle: 'Vous avez été déconnecté après {n} minutes sans activité, pour que personne d’autre n’utilise votre session.',
    cartKept: 'Votre panier est gardé : vous le retrouverez en vous reconnectant.',
  },
  en: {
    title: 'Hello! Who are you?',
    pick: 'Choose your name',
    pin: 'Your PIN',
    pinHint: 'The digits of your PIN, then Enter.',
    signIn: 'Sign in',
    other: 'That is not me',
    noUsers: 'No volunteer is registered at this desk. Ask the administrator to add you.',
    idle: 'You were signed out after {n} minutes without activity, so that nobody else uses your session.',
    cartKept: 'Your cart is kept: you will find it when you sign in again.',
  },
});

type User = Output<'users.list'>[number];

/**
 * Screen 1: pick your name, type your PIN. After a sign-out it says why (idle minutes) and that
 * the cart waits for its volunteer.
 */
export function SignInScreen({ reason, cartKept }: { reason: SignOutReason | null; cartKept: boolean }) {
  const { state, setState, navigate } = useApp();
  const t = useTexts(TEXTS);
  const [users, setUsers] = useState<User[] | null>(null);
  const [chosen, setChosen] = useState<User | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  const firstName = useRef<HTMLButtonElement>(null);

  // Read again every little while: on a desk joined to the club's server, a volunteer the
  // administrator just added arrives with the next pull. The list only changes when it did, so
  // focus stays where the volunteer is.
  useEffect(() => {
    const read = () =>
      void call('users.list', {}).then((result) => {
        if (!result.ok) return setError(result.error.message);
        setUsers((before) => (before && before.map((u) => u.id).join() === result.value.map((u) => u.id).join() ? before : result.value));
      });
    read();
    const timer = window.setInterval(read, 10_000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (chosen) pinInput.current?.focus();
    else firstName.current?.focus();
  }, [chosen, users]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || busy) return;
    setBusy(true);
    const result = await call('session.signIn', { userId: chosen.id, pin });
    setBusy(false);
    setPin('');
    if (!result.ok) return setError(result.error.message);
    setState(result.value);
    navigate(homeFor(result.value));
  };

  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('title')}</h1>
      {reason === 'idle' || cartKept ? (
        <Notice kind="info">
          {reason === 'idle' ? <p>{t('idle', { n: state.idleMinutes })}</p> : null}
          {cartKept ? <p>{t('cartKept')}</p> : null}
        </Notice>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {!chosen ? (
        <>
          {users?.length === 0 ? <Notice kind="warning">{t('noUsers')}</Notice> : null}
          <h2>{t('pick')}</h2>
          <ul className="choice-list">
            {(users ?? []).map((user, i) => (
              <li key={user.id}>
                <Button
                  ref={i === 0 ? firstName : undefined}
                  className="choice"
                  onClick={() => {
                    setChosen(user);
                    setError(null);
                  }}
                >
                  {user.name}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <form onSubmit={submit}>
          <p className="chosen">{chosen.name}</p>
          <Field
            ref={pinInput}
            label={t('pin')}
            hint={t('pinHint')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          />
          <div className="actions">
            <Button
              onClick={() => {
                setChosen(null);
                setPin('');
                setError(null);
              }}
            >
              {t('other')}
            </Button>
            <Button variant="primary" type="submit" disabled={busy || pin.length < 4}>
              {t('signIn')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
