import { call } from '../app/api';
import { COMMON, useTexts } from '../app/i18n';
import { useApp } from '../app/navigation';
import { Button } from './Button';

/** The desk, who is signed in, the language switch and sign-out: always in the same place. */
export function Header({ onSignOut }: { onSignOut: () => void }) {
  const { state, setState } = useApp();
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
        {state.user ? <span className="who">{state.user.name}</span> : null}
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
