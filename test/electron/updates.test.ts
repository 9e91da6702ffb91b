import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeUpdater } from './fake-electron.js';

const QUIET_MINUTES = 10;

async function startWith(options: { feedUrl?: string | null; packaged?: boolean; lastCallAt: () => number }) {
  const updater = fakeUpdater();
  vi.resetModules();
  vi.doMock('electron', () => ({ app: { isPackaged: options.packaged ?? true } }));
  vi.doMock('electron-updater', () => ({ default: { autoUpdater: updater.autoUpdater } }));
  const { startUpdateChecks } = await import('../../src-main/electron/updates.js');
  vi.doUnmock('electron');
  vi.doUnmock('electron-updater');
  const messages: string[] = [];
  const stop = startUpdateChecks({
    feedUrl: options.feedUrl === undefined ? 'https://mises-a-jour.exemple.org/comptoir/' : options.feedUrl,
    lastCallAt: options.lastCallAt,
    quietMinutes: QUIET_MINUTES,
    log: (message) => messages.push(message),
  });
  return { ...updater, stop, messages };
}

describe('update checks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T15:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('checks 30 s after start when nobody has used the desk yet', async () => {
    const updater = await startWith({ lastCallAt: () => 0 });
    expect(updater.autoUpdater.feed).toEqual({ provider: 'generic', url: 'https://mises-a-jour.exemple.org/comptoir/' });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(updater.autoUpdater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(updater.autoUpdater.checks).toBe(1);
    updater.stop();
  });

  it('does not check while a volunteer is working, and checks once the desk has been quiet', async () => {
    let lastCall = Date.now();
    const updater = await startWith({ lastCallAt: () => lastCall });
    // A sale every few minutes for an hour: never quiet for 10 minutes.
    for (let minute = 0; minute < 60; minute += 3) {
      lastCall = Date.now();
      await vi.advanceTimersByTimeAsync(3 * 60_000);
    }
    expect(updater.autoUpdater.checks).toBe(0);
    // Then nobody for half an hour: the next 30-minute tick checks.
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(updater.autoUpdater.checks).toBe(1);
    updater.stop();
  });

  it('installs a downloaded update only at quit, and stops checking', async () => {
    const updater = await startWith({ lastCallAt: () => 0 });
    expect(updater.autoUpdater.autoInstallOnAppQuit).toBe(true);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(updater.autoUpdater.checks).toBe(0);
    expect(updater.autoUpdater.installs).toBe(0);
    expect(updater.messages).toEqual(['Mise à jour 0.2.0 téléchargée : elle s’installera à la fermeture de Comptoir.']);
    updater.stop();
  });

  it('keeps working when the feed cannot be reached', async () => {
    const updater = await startWith({ lastCallAt: () => 0 });
    updater.autoUpdater.checkForUpdates = () => Promise.reject(new Error('getaddrinfo ENOTFOUND'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(updater.messages).toEqual(['Mise à jour : la vérification a échoué.']);
    updater.stop();
  });

  it('lets the desk run on when the updater cannot be set up', async () => {
    vi.resetModules();
    const broken = { setFeedURL: () => { throw new Error('app-update.yml is missing'); } };
    vi.doMock('electron', () => ({ app: { isPackaged: true } }));
    vi.doMock('electron-updater', () => ({ default: { autoUpdater: broken } }));
    const { startUpdateChecks } = await import('../../src-main/electron/updates.js');
    vi.doUnmock('electron');
    vi.doUnmock('electron-updater');
    const messages: string[] = [];
    const stop = startUpdateChecks({ feedUrl: 'https://x.example.org/', lastCallAt: () => 0, quietMinutes: 10, log: (m) => messages.push(m) });
    expect(messages).toEqual(['Mise à jour : impossible de préparer les vérifications.']);
    expect(stop).toBeTypeOf('function');
  });

  it('does nothing without a feed, or outside a packaged app', async () => {
    for (const options of [{ feedUrl: null }, { packaged: false }]) {
      const updater = await startWith({ ...options, lastCallAt: () => 0 });
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect(updater.autoUpdater.feed).toBeNull();
      expect(updater.autoUpdater.checks).toBe(0);
    }
  });
});
