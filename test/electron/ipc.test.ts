import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, SETUP_METHOD_NAMES } from '../../src-main/api/methods.js';
import type { ApiService } from '../../src-main/api/service.js';

// Electron cannot load under plain Node: a stand-in ipcMain records the handlers.
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));
const { registerIpc } = await import('../../src-main/electron/ipc.js');

const mainFrame = { url: 'app://comptoir/index.html', parent: null };
const window = { id: 3, isDestroyed: () => false, mainFrame };
const fromWindow = { sender: window, senderFrame: mainFrame };
const fromIframe = { sender: window, senderFrame: { url: 'app://comptoir/index.html', parent: mainFrame } };

describe('the IPC transport', () => {
  let calls: Array<[string, unknown]>;
  let api: ApiService;
  beforeEach(() => {
    handlers.clear();
    calls = [];
    api = {
      call: () => Promise.reject(new Error('not used')),
      callByName: (method, input) => {
        calls.push([method, input]);
        return Promise.resolve({ ok: true, value: 'answer' } as never);
      },
    };
  });

  it('has one channel per contract method and per first-start set-up, and removes them all', () => {
    const unregister = registerIpc(api, () => window as never);
    expect([...handlers.keys()]).toEqual([...METHOD_NAMES, ...SETUP_METHOD_NAMES].map((name) => `comptoir:${name}`));
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('passes our window’s calls to the API and notes the activity', async () => {
    const seen: string[] = [];
    registerIpc(api, () => window as never, (method) => seen.push(method));
    const answer = await handlers.get('comptoir:members.search')!(fromWindow, { query: 'roy' });
    expect(answer).toEqual({ ok: true, value: 'answer' });
    expect(calls).toEqual([['members.search', { query: 'roy' }]]);
    expect(seen).toEqual(['members.search']);
  });

  it('refuses, as data, calls from a frame that is not our window’s main frame', async () => {
    registerIpc(api, () => window as never);
    const answer = await handlers.get('comptoir:sales.checkout')!(fromIframe, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('refuses everything when the window is gone', async () => {
    registerIpc(api, () => null);
    expect(await handlers.get('comptoir:desk.state')!(fromWindow, {})).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });
});
