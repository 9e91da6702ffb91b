import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, SETUP_METHOD_NAMES } from '../api/methods.js';

// The sandboxed preload: built into one CommonJS file (electron.vite.config.ts), so it imports
// nothing but Electron and the list of method names. It hands the page one narrow function per
// contract method — never ipcRenderer, never a generic "invoke any channel".
const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of [...METHOD_NAMES, ...SETUP_METHOD_NAMES]) {
  bridge[name] = (input: unknown) => ipcRenderer.invoke(`comptoir:${name}`, input);
}

contextBridge.exposeInMainWorld('comptoir', Object.freeze(bridge));
