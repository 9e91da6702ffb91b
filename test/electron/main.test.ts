import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp.js';
import { SYSTEM_USER_NAME, systemUserId } from '../../src-main/core/desk/setup.js';
import { KEY_FILE_NAME } from '../../src-main/electron/keychain.js';
import { addMember, newDesk, tempFolder } from '../helpers.js';
import { fakeElectron, fakeUpdater, settle } from './fake-electron.js';

const savedDb = process.env.COMPTOIR_DB;
beforeAll(() => {
  delete process.env.COMPTOIR_DB;
});
afterAll(() => {
  if (savedDb !== undefined) process.env.COMPTOIR_DB = savedDb;
});

/** Runs main.ts, as Electron would, against the stand-in Electron; `config` goes to comptoir.json. */
async function launch(options: { config?: unknown; packaged?: boolean; lock?: boolean; keychain?: boolean; userData?: string } = {}) {
  const userData = options.userData ?? tempFolder();
  const appPath = tempFolder();
  mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Comptoir</title>');
  if (options.config !== undefined) {
    writeFileSync(join(userData, 'comptoir.json'), typeof options.config === 'string' ? options.config : JSON.stringify(options.config));
  }
  const fake = fakeElectron({ userData, appPath, packaged: options.packaged ?? true, lock: options.lock ?? true, keychain: options.keychain ?? true });
  const updater = fakeUpdater();
  vi.resetModules();
  vi.doMock('electron', () => fake.electron);
  vi.doMock('electron-updater', () => ({ default: { autoUpdater: updater.autoUpdater } }));
  await import('../../src-main/electron/main.js');
  const privilegedAtImport = fake.recorded.privilegedBeforeReady;
  fake.fireReady();
  await settle();
  // The core starts in its worker thread: wait until the shell has opened its window, said why
  // it cannot, or quit.
  await vi.waitFor(() => expect(fake.recorded.windows.length + fake.recorded.errorBoxes.length + fake.recorded.quits).toBeGreaterThan(0), { timeout: 20_000 });
  vi.doUnmock('electron');
  vi.doUnmock('electron-updater');
  return { ...fake, updater, privilegedAtImport, userData, quit: () => fake.emitApp('will-quit') };
}

