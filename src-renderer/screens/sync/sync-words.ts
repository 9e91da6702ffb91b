import { useEffect, useState } from 'react';
import { call } from '../../app/api';
import { wordsOf } from '../../app/i18n';
import type { Output } from '../../app/api';
import type { Language } from '../../../src-shared/language';
import { businessDateOf, formatClockTime, formatShortDateTime } from '../../../src-shared/dates';
import { countOf } from '../../../src-shared/words';

export type SyncDetails = Output<'sync.status'>;

/** The header's sync badge and the sync screen, French first. */
export const SYNC_TEXTS = wordsOf({
  fr: {
    standalone: 'Poste autonome',
    synced: 'Synchronisé à {time}',
    syncedNever: 'Pas encore synchronisé',
    offline: 'Hors ligne depuis {time}',
    sending: 'Envoi au serveur',
    clockBadge: 'Horloge décalée de {minutes} min',
    clockAhead: 'L’horloge de cet ordinateur a {minutes} minutes d’avance sur le serveur du club. Ses opérations sont gardées telles quelles, mais mettez l’ordinateur à l’heure (Paramètres, Date et heure).',
    clockBehind: 'L’horloge de cet ordinateur a {minutes} minutes de retard sur le serveur du club. Ses opérations sont gardées telles quelles, mais mettez l’ordinateur à l’heure (Paramètres, Date et heure).',
    title: 'Synchronisation avec le serveur du club',
    standaloneBody: 'Ce poste est autonome : il ne s’est joint à aucun serveur de club. Ses données restent sur ce poste et dans ses sauvegardes.',
    server: 'Serveur',
    lastPush: 'Dernier envoi réussi',
    lastPull: 'Dernière réception',
    never: 'jamais',
    waiting: 'En attente d’envoi',
    toCheck: 'À vérifier',
    allGood: 'Le serveur a reçu tout ce que ce poste a fait, et ce poste a reçu tout ce que les autres postes ont envoyé.',
    offlineBody: '{reason} Ce qui attend sera envoyé dès qu’il répondra.',
    refusedPush: 'Le serveur a refusé les envois de ce poste : {reason} Les opérations restent sur ce poste ; appelez l’administrateur du club.',
    refusedTitle: 'Opérations reçues d’autres postes et gardées à vérifier',
    operation: 'Opération',
    writtenAt: 'Écrite le',
    reason: 'Raison',
    back: 'Retour',
  },
  en: {
    standalone: 'Desk on its own',
    synced: 'In sync at {time}',
    syncedNever: 'Not synced yet',
    offline: 'Offline since {time}',
    sending: 'Sending to the server',
    clockBadge: 'Clock off by {minutes} min',
    clockAhead: 'This computer’s clock is {minutes} minutes ahead of the club’s server. Its operations are kept as they are, but set the computer’s time right (Settings, Date and time).',
    clockBehind: 'This computer’s clock is {minutes} minutes behind the club’s server. Its operations are kept as they are, but set the computer’s time right (Settings, Date and time).',
    title: 'Syncing with the club’s server',
    standaloneBody: 'This desk stands alone: it joined no club server. Its data stays on this desk and in its backups.',
    server: 'Server',
    lastPush: 'Last successful send',
    lastPull: 'Last received',
    never: 'never',
    waiting: 'Waiting to be sent',
    toCheck: 'To check',
    allGood: 'The server has everything this desk did, and this desk has everything the other desks sent.',
    offlineBody: '{reason} What waits is sent as soon as it answers.',
    refusedPush: 'The server refused this desk’s sends: {reason} The operations stay on this desk; call the club’s administrator.',
    refusedTitle: 'Operations received from other desks and kept to check',
    operation: 'Operation',
    writtenAt: 'Written on',
    reason: 'Reason',
    back: 'Back',
  },
});

/** « 14 h 32 » today, the date too on another day. */
export function whenSaid(iso: string, language: Language, today: string): string {
  return businessDateOf(iso) === today ? formatClockTime(iso, language) : formatShortDateTime(iso, language);
}

/** The badge's words: the truest short sentence about the desk and its server. */
export function syncSummary(s: SyncDetails, language: Language, today: string, t: (key: keyof (typeof SYNC_TEXTS)['fr'], p?: Record<string, string | number>) => string): { text: string; kind: 'ok' | 'info' | 'warning' } {
  if (!s.joined) return { text: t('standalone'), kind: 'info' };
  const problems = s.toCheck + (s.pushRefusal ? Math.max(s.waiting, 1) : 0);
  if (problems > 0) return { text: countOf(problems, 'operationToCheck', language), kind: 'warning' };
  if (s.clockOffMs !== null) return { text: t('clockBadge', { minutes: Math.round(Math.abs(s.clockOffMs) / 60_000) }), kind: 'warning' };
  if (s.attempts > 0) {
    const since = s.offlineSince ? t('offline', { time: whenSaid(s.offlineSince, language, today) }) : t('offline', { time: '—' });
    return { text: `${since} · ${countOf(s.waiting, 'waitingOperation', language)}`, kind: 'warning' };
  }
  if (s.synced) {
    const last = [s.lastPushAt, s.lastPullAt].filter((x): x is string => x !== null).sort().at(-1);
    return { text: last ? t('synced', { time: whenSaid(last, language, today) }) : t('syncedNever'), kind: 'ok' };
  }
  return { text: s.waiting > 0 ? `${t('sending')} · ${countOf(s.waiting, 'waitingOperation', language)}` : t('syncedNever'), kind: 'info' };
}

/** How often the header and the sync screen ask the core how the desk stands with its server. */
const REFRESH_MS = 3000;

/** The desk's sync status, read now and every few seconds while the component is shown; null until the first answer. */
export function useSyncStatus(): SyncDetails | null {
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
  return status;
}
