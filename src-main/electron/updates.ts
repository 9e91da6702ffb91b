import { app } from 'electron';
import electronUpdater from 'electron-updater';

export interface UpdateOptions {
  /** The desk's generic feed (https), from its configuration; no feed, no checks. */
  feedUrl: string | null;
  /** When the UI last called the API (ms since the epoch; 0 when it has not yet). */
  lastCallAt: () => number;
  /** How long the desk must have been quiet before a check: the API's idle sign-out delay. */
  quietMinutes: number;
  log: (message: string, error?: unknown) => void;
}

const FIRST_CHECK_DELAY_MS = 30_000;
const CHECK_EVERY_MS = 30 * 60_000;

/**
 * Looks for updates on the desk's feed only when nobody is using the desk, and installs a
 * downloaded update only when Comptoir quits (never quitAndInstall while a volunteer works).
 *
 * "Nobody is using it" is kept simple: no API call for `quietMinutes`. That is the API's own
 * idle sign-out delay, and a sale needs a signed-in volunteer and API calls (quote, card
 * payment, checkout) all along, so no cart can be half paid when a check starts. At start the
 * desk counts as quiet (the first check runs 30 s after launch); after that, every 30 minutes,
 * a check runs if the desk has been quiet. A download that outlasts the quiet period only uses
 * bandwidth; nothing changes on the desk until the next quit.
 */
export function startUpdateChecks(options: UpdateOptions): () => void {
  // electron-updater only works in a packaged app (it reads app-update.yml from the resources).
  if (!options.feedUrl || !app.isPackaged) return () => {};
  try {
    return scheduleChecks(options.feedUrl, options);
  } catch (error) {
    // Updates are a convenience: the desk runs on without them.
    options.log('Mise à jour : impossible de préparer les vérifications.', error);
    return () => {};
  }
}

function scheduleChecks(feedUrl: string, options: UpdateOptions): () => void {
  // electron-updater is CommonJS (its exports are read off the default import in ESM), and its
  // updater is only created when first read: not at all in development or without a feed.
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;

  let busy = false;
  let downloaded = false;
  autoUpdater.on('error', (error) => options.log('Mise à jour : échec (Comptoir continue avec sa version actuelle).', error));
  autoUpdater.on('update-downloaded', (event) => {
    downloaded = true;
    options.log(`Mise à jour ${event.version} téléchargée : elle s’installera à la fermeture de Comptoir.`);
  });

  const checkIfQuiet = () => {
    if (busy || downloaded) return;
    if (Date.now() - options.lastCallAt() < options.quietMinutes * 60_000) return;
    busy = true;
    autoUpdater
      .checkForUpdates()
      .then((result) => result?.downloadPromise)
      .catch((error: unknown) => options.log('Mise à jour : la vérification a échoué.', error))
      .finally(() => {
        busy = false;
      });
  };

  const first = setTimeout(checkIfQuiet, FIRST_CHECK_DELAY_MS);
  const every = setInterval(checkIfQuiet, CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
