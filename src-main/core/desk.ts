import { z } from 'zod';
import { openConnection, type Connection } from '../db/connection.js';
import type { Language } from '../db/schema.js';
import type { Reader } from '../db/sql.js';
import { systemClock, type Clock } from './clock.js';
import { ComptoirError } from './errors.js';
import { parseInput, positiveCents, text } from './validation.js';

/** How the club computes membership periods. */
export const membershipRuleSchema = z.discriminatedUnion('kind', [
  /** The member guide's rule: 365 days from the later of today and the current expiry. */
  z.object({ kind: z.literal('rolling'), days: z.number().int().min(1).max(3660) }),
  /** A fixed end date each year (MM-DD); joining on or after the rollover date runs to next year's end. */
  z.object({
    kind: z.literal('fixed'),
    endMonthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
    rolloverMonthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  }),
]);
export type MembershipRule = z.infer<typeof membershipRuleSchema>;

export const clubSettingsSchema = z.object({
  clubName: text(120),
  membershipRule: membershipRuleSchema,
  /** Days after expiry during which the member is shown "in grace" and renews without a gap. */
  graceDays: z.number().int().min(0).max(365),
  membershipPriceCents: positiveCents,
  /** Printed under the club's name on receipts; one line per line of text. */
  clubAddress: z.string().trim().max(300).nullish(),
  /** Numbers a receipt must show once the club has them: charity registration, GST/QST… */
  registrationNumbers: z.array(z.object({ label: text(80), number: text(40) }).strict()).max(6).nullish(),
  /** The club's logo on member cards: a PNG, base64-encoded (null removes it). */
  logoPng: z.string().max(700_000).refine(isPngBase64, { message: 'logoPng' }).nullish(),
});

/** Base64 whose bytes start with the PNG signature (atob: the same under Node and in a browser). */
function isPngBase64(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  try {
    return atob(value.slice(0, 12)).startsWith('\x89PNG');
  } catch {
    return false;
  }
}
export type ClubSettings = z.infer<typeof clubSettingsSchema>;

export const DEFAULT_CLUB_SETTINGS: ClubSettings = {
  clubName: 'Club de l’âge d’or',
  membershipRule: { kind: 'rolling', days: 365 },
  graceDays: 30,
  membershipPriceCents: 2500,
};

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
}

export function readSetting<T>(r: Reader, key: string): T | undefined {
  const row = r.get(r.qb.selectFrom('setting').select('value').where('key', '=', key));
  return row ? (JSON.parse(row.value) as T) : undefined;
}

/** Opens an initialized desk database (migrating it when an older version wrote it). */
export function openDesk(file: string, options: OpenDeskOptions = {}): Desk {
  const connection = openConnection(file);
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
    close: () => connection.close(),
  };
}
