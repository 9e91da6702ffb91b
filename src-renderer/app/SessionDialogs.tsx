import { ConfirmDialog } from '../components/ConfirmDialog';
import { countOf } from '../../src-shared/words';
import { useLanguage, useTexts, wordsOf } from './i18n';
import type { Cart } from './navigation';

const TEXTS = wordsOf({
  fr: {
    idleTitle: 'Êtes-vous toujours là ?',
    idleBody: 'Sans activité, vous serez déconnecté dans {n} s.',
    idleCart: 'Le panier de {owner} ({items}) sera gardé pour vous.',
    stay: 'Je suis là',
    leave: 'Me déconnecter',
    askTitle: 'Se déconnecter ?',
    askBody: 'Le panier de {owner} ({items}) n’est pas encaissé. Il sera gardé pour vous : vous le retrouverez en vous reconnectant.',
    askOk: 'Se déconnecter',
    askKeep: 'Rester connecté',
  },
  en: {
    idleTitle: 'Are you still there?',
    idleBody: 'Without activity, you will be signed out in {n} s.',
    idleCart: 'The cart of {owner} ({items}) will be kept for you.',
    stay: 'I am here',
    leave: 'Sign me out',
    askTitle: 'Sign out?',
    askBody: 'The cart of {owner} ({items}) is not checked out. It is kept for you: you will find it when you sign in again.',
    askOk: 'Sign out',
    askKeep: 'Stay signed in',
  },
});

function useCartWords(cart: Cart) {
  const language = useLanguage();
  return { owner: cart.owner?.name ?? '—', items: countOf(cart.lines.length, 'item', language) };
}

/** The last minute before the idle sign-out, counted down: « Je suis là » keeps the volunteer in. */
export function IdleWarning({ secondsLeft, cart, onStay, onLeave }: { secondsLeft: number; cart: Cart; onStay: () => void; onLeave: () => void }) {
  const t = useTexts(TEXTS);
  const words = useCartWords(cart);
  return (
    <ConfirmDialog title={t('idleTitle')} confirmLabel={t('stay')} cancelLabel={t('leave')} onConfirm={onStay} onCancel={onLeave}>
      <p role="timer" aria-live="off">
        {t('idleBody', { n: secondsLeft })}
      </p>
      {cart.lines.length > 0 ? <p>{t('idleCart', words)}</p> : null}
    </ConfirmDialog>
  );
}

/** « Se déconnecter » while a cart waits: said, and the cart kept for this volunteer. */
export function SignOutWithCart({ cart, onSignOut, onStay }: { cart: Cart; onSignOut: () => void; onStay: () => void }) {
  const t = useTexts(TEXTS);
  const words = useCartWords(cart);
  return (
    <ConfirmDialog title={t('askTitle')} confirmLabel={t('askOk')} cancelLabel={t('askKeep')} onConfirm={onSignOut} onCancel={onStay}>
      <p>{t('askBody', words)}</p>
    </ConfirmDialog>
  );
}
