import { z } from 'zod';
import { newId } from '../src-main/core/ids.js';
import { clubSettingsSchema, DEFAULT_CLUB_SETTINGS, type ClubSettings } from '../src-shared/club-settings.js';
import { ComptoirError } from '../src-shared/errors.js';
import { parseInput, text } from '../src-shared/validation.js';
import type { ServerDb } from './db/open.js';
import type { ClubTable } from './db/schema.js';
import { requirePrintedSettings } from '../src-main/core/desk/settings.js';

export const createClubSchema = z
  .object({
    slug: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'slug' }),
    name: text(120),
    settings: clubSettingsSchema.partial().default({}),
  })
  .strict();

/**
 * A new club as `createClub` takes it, checked without a database (the command line checks it
 * before it makes one): its slug and name, and its settings — the defaults of
 * src-shared/club-settings.ts for what is not given, the name printed on receipts and cards the
 * club's unless the settings say otherwise.
 *
 * @throws INVALID_INPUT on a bad slug or name, or a name the desks' receipts cannot print (a
 *   character their font lacks): refused before any desk spends a code on it.
 */
export function readNewClub(input: unknown): { values: z.output<typeof createClubSchema>; settings: ClubSettings } {
  const values = parseInput(createClubSchema, input);
  const settings: ClubSettings = { ...DEFAULT_CLUB_SETTINGS, clubName: values.name, ...values.settings };
  requirePrintedSettings(settings);
  return { values, settings };
}

/**
 * Creates a club on the server: its short name (`slug`, for commands), its name, its settings
 * (the defaults of src-shared/club-settings.ts for what is not given).
 *
 * @throws INVALID_INPUT on a bad slug or name, or a name the desks' receipts cannot print (a
 *   character their font lacks); CLUB_EXISTS when the slug is taken.
 */
export async function createClub(sdb: ServerDb, input: unknown, now = new Date()): Promise<ClubTable> {
  const { values, settings } = readNewClub(input);
  const club: ClubTable = {
    id: newId(now.getTime()),
    slug: values.slug,
    name: values.name,
    settings_json: JSON.stringify(settings),
    head_seq: 0,
    created_at: now.toISOString(),
  };
  const taken = await sdb.db.selectFrom('club').select('id').where('slug', '=', club.slug).executeTakeFirst();
  if (taken) throw new ComptoirError('CLUB_EXISTS', { club: club.slug });
  await sdb.db.insertInto('club').values(club).execute();
  return club;
}

/** @throws CLUB_NOT_FOUND */
export async function clubBySlug(sdb: ServerDb, slug: string): Promise<ClubTable> {
  const club = await sdb.db.selectFrom('club').selectAll().where('slug', '=', slug.trim().toLowerCase()).executeTakeFirst();
  if (!club) throw new ComptoirError('CLUB_NOT_FOUND', { club: slug });
  return club;
}

/** The club's settings as the desks apply them. */
export function clubSettings(club: ClubTable): ClubSettings {
  return clubSettingsSchema.parse(JSON.parse(club.settings_json));
}
