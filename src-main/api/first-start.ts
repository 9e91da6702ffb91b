import { existsSync } from 'node:fs';
import { z } from 'zod';
import { initializeDesk, initializeSchema, systemUserId } from '../core/desk/setup.js';
import { createUser } from '../core/users/users.js';
import type { Language } from '../db/schema.js';
import type { DatabaseKey } from '../db/key.js';
import { joinClubServer } from '../sync/join.js';
import { removeDatabase } from '../core/ledger/snapshot.js';
import { ComptoirError, isComptoirError } from '../../src-shared/errors.js';
import { parseInput, pin, text } from '../../src-shared/validation.js';
import type { ApiService } from './service.js';
import { startCore, type CoreHost, type CoreOptions } from './core-host.js';

/** « Poste autonome »: the desk on its own, its club's name, its receipt prefix, its first administrator. */
export const standaloneSetupSchema = z
  .object({ clubName: text(120), deskName: text(60), receiptPrefix: initializeSchema.shape.receiptPrefix, adminName: text(80), adminPin: pin })
  .strict();

/** « Se joindre au serveur du club »: its address and the one-time code from the administrator. */
export const joinSetupSchema = z.object({ address: text(300), code: text(64) }).strict();

/** The answer to every call but the two set-ups while the desk is not set up. */
const NOT_SET_UP = {
  fr: 'Ce poste n’est pas encore mis en route : choisissez « Poste autonome » ou « Se joindre au serveur du club ».',
  en: 'This desk is not set up yet: choose "Desk on its own" or "Join the club’s server".',
};

/**
 * The desk's first start (docs/SYNC.md): before its database exists, the shell serves this in
 * the core's place. It answers `setup.standalone` (`comptoir init` and a first administrator)
 * and `setup.join` (`comptoir join`), then hands over to the real core (`onReady`); every other
 * call says the desk is not set up (code DESK_NOT_SET_UP), which the renderer turns into the
 * first-start screen. Bad input and refusals come back as data in the desk's language and
 * change nothing.
 */
export function firstStartService(file: string, options: { key?: DatabaseKey | null; language?: Language; onReady: () => Promise<void> }): Pick<ApiService, 'callByName'> {
  const language = options.language ?? 'fr';
  let busy = false;
  const fail = (error: unknown) => {
    const data = isComptoirError(error) ? error.toData(language) : { code: 'INTERNAL', message: (error as Error).message };
    return { ok: false as const, error: data };
  };
  return {
    callByName: async (method, input) => {
      if (method !== 'setup.standalone' && method !== 'setup.join') return { ok: false, error: { code: 'DESK_NOT_SET_UP', message: NOT_SET_UP[language] } };
      if (busy) return fail(new ComptoirError('DATABASE_BUSY', { file }));
      busy = true;
      try {
        const keyOption = options.key ? { key: options.key } : {};
        if (method === 'setup.standalone') {
          const values = parseInput(standaloneSetupSchema, input);
          const { desk } = initializeDesk(file, { deskName: values.deskName, receiptPrefix: values.receiptPrefix, club: { clubName: values.clubName } }, { language, ...keyOption });
          try {
            createUser(desk, { userId: systemUserId(desk) }, { name: values.adminName, role: 'admin', pin: values.adminPin });
          } catch (error) {
            // A desk nobody can sign in to is no desk: the file goes, and the volunteer tries again.
            desk.close();
            removeDatabase(file);
            throw error;
          }
          desk.close();
        } else {
          const values = parseInput(joinSetupSchema, input);
          (await joinClubServer(file, values, { language, ...keyOption })).close();
        }
        await options.onReady();
        return { ok: true, value: {} } as never;
      } catch (error) {
        return fail(error);
      } finally {
        busy = false;
      }
    },
  };
}

/** A desk's API whatever its state: its core, or its first start until it is set up. */
export interface DeskHost extends ApiService {
  /** The core, in its own thread; null at the desk's first start until it is set up. */
  readonly core: CoreHost | null;
  close(): Promise<void>;
}

/**
 * Starts a desk for a shell (Electron or the browser mode): its core when its database exists;
 * otherwise the first-start service, which starts the core once the volunteer has chosen
 * « Poste autonome » or « Se joindre au serveur du club ». The shell serves the returned API
 * either way, so both shells offer the same first start.
 *
 * @throws CoreStartError when an existing database cannot be opened.
 */
export async function startDesk(options: CoreOptions): Promise<DeskHost> {
  let core: CoreHost | null = null;
  let api: Pick<ApiService, 'callByName'> = existsSync(options.file)
    ? (core = await startCore(options))
    : firstStartService(options.file, {
        ...(options.key ? { key: options.key } : {}),
        ...(options.language ? { language: options.language } : {}),
        onReady: async () => {
          core = await startCore(options);
          api = core;
        },
      });
  return {
    get core() {
      return core;
    },
    callByName: (method, input, client) => api.callByName(method, input, client),
    call: (method, input, client) => api.callByName(method, input, client) as never,
    close: async () => {
      await core?.close();
    },
  };
}
