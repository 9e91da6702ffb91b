import { useEffect, useState } from 'react';
import { call } from '../app/api';
import { useLanguage, useTexts } from '../app/i18n';
import { useApp } from '../app/navigation';
import { SYNC_TEXTS, syncSummary, type SyncDetails } from '../screens/sync/sync-words';
import { Button } from './Button';

/** How often the header asks the core how the desk stands with its server. */
const REFRESH_MS = 3000;

/**
 * « Synchronisé à 14 h 32 », « Hors ligne depuis 13 h 05 · 42 opérations en attente »,
 * « 2 opérations à vérifier », or « Poste autonome »: the header's truth about the server, kept
 * fresh, and the way to the sync screen.
 */
export function SyncBadge() {
  const { state, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(SYNC_TEXTS);
  const [status, setStatus] = useState<SyncDetails | null>(null);

  useEffect(() => {
    let live = true;
    const read = () => void call('sync.status', {}).then((result) => live && result.ok && setStatus(result.value));
    read();
    const timer = window.setInterval(read, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);

  if (!status) return null;
  const summary = syncSummary(status, language, state.today, t);
  return (
    <span className={`sync-badge sync-${summary.kind}`} role="status">
      {state.user ? (
        <Button variant="link" onClick={() => navigate({ name: 'sync' })}>
          {summary.text}
        </Button>
      ) : (
        summary.text
      )}
    </span>
  );
}
