import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { CoreStartError, type CoreOptions } from '../api/core-host.js';
import { startDesk, type DeskHost } from '../api/first-start.js';
import { APP_SCHEME, APP_URL, serveRenderer } from './app-protocol.js';
import { DeskConfigError, loadDeskConfig, type DeskConfig } from './config.js';
import { registerIpc } from './ipc.js';
import { deskKey, KeychainError } from './keychain.js';
import { useFontDirectory } from '../documents/index.js';
import { printPage, printPdf, saveFileAs, savePageAsPdf } from './printing.js';
import { startUpdateChecks } from './updates.js';

/** Minutes without a call before the volunteer is signed out (and the desk counts as quiet). */
const IDLE_MINUTES = 10;

// Before `ready`, and only once: app:// is a standard, secure origin, so relative URLs, ES
// modules and storage work as on https. It does not bypass the CSP and allows no service worker.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// Every renderer sandboxed, whatever a webPreferences object says.
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  run();
} else {
  // One desk, one database writer: a second launch only brings the first window forward.
  app.quit();
}

function run(): void {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(async () => {
      window = await start();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Comptoir ne peut pas démarrer', startupMessage(error));
      app.exit(1);
    });
}

async function start(): Promise<BrowserWindow> {
  denyPermissions();
  const config = loadDeskConfig(app.getPath('userData'));
  let window: BrowserWindow | null = null;
  // The core runs in a worker thread: this thread keeps serving the window, whatever the core does.
  const desk = await startDeskOf(config, {
    saveFile: (filename, bytes) => saveFileAs(window!, filename, bytes),
    // Receipts go to the desk's receipt printer; cards and reports through the dialog.
    print: (bytes, kind) => printPdf(window!, bytes, kind === 'receipt' ? config.printerName : null),
  });
  let lastCallAt = 0;
  // Packaged, the PDF fonts live in the app's resources folder (electron-builder's extraResources).
  if (app.isPackaged && process.resourcesPath) useFontDirectory(join(process.resourcesPath, 'fonts'));
  const rendererDir = join(app.getAppPath(), 'out', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveRenderer(rendererDir, request));

  const shown = createWindow();
  window = shown;
  const unregister = registerIpc(
    desk,
    () => (shown.isDestroyed() ? null : shown.webContents),
    () => {
      lastCallAt = Date.now();
    },
  );
  Menu.setApplicationMenu(buildMenu(shown, config));
  const stopUpdates = startUpdateChecks({
    feedUrl: config.updateFeedUrl,
    lastCallAt: () => lastCallAt,
    quietMinutes: IDLE_MINUTES,
    log: (message, error) => (error === undefined ? console.log(message) : console.error(message, error)),
  });
  app.once('will-quit', () => {
    stopUpdates();
    unregister();
    void desk.close();
  });
  void shown.loadURL(`${APP_URL}index.html`);
  return shown;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Comptoir',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(import.meta.dirname, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // No developer tools in the installed app: they would hand anyone at the desk the API.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Every web contents, present or future: no navigation, no new window, no webview. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The UI needs no camera, microphone, location, notification, clipboard read or device. */
function denyPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  // No remote content and no file:// — the UI needs nothing but app:// (and data: images). The
  // updater uses its own session, so it is not affected.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isRemoteOrFile(details.url) }));
}

const BLOCKED_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);
function isRemoteOrFile(url: string): boolean {
  try {
    return BLOCKED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/**
 * The desk's API: its core, or — before its database exists — the first start (« Poste
 * autonome » or « Se joindre au serveur du club »), the same as the browser mode's.
 */
async function startDeskOf(config: DeskConfig, shell: Pick<CoreOptions, 'saveFile' | 'print'>): Promise<DeskHost> {
  const key = deskKey(app.getPath('userData'), safeStorage);
  try {
    return await startDesk({
      file: config.databaseFile,
      key,
      language: config.language,
      idleMinutes: IDLE_MINUTES,
      paper: config.paper,
      log: (message) => console.error(message),
      ...shell,
    });
  } catch (error) {
    const reason = error instanceof CoreStartError ? error.message : (error as Error).message;
    throw new StartupError(`La base de données du poste n’a pas pu être ouverte :\n${config.databaseFile}\n\n${reason}`);
  }
}

class StartupError extends Error {}

function startupMessage(error: unknown): string {
  if (error instanceof DeskConfigError || error instanceof StartupError || error instanceof KeychainError) return error.message;
  console.error(error);
  return `Une erreur inattendue a empêché Comptoir de démarrer :\n${(error as Error)?.message ?? String(error)}`;
}

function buildMenu(window: BrowserWindow, config: DeskConfig): Menu {
  const developer: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload', label: 'Recharger' }, { role: 'toggleDevTools', label: 'Outils de développement' }];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'Fichier',
      submenu: [
        { label: 'Imprimer…', accelerator: 'CmdOrCtrl+P', click: () => void printPage(window, config.printerName) },
        { label: 'Enregistrer en PDF…', accelerator: 'CmdOrCtrl+Shift+S', click: () => void savePageAsPdf(window) },
        { type: 'separator' },
        { role: 'quit', label: 'Quitter' },
      ],
    },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'zoomIn', label: 'Agrandir le texte' },
        { role: 'zoomOut', label: 'Réduire le texte' },
        { role: 'resetZoom', label: 'Taille normale' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Plein écran' },
        ...developer,
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
