import { call } from '../app/api';
import { COMMON, useTexts } from '../app/i18n';
import { useApp, type Screen } from '../app/navigation';
import { Button } from './Button';
import { SyncBadge } from './SyncBadge';

/**
 * The desk, who is signed in, « Trouver un membre », the language switch and sign-out: always in
 * the same place. The cart keeps its own « Retour », which asks before payments typed in are left.
 */
export function Header({ screen, onSignOut }: { screen: Screen['name']; onSignOut: () => void }) {
  const { state, setState, navigate } = useApp();
  const common = useTexts(COMMON);
  const switchLanguage = async () => {
    const result = await call('desk.setLanguage', { language: state.language === 'fr' ? 'en' : 'fr' });
    if (result.ok) setState(result.value);
  };
  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {state.language === 'fr' ? 'Aller au contenu' : 'Skip to content'}
      </a>
      <div className="brand">
        <span className="club">{state.desk.clubName}</span>
        <span className="desk">
          {state.language === 'fr' ? 'Poste' : 'Desk'} {state.desk.name}
        </span>
      </div>
      <div className="header-actions">
        <SyncBadge />
        {state.user ? <span className="who">{state.user.name}</span> : null}
        {state.user && screen !== 'lookup' && screen !== 'checkout' && screen !== 'signIn' ? (
          <Button variant="link" onClick={() => navigate({ name: 'lookup' })}>
            {state.language === 'fr' ? 'Trouver un membre' : 'Find a member'}
          </Button>
        ) : null}
        <Button variant="link" onClick={switchLanguage} lang={state.language === 'fr' ? 'en' : 'fr'}>
          {common('language')}
        </Button>
        {state.user ? (
          <Button variant="link" onClick={onSignOut}>
            {common('signOut')}
          </Button>
        ) : null}
      </div>
    </header>
  );
}
