import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, SETUP_METHOD_NAMES } from '../../src-main/api/methods.js';

/** A stand-in for what a sandboxed preload can require: records what it exposes and invokes. */
function fakeElectron() {
  const exposed = new Map<string, unknown>();
  const invoked: Array<[string, unknown]> = [];
  const ipcRenderer = {
    invoke: (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: channel });
    },
    send: () => {},
    on: () => {},
  };
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  return { exposed, invoked, ipcRenderer, module: { contextBridge, ipcRenderer } };
}

async function builtPreload(): Promise<string> {
  // The preload exactly as `electron-vite build` makes it, without writing to out/.
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ configFile: resolve('electron.vite.config.ts'), logLevel: 'silent' }, 'build', 'production');
  const preload = resolved.config!.preload!;
  preload.build = { ...preload.build, write: false };
  preload.logLevel = 'silent';
  const result = await build(preload);
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => ('output' in output ? output.output : []));
  expect(chunks.map((chunk) => chunk.fileName)).toEqual(['preload.cjs']);
  const chunk = chunks[0]!;
  return chunk.type === 'chunk' ? chunk.code : String(chunk.source);
}

describe('the preload', () => {
  it('exposes window.comptoir alone: one function per method, each invoking its own channel', async () => {
    const electron = fakeElectron();
    vi.doMock('electron', () => electron.module);
    await import('../../src-main/electron/preload.js');
    vi.doUnmock('electron');

    expect([...electron.exposed.keys()]).toEqual(['comptoir']);
    const bridge = electron.exposed.get('comptoir') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge)).toEqual([...METHOD_NAMES, ...SETUP_METHOD_NAMES]);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
    expect(await bridge['members.search']!({ query: 'roy' })).toEqual({ ok: true, value: 'comptoir:members.search' });
    expect(electron.invoked).toEqual([['comptoir:members.search', { query: 'roy' }]]);
  });

  it('builds into one CommonJS file that requires nothing but electron and never hands out ipcRenderer', async () => {
    const code = await builtPreload();
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*[({"']|export\s/);
    expect(code.length).toBeLessThan(4000);

    // Run the built file the way Electron's sandbox does: a CommonJS module whose only require is electron.
    const electron = fakeElectron();
    const module = { exports: {} };
    runInNewContext(code, {
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`the sandbox cannot require ${name}`);
        return electron.module;
      },
      module,
      exports: module.exports,
      Object,
    });
    const bridge = electron.exposed.get('comptoir') as Record<string, unknown>;
    expect(Object.keys(bridge)).toEqual([...METHOD_NAMES, ...SETUP_METHOD_NAMES]);
    const values = Object.values(bridge);
    expect(values.every((value) => typeof value === 'function')).toBe(true);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
  });
});
