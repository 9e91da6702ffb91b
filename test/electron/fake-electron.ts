import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { vi } from 'vitest';

const KEYCHAIN_SECRET = randomBytes(32);

type Listener = (...args: never[]) => unknown;

/**
 * Electron's binary cannot run here, so the shell's tests run main.ts against this stand-in:
 * just enough of app, BrowserWindow, session, protocol, ipcMain, dialog and Menu to record what
 * the shell asks of Electron.
 */
export function fakeElectron(options: { userData: string; appPath: string; packaged?: boolean; lock?: boolean; keychain?: boolean }) {
  let isReady = false;
  let fireReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    fireReady = () => {
      isReady = true;
      resolve();
    };
  });
  const appListeners = new Map<string, Listener[]>();
  const emitApp = (name: string, ...args: unknown[]) => {
    for (const listener of appListeners.get(name) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  };
  const recorded = {
    privilegedBeforeReady: null as boolean | null,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    windows: [] as FakeWindow[],
    errorBoxes: [] as Array<[string, string]>,
    exits: [] as number[],
    quits: 0,
    sandboxed: false,
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    devicePermission: null as null | ((...args: unknown[]) => boolean),
    beforeRequest: null as null | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void),
    sessionListeners: new Map<string, Listener>(),
    menu: null as unknown,
  };

  let nextId = 1;
  class FakeContents {
    readonly id = nextId++;
    readonly listeners = new Map<string, Listener>();
    windowOpenHandler: null | ((details: { url: string }) => unknown) = null;
    readonly mainFrame = { url: '', parent: null };
    isDestroyed = () => false;
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
  }
  class FakeWindow {
    readonly webContents = new FakeContents();
    url: string | null = null;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      recorded.windows.push(this);
      emitApp('web-contents-created', {}, this.webContents);
    }
    once() {
      return this;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    loadURL(url: string) {
      this.url = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
  }

  const on = (name: string, listener: Listener) => {
    appListeners.set(name, [...(appListeners.get(name) ?? []), listener]);
    return app;
  };
  const app = {
    isPackaged: options.packaged ?? true,
    getPath: () => options.userData,
    getAppPath: () => options.appPath,
    enableSandbox: () => {
      recorded.sandboxed = true;
    },
    requestSingleInstanceLock: () => options.lock ?? true,
    quit: () => {
      recorded.quits += 1;
    },
    exit: (code: number) => {
      recorded.exits.push(code);
    },
    on,
    once: on,
    whenReady: () => ready,
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        recorded.privilegedBeforeReady = !isReady;
        recorded.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => (recorded.permissionCheck = handler),
        setDevicePermissionHandler: (handler: typeof recorded.devicePermission) => (recorded.devicePermission = handler),
        on: (name: string, listener: Listener) => recorded.sessionListeners.set(name, listener),
        webRequest: { onBeforeRequest: (listener: typeof recorded.beforeRequest) => (recorded.beforeRequest = listener) },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => recorded.ipc.set(channel, handler),
      removeHandler: (channel: string) => recorded.ipc.delete(channel),
    },
    dialog: {
      showErrorBox: (title: string, message: string) => recorded.errorBoxes.push([title, message]),
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => (recorded.menu = menu),
    },
    // The operating system's keychain, played by AES with a key only this process knows.
    safeStorage: {
      isEncryptionAvailable: () => options.keychain !== false,
      encryptString: (text: string) => {
        const iv = randomBytes(16);
        const cipher = createCipheriv('aes-256-cbc', KEYCHAIN_SECRET, iv);
        return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]);
      },
      decryptString: (data: Buffer) => {
        const decipher = createDecipheriv('aes-256-cbc', KEYCHAIN_SECRET, data.subarray(0, 16));
        return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
      },
    },
  };
  return { electron, recorded, fireReady, emitApp };
}

/** electron-updater's autoUpdater, recording what the shell asks of it. */
export function fakeUpdater() {
  const listeners = new Map<string, Listener>();
  const autoUpdater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    feed: null as unknown,
    checks: 0,
    installs: 0,
    setFeedURL(feed: unknown) {
      this.feed = feed;
    },
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return this;
    },
    checkForUpdates() {
      this.checks += 1;
      return Promise.resolve(null);
    },
    quitAndInstall() {
      this.installs += 1;
    },
  };
  const emit = (name: string, ...args: unknown[]) => (listeners.get(name) as ((...a: unknown[]) => unknown) | undefined)?.(...args);
  return { autoUpdater, emit };
}

/** Lets the promise chain after app.whenReady() run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