describe('the Electron shell, started on a set-up desk', () => {
  let shell: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    const { desk, file } = newDesk();
    desk.close();
    shell = await launch({ config: { databaseFile: file, updateFeedUrl: 'https://mises-a-jour.exemple.org/comptoir/' } });
  });
  afterAll(() => shell.quit());

  it('registers app:// as a privileged scheme before ready, without bypassing the CSP', () => {
    expect(shell.privilegedAtImport).toBe(true);
    expect(shell.recorded.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(shell.recorded.sandboxed).toBe(true);
    expect(shell.recorded.errorBoxes).toEqual([]);
  });

  it('opens one window on app://comptoir/, isolated, sandboxed, without Node or developer tools', () => {
    expect(shell.recorded.windows).toHaveLength(1);
    const window = shell.recorded.windows[0]!;
    expect(window.url).toBe('app://comptoir/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('blocks navigation, new windows and webviews', () => {
    const contents = shell.recorded.windows[0]!.webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      (contents.listeners.get(name) as (event: unknown) => void)(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission, device and download, and lets no remote request out', () => {
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      shell.recorded.permissionRequest!({}, permission, (answer) => granted.push(answer));
    }
    expect(granted).toEqual([false, false, false, false, false]);
    expect(shell.recorded.permissionCheck!({}, 'media', 'app://comptoir', {})).toBe(false);
    expect(shell.recorded.devicePermission!({})).toBe(false);
    const download = { preventDefault: vi.fn() };
    (shell.recorded.sessionListeners.get('will-download') as (event: unknown) => void)(download);
    expect(download.preventDefault).toHaveBeenCalled();

    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      shell.recorded.beforeRequest!({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    expect(cancelled('https://cdn.example.com/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('wss://example.com/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://comptoir/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AA==')).toBe(false);
  });

  it('serves the built renderer on app:// with the one CSP', async () => {
    const response = await shell.recorded.protocolHandlers.get('app')!({ url: 'app://comptoir/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Comptoir</title>');
  });

  it('answers the window’s IPC calls from the desk, and refuses an iframe’s', async () => {
    const contents = shell.recorded.windows[0]!.webContents;
    const state = await shell.recorded.ipc.get('comptoir:desk.state')!({ sender: contents, senderFrame: contents.mainFrame }, {});
    expect(state).toMatchObject({ ok: true, value: { desk: { name: 'Accueil', receiptPrefix: 'A' }, language: 'fr', user: null } });
    const iframe = { url: 'app://comptoir/index.html', parent: contents.mainFrame };
    expect(await shell.recorded.ipc.get('comptoir:users.list')!({ sender: contents, senderFrame: iframe }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('sets the generic update feed from the configuration, installing only on quit', () => {
    expect(shell.updater.autoUpdater.feed).toEqual({ provider: 'generic', url: 'https://mises-a-jour.exemple.org/comptoir/' });
    expect(shell.updater.autoUpdater.autoInstallOnAppQuit).toBe(true);
    expect(shell.updater.autoUpdater.allowDowngrade).toBe(false);
    expect(shell.updater.autoUpdater.installs).toBe(0);
  });
});

describe('the desk database, encrypted with a key the keychain keeps', () => {
  it('encrypts a plain desk database on the first start, keeps the key only in the keychain, and opens it again', async () => {
    const { desk, file } = newDesk();
    addMember(desk, { userId: systemUserId(desk) }, 'Françoise', 'Léveillé-Côté');
    desk.close();
    const first = await launch({ config: { databaseFile: file } });
    expect(first.recorded.errorBoxes).toEqual([]);
    first.quit();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const keyBlob = readFileSync(join(first.userData, KEY_FILE_NAME));
    expect(keyBlob.toString('latin1')).not.toMatch(/[0-9a-f]{64}/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Léveillé'))).toBe(false);
    const again = await launch({ config: { databaseFile: file }, userData: first.userData });
    expect(again.recorded.errorBoxes).toEqual([]);
    const contents = again.recorded.windows[0]!.webContents;
    const state = await again.recorded.ipc.get('comptoir:desk.state')!({ sender: contents, senderFrame: contents.mainFrame }, {});
    expect(state).toMatchObject({ ok: true, value: { desk: { name: 'Accueil' } } });
    again.quit();
  });

  it('says in French when the keychain cannot be used, and opens nothing', async () => {
    const { desk, file } = newDesk();
    desk.close();
    const shell = await launch({ config: { databaseFile: file }, keychain: false });
    expect(shell.recorded.errorBoxes[0]![1]).toContain('Le trousseau du système');
    expect(shell.recorded.windows).toEqual([]);
  });
});

describe('the Electron shell on a desk without a database: its first start', () => {
  it('opens the window on the first start, sets the desk up « Poste autonome », encrypted with the keychain’s key, and serves it', async () => {
    const file = join(tempFolder(), 'poste-1.sqlite');
    const shell = await launch({ config: { databaseFile: file } });
    expect(shell.recorded.errorBoxes).toEqual([]);
    const contents = shell.recorded.windows[0]!.webContents;
    const call = (method: string, input: unknown) => shell.recorded.ipc.get(`comptoir:${method}`)!({ sender: contents, senderFrame: contents.mainFrame }, input);
    expect(await call('desk.state', {})).toMatchObject({ ok: false, error: { code: 'DESK_NOT_SET_UP', message: expect.stringContaining('« Poste autonome »') } });
    // Bad input: said in French, nothing created.
    expect(await call('setup.standalone', { clubName: 'Club', deskName: 'Accueil', receiptPrefix: 'A', adminName: 'Lise', adminPin: '12' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(file)).toBe(false);
    // Refused after the file was made (the command line's own name): the file goes too, and the volunteer can try again.
    expect(await call('setup.standalone', { clubName: 'Club', deskName: 'Accueil', receiptPrefix: 'A', adminName: SYSTEM_USER_NAME, adminPin: '1234' })).toMatchObject({ ok: false, error: { code: 'USER_NAME_TAKEN' } });
    expect(existsSync(file)).toBe(false);

    expect(await call('setup.standalone', { clubName: 'Club de l’Âge d’or', deskName: 'Accueil', receiptPrefix: 'A', adminName: 'Lise Bouchard', adminPin: '1234' })).toEqual({ ok: true, value: {} });
    expect(await call('desk.state', {})).toMatchObject({ ok: true, value: { desk: { name: 'Accueil', receiptPrefix: 'A' }, user: null } });
    expect(readFileSync(file).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    // Set up once: the desk's core now answers, and a second set-up is no method of its.
    expect(await call('setup.standalone', { clubName: 'Autre', deskName: 'Autre', receiptPrefix: 'B', adminName: 'Réal Gagnon', adminPin: '2345' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call('users.list', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ name: 'Lise Bouchard' })] });
    shell.quit();
  });
});

describe('the Electron shell, when it cannot start', () => {
  it('shows what is wrong with the configuration in French, and opens nothing', async () => {
    const shell = await launch({ config: { language: 'es', updateFeedUrl: 'http://exemple.org/' } });
    expect(shell.recorded.errorBoxes).toHaveLength(1);
    const [title, message] = shell.recorded.errorBoxes[0]!;
    expect(title).toBe('Comptoir ne peut pas démarrer');
    expect(message).toContain('« language » : la langue doit être « fr » ou « en »');
    expect(message).toContain('« updateFeedUrl » : une adresse https://… est attendue');
    expect(shell.recorded.exits).toEqual([1]);
    expect(shell.recorded.windows).toEqual([]);
    expect(shell.recorded.ipc.size).toBe(0);
  });

  it('says to run comptoir init when the database is not set up', async () => {
    const file = join(tempFolder(), 'vide.sqlite');
    writeFileSync(file, '');
    const shell = await launch({ config: { databaseFile: file } });
    expect(shell.recorded.errorBoxes[0]![1]).toContain('Ce poste n\'est pas encore configuré : lancez « comptoir init »');
    expect(shell.recorded.exits).toEqual([1]);
  });

  it('quits at once when another Comptoir already runs', async () => {
    const shell = await launch({ lock: false });
    expect(shell.recorded.quits).toBe(1);
    expect(shell.recorded.windows).toEqual([]);
    expect(shell.recorded.errorBoxes).toEqual([]);
  });
});
