import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ComptoirError } from '../../src-shared/errors.js';
import type { Paper, PrintKind } from './documents.js';
import type { Language } from '../../src-shared/language.js';
import type { BackupPlace } from '../db/backup.js';
import type { DatabaseKey } from '../db/key.js';
import type { ApiError, Method, Result } from './contract.js';
import type { CoreSettings, FromCore, ToCore } from './core-messages.js';
import type { ApiService, ClientId } from './service.js';

export interface CoreOptions {
  file: string;
  /** The database's encryption key, when it is encrypted (see db/key.ts). */
  key?: DatabaseKey | null;
  /** Where backups go besides the database's own folder. */
  backups?: BackupPlace;
  language?: Language;
  idleMinutes?: number;
  /** The paper this desk's printers take (receipts, cards). */
  paper?: Paper;
  /** Where the core's unexpected errors are reported. */
  log?: (message: string) => void;
  /** The shell's save dialog (Electron); without it the renderer downloads the file itself. */
  saveFile?: (filename: string, bytes: Uint8Array) => Promise<string | null>;
  /** The shell's printer (Electron): prints a PDF the desk made. */
  print?: (bytes: Uint8Array, kind: PrintKind) => Promise<void>;
}

/** The contract, served by the core in its own thread. */
export interface CoreHost extends ApiService {
  /** The core's thread (never the one that serves the windows). */
  readonly threadId: number;
  close(): Promise<void>;
}

/** The desk could not be opened: the message says why, in the desk's language. */
export class CoreStartError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/**
 * The core's worker script. Built (electron-vite, the browser-mode bundle), it sits next to the
 * code that starts it; run from the TypeScript sources (tests, `tsx`), a small bootstrap
 * registers tsx in the worker first.
 */
function workerScript(): { url: URL; workerData: Record<string, unknown> } {
  for (const name of ['core-worker.js', 'core-worker.mjs']) {
    const url = new URL(`./${name}`, import.meta.url);
    if (existsSync(fileURLToPath(url))) return { url, workerData: {} };
  }
  return { url: new URL('./ts-worker.mjs', import.meta.url), workerData: { entry: new URL('./core-worker.ts', import.meta.url).href } };
}

const UNAVAILABLE = (language: Language): ApiError =>
  new ComptoirError('INTERNAL').toData(language);

/**
 * Starts the core in a worker thread on the desk's database and resolves once it has opened it.
 *
 * @throws CoreStartError when the database cannot be opened (not set up, too new, unreadable).
 */
export function startCore(options: CoreOptions): Promise<CoreHost> {
  const log = options.log ?? ((message: string) => console.error(message));
  const language = options.language ?? 'fr';
  const settings: CoreSettings = {
    file: options.file,
    key: options.key ?? null,
    ...(options.backups ? { backups: options.backups } : {}),
    ...(options.language ? { language: options.language } : {}),
    ...(options.idleMinutes === undefined ? {} : { idleMinutes: options.idleMinutes }),
    ...(options.paper ? { paper: options.paper } : {}),
    capabilities: [...(options.saveFile ? (['saveFile'] as const) : []), ...(options.print ? (['print'] as const) : [])],
  };
  const script = workerScript();
  const worker = new Worker(script.url, { workerData: { ...script.workerData, ...settings } });
  const calls = new Map<number, (result: Result<Method>) => void>();
  let nextId = 0;
  let alive = true;
  let closed: (() => void) | null = null;
  const post = (message: ToCore) => worker.postMessage(message);

  const answerCapability = async (message: Extract<FromCore, { type: 'capability' }>) => {
    try {
      const value = message.name === 'saveFile' ? await options.saveFile!(message.filename, message.bytes) : await options.print!(message.bytes, message.kind);
      post({ type: 'capability-done', id: message.id, ok: true, value });
    } catch (error) {
      post({ type: 'capability-done', id: message.id, ok: false, message: (error as Error).message });
    }
  };

  return new Promise<CoreHost>((resolve, reject) => {
    const stop = (error: ApiError) => {
      alive = false;
      for (const [id, answer] of calls) {
        calls.delete(id);
        answer({ ok: false, error });
      }
    };
    worker.on('error', (error) => {
      log(`Le cœur de Comptoir s'est arrêté : ${error.stack ?? error.message}`);
      stop(UNAVAILABLE(language));
      reject(error);
    });
    worker.on('exit', () => {
      stop(UNAVAILABLE(language));
      closed?.();
    });
    worker.on('message', (message: FromCore) => {
      switch (message.type) {
        case 'ready':
          resolve(host(message.threadId));
          return;
        case 'failed':
          alive = false;
          void worker.terminate();
          reject(new CoreStartError(message.error));
          return;
        case 'result': {
          const answer = calls.get(message.id);
          calls.delete(message.id);
          answer?.(message.result);
          return;
        }
        case 'capability':
          void answerCapability(message);
          return;
        case 'log':
          log(message.message);
          return;
        case 'closed':
          return;
      }
    });
  });

  function host(threadId: number): CoreHost {
    const call = <M extends Method>(method: M, input: unknown, client?: ClientId): Promise<Result<M>> => {
      if (!alive) return Promise.resolve({ ok: false, error: UNAVAILABLE(language) });
      return new Promise((resolve) => {
        const id = ++nextId;
        calls.set(id, resolve as (result: Result<Method>) => void);
        post({ type: 'call', id, method, input, ...(client === undefined ? {} : { client }) });
      });
    };
    return {
      threadId,
      call,
      // The core checks the name (UNKNOWN_METHOD) like everything else it is sent.
      callByName: (method, input, client) => call(method as Method, input, client),
      close: () =>
        new Promise<void>((done) => {
          if (!alive) return done();
          closed = done;
          post({ type: 'close' });
        }),
    };
  }
}
