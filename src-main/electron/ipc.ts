import { ipcMain, type WebContents } from 'electron';
import type { ApiError } from '../api/contract.js';
import { METHOD_NAMES, SETUP_METHOD_NAMES, type MethodName, type SetupMethodName } from '../api/methods.js';
import type { ApiService } from '../api/service.js';
import { isTrustedSender } from './sender.js';

/** The IPC channel of a contract method; preload.ts builds the same names. */
export const channelFor = (method: MethodName | SetupMethodName): string => `comptoir:${method}`;

const CHANNELS = [...METHOD_NAMES, ...SETUP_METHOD_NAMES];

const REFUSED: ApiError = {
  code: 'FORBIDDEN_SENDER',
  message: 'Demande refusée : elle ne vient pas de la fenêtre de Comptoir.',
};

/**
 * One `ipcMain.handle` per contract method, and per first-start set-up (answered only before the
 * desk exists), nothing generic: the channel names the method, the sender is checked before
 * anything else, and the answer — success or error — is data.
 * Returns a function that removes the handlers.
 */
export function registerIpc(api: ApiService, window: () => WebContents | null, onCall: (method: MethodName | SetupMethodName) => void = () => {}): () => void {
  for (const method of CHANNELS) {
    ipcMain.handle(channelFor(method), (event, input: unknown) => {
      const contents = window();
      if (!contents || contents.isDestroyed() || !isTrustedSender(event, contents.id)) {
        return { ok: false, error: REFUSED };
      }
      onCall(method);
      return api.callByName(method, input);
    });
  }
  return () => {
    for (const method of CHANNELS) ipcMain.removeHandler(channelFor(method));
  };
}
