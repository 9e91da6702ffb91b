import { useLanguage, useTexts } from '../app/i18n';
import { useApp } from '../app/navigation';
import { SYNC_TEXTS, syncSummary, useSyncStatus } from '../screens/sync/sync-words';
import { Button } from './Button';

/**
 * « Synchronisé à 14 h 32 », « Hors ligne depuis 13 h 05 · 42 opérations en attente »,
 * « 2 opérations à vérifier », or « Poste autonome »: the header's truth about the server, kept
 * fresh, and the way to the sync screen.
 */
export function SyncBadge() {
  const { state, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(SYNC_TEXTS);
  const status = useSyncStatus();

  if (!status) return null;
  const summary = syncSummary(status, language, state.today, t);
  return (
    // Not a live region: it changes every few seconds, and a screen reader would read each one.
    <span className={`sync-badge sync-${summary.kind}`}>
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
