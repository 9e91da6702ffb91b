import { flushAccessLog } from '../ledger/access-log.js';
import type { BackupPlace } from '../../db/backup.js';
import { openConnection, type Connection } from '../../db/connection.js';
import type { DatabaseKey } from '../../db/key.js';
import type { Language } from '../../db/schema.js';
import type { Reader } from '../../db/sql.js';
import { systemClock, type Clock } from '../../../src-shared/clock.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { parseInput } from '../../../src-shared/validation.js';
import { clubSettingsSchema, DEFAULT_CLUB_SETTINGS, type ClubSettings } from '../../../src-shared/club-settings.js';

export type { ClubSettings };

export interface Desk {
  readonly connection: Connection;
  readonly clock: Clock;
  /** This desk's id, name and receipt prefix. */
  readonly id: string;
  readonly name: string;
  readonly receiptPrefix: string;
  /** Language of error messages raised for this desk's user. */
  language: Language;
  readonly reader: Reader;
  settings(): ClubSettings;
  close(): void;
}

export interface OpenDeskOptions {
  clock?: Clock;
  language?: Language;
  /** The database's encryption key (see db/key.ts); a plain file given one is encrypted on opening. */
  key?: DatabaseKey | null;
  /** Where backups go (beside the database by default, and on a second drive if set). */
  backups?: BackupPlace;
}

export function readSetting<T>(r: Reader, key: string): T | undefined {
  const row = r.get(r.qb.selectFrom('setting').select('value').where('key', '=', key));
  return row ? (JSON.parse(row.value) as T) : undefined;
}

/**
 * Opens an initialized desk database (migrating it when an older version wrote it).
 *
 * @throws DATABASE_NOT_FOUND, DATABASE_NOT_INITIALIZED, and what openConnection throws.
 */
export function openDesk(file: string, options: OpenDeskOptions = {}): Desk {
  const connection = openConnection(file, { key: options.key ?? null, ...(options.backups ? { backups: options.backups } : {}) });
  try {
    return deskOn(connection, options);
  } catch (error) {
    connection.close();
    throw error;
  }
}

export function deskOn(connection: Connection, options: OpenDeskOptions = {}): Desk {
  const reader = connection.reader;
  const deskId = readSetting<string>(reader, 'local_desk_id');
  const row = deskId ? reader.get(reader.qb.selectFrom('desk').selectAll().where('id', '=', deskId)) : undefined;
  if (!row) throw new ComptoirError('DATABASE_NOT_INITIALIZED');
  // Settings are read on every sale; parse them again only when the stored text changed
  // (another process, such as the command line, may change them).
  let cached: { raw: string | undefined; settings: ClubSettings } | undefined;
  const settings = (): ClubSettings => {
    const raw = reader.rawGet<{ value: string }>("SELECT value FROM setting WHERE key = 'club'")?.value;
    if (!cached || cached.raw !== raw) {
      cached = { raw, settings: parseInput(clubSettingsSchema, raw ? JSON.parse(raw) : DEFAULT_CLUB_SETTINGS) };
    }
    return cached.settings;
  };
  return {
    connection,
    clock: options.clock ?? systemClock,
    id: row.id,
    name: row.name,
    receiptPrefix: row.receipt_prefix,
    language: options.language ?? 'fr',
    reader,
    settings,
    close: () => {
      try {
        flushAccessLog(connection);
      } catch {
        // A file that refuses the write (read-only, full) loses the last second of the access log.
      }
      connection.close();
    },
  };
}
