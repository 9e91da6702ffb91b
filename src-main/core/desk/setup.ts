import { z } from 'zod';
import { openConnection } from '../../db/connection.js';
import { deskOn, readSetting, type Desk, type OpenDeskOptions } from './desk.js';
import { clubSettingsSchema, DEFAULT_CLUB_SETTINGS } from '../../../src-shared/club-settings.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { newId } from '../ids.js';
import { insertNumberBlock, numberBlockSchema } from '../members/member-numbers.js';
import { insertUser } from '../users/users.js';
import { parseInput, text } from '../../../src-shared/validation.js';
import { recordChange, writeContext } from '../ledger/write.js';

/** The user the command line acts as: an administrator who cannot sign in at the desk. */
export const SYSTEM_USER_NAME = 'Administration (ligne de commande)';

export const initializeSchema = z
  .object({
    deskName: text(60),
    receiptPrefix: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,4}$/, { message: 'receiptPrefix' }),
    memberNumbers: numberBlockSchema.default({ first: 100_000, last: 999_999 }),
    club: clubSettingsSchema.partial().default({}),
  })
  .strict();

export interface InitializedDesk {
  desk: Desk;
  systemUserId: string;
}

/**
 * Creates (or migrates) the database file and sets this desk up: its name, its receipt prefix,
 * the club's settings, the command line's administrator and a first block of member numbers.
 */
export function initializeDesk(file: string, input: unknown, options: OpenDeskOptions = {}): InitializedDesk {
  const values = parseInput(initializeSchema, input);
  const connection = openConnection(file);
  try {
    const systemUserId = connection.transaction((w) => {
      const existing = readSetting<string>(w, 'local_desk_id');
      if (existing) {
        const desk = w.get(w.qb.selectFrom('desk').selectAll().where('id', '=', existing));
        throw new ComptoirError('ALREADY_INITIALIZED', { name: desk?.name ?? '?', prefix: desk?.receipt_prefix ?? '?' });
      }
      const now = (options.clock?.now() ?? new Date()).toISOString();
      const deskId = newId();
      const club = { ...DEFAULT_CLUB_SETTINGS, ...values.club };
      w.run(w.qb.insertInto('desk').values({ id: deskId, name: values.deskName, receipt_prefix: values.receiptPrefix, next_receipt_seq: 1, created_at: now }));
      w.run(w.qb.insertInto('setting').values([
        { key: 'local_desk_id', value: JSON.stringify(deskId) },
        { key: 'club', value: JSON.stringify(club) },
      ]));
      const desk = deskOn(connection, options);
      const bootstrapUser = { id: newId(), name: SYSTEM_USER_NAME, role: 'admin' as const };
      const ctx = { ...writeContext(desk, w, bootstrapUser) };
      const user = insertUser({ ...ctx, newId: () => bootstrapUser.id }, SYSTEM_USER_NAME, 'admin', null);
      insertNumberBlock(ctx, values.memberNumbers.first, values.memberNumbers.last, 'local');
      recordChange(ctx, {
        action: 'desk.init',
        entityType: 'desk',
        entityId: deskId,
        after: { deskId, name: values.deskName, receiptPrefix: values.receiptPrefix, club, memberNumbers: values.memberNumbers, systemUserId: user.id },
      });
      return user.id;
    });
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
