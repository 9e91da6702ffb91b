import { z } from 'zod';
import { openConnection } from '../../db/connection.js';
import { deskOn, readSetting, type Desk, type OpenDeskOptions } from './desk.js';
import { clubSettingsSchema, DEFAULT_CLUB_SETTINGS } from '../../../src-shared/club-settings.js';
import { requirePrintedSettings } from './settings.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { newId } from '../ids.js';
import { numberBlockSchema } from '../members/member-numbers.js';
import { parseInput, text } from '../../../src-shared/validation.js';
import { commitSetup } from '../ledger/write.js';

/** The user the command line acts as: an administrator who cannot sign in at the desk. */
export const SYSTEM_USER_NAME = 'Administration (ligne de commande)';

export const initializeSchema = z
  .object({
    deskName: text(60),
    receiptPrefix: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,4}$/, { message: 'receiptPrefix' }),
    memberNumbers: numberBlockSchema.default({ first: 100_000, last: 999_999 }),
    club: clubSettingsSchema.partial().default({}),
    /** Given by the club's server when the desk enrolls (docs/SYNC.md); a desk on its own makes its own. */
    deskId: z.string().min(1).max(64).optional(),
    numberBlockId: z.string().min(1).max(64).optional(),
  })
  .strict();

export interface InitializedDesk {
  desk: Desk;
  systemUserId: string;
}

/**
 * Creates (or migrates) the database file and sets this desk up: its name, its receipt prefix,
 * the club's settings, the command line's administrator and a first block of member numbers.
 * `trustedFile` skips SQLite's check of an existing file (one this process just wrote and checked).
 */
export function initializeDesk(file: string, input: unknown, options: OpenDeskOptions & { trustedFile?: boolean } = {}): InitializedDesk {
  const values = parseInput(initializeSchema, input);
  requirePrintedSettings({ ...DEFAULT_CLUB_SETTINGS, ...values.club });
  const connection = openConnection(file, {
    create: true,
    key: options.key ?? null,
    // A club snapshot just checked and written (join.ts): reading it all again would only cost time.
    trusted: options.trustedFile ?? false,
    ...(options.backups ? { backups: options.backups } : {}),
  });
  try {
    const now = options.clock?.now() ?? new Date();
    const systemUserId = newId(now.getTime());
    commitSetup(
      connection,
      now,
      {
        kind: 'desk.init',
        version: 1,
        desk: { id: values.deskId ?? newId(now.getTime()), name: values.deskName, receiptPrefix: values.receiptPrefix },
        club: { ...DEFAULT_CLUB_SETTINGS, ...values.club },
        systemUser: { id: systemUserId, name: SYSTEM_USER_NAME },
        memberNumbers: { blockId: values.numberBlockId ?? newId(now.getTime()), ...values.memberNumbers },
      },
      (w) => {
        const existing = readSetting<string>(w, 'local_desk_id');
        if (!existing) return;
        const desk = w.get(w.qb.selectFrom('desk').selectAll().where('id', '=', existing));
        throw new ComptoirError('ALREADY_INITIALIZED', { name: desk?.name ?? '?', prefix: desk?.receipt_prefix ?? '?' });
      },
    );
    return { desk: deskOn(connection, options), systemUserId };
  } catch (error) {
    connection.close();
    throw error;
  }
}

export function systemUserId(desk: Desk): string {
  const r = desk.reader;
  const row = r.get(r.qb.selectFrom('app_user').select('id').where('name', '=', SYSTEM_USER_NAME));
  if (!row) throw new ComptoirError('USER_NOT_FOUND');
  return row.id;
}
