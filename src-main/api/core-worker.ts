import { parentPort, threadId, workerData } from 'node:worker_threads';
import { ComptoirError } from '../../src-shared/errors.js';
import { openDesk, type Desk } from '../core/desk/desk.js';
import { parseDatabaseKey } from '../db/key.js';
import type { CapabilityRequest, CoreSettings, FromCore, ToCore } from './core-messages.js';
import { createApiService } from './service.js';
import { readSyncTarget } from '../core/ledger/sync-progress.js';
import { startSync } from '../sync/engine.js';
import type { PrintKind } from './documents.js';

/**
 * The core's thread: it opens the desk's database and answers the contract's calls one after
 * the other. Shell capabilities (Electron's save dialog and printer) are asked of the window's
 * thread, which owns them.
 */
const port = parentPort!;
const settings = workerData as CoreSettings;
const send = (message: FromCore) => port.postMessage(message);

let desk: Desk | null = null;
try {
  desk = openDesk(settings.file, {
    ...(settings.language ? { language: settings.language } : {}),
    key: settings.key ? parseDatabaseKey(settings.key, 'clé du poste') : null,
    ...(settings.backups ? { backups: settings.backups } : {}),
  });
} catch (error) {
  const data = error instanceof ComptoirError ? error.toData(settings.language ?? 'fr') : { code: 'INTERNAL', message: (error as Error).message };
  send({ type: 'failed', error: data });
}

if (desk) serve(desk);

function serve(desk: Desk): void {
  let nextId = 0;
  const asked = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const ask = <T>(request: CapabilityRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      asked.set(id, { resolve: resolve as (value: unknown) => void, reject });
      send({ type: 'capability', id, ...request });
    });
  const api = createApiService(desk, {
    ...(settings.idleMinutes === undefined ? {} : { idleMinutes: settings.idleMinutes }),
    ...(settings.paper ? { paper: settings.paper } : {}),
    log: (error) => send({ type: 'log', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    ...(settings.capabilities.includes('saveFile') ? { saveFile: (filename: string, bytes: Uint8Array) => ask<string | null>({ name: 'saveFile', filename, bytes }) } : {}),
    ...(settings.capabilities.includes('print') ? { print: (bytes: Uint8Array, kind: PrintKind) => ask<void>({ name: 'print', bytes, kind }) } : {}),
  });

  // A desk that joined its club's server keeps in step with it from this thread, between calls.
  const target = readSyncTarget(desk.reader);
  const sync = target ? startSync(desk, target) : null;

  port.on('message', (message: ToCore) => {
    switch (message.type) {
      case 'call':
        void api.callByName(message.method, message.input, message.client).then((result) => {
          send({ type: 'result', id: message.id, result });
          // Whatever it wrote leaves now rather than at the next tick (nothing to send is cheap).
          sync?.nudge();
        });
        return;
      case 'capability-done': {
        const waiting = asked.get(message.id);
        asked.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(message.message));
        return;
      }
      case 'close':
        void (sync?.stop() ?? Promise.resolve()).finally(() => {
          desk.close();
          send({ type: 'closed' });
          port.close();
        });
        return;
    }
  });
  send({ type: 'ready', threadId });
}
