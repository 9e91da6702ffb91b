import { z } from 'zod';
import type { ActivityTable } from '../../db/schema.js';
import type { Reader } from '../../db/sql.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { cents, isoDate, optionalText, parseInput, printable, text } from '../../../src-shared/validation.js';
import { canPrint } from '../../documents/glyphs.js';
import { commitWrite, type Actor } from '../ledger/write.js';
import type { ActivityView } from './views.js';

// An activity's name, season and place are printed on receipts and rosters: what the embedded
// font cannot draw would print as an empty box (documents/glyphs.ts).
const ON_PAPER = { fr: 'sur les reçus ni sur les listes', en: 'on receipts or lists' };

export const createActivitySchema = z
  .object({
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,20}$/, { message: 'code' }),
    name: printable(text(120), canPrint, ON_PAPER),
    season: printable(text(40), canPrint, ON_PAPER),
    leader: printable(optionalText(120), canPrint, ON_PAPER),
    schedule: printable(optionalText(200), canPrint, ON_PAPER),
    place: printable(optionalText(120), canPrint, ON_PAPER),
    priceCents: cents,
    capacity: z.number().int().min(1).max(10_000).nullish().transform((v) => v ?? null),
    membershipRequired: z.boolean().default(true),
    startsOn: isoDate.nullish().transform((v) => v ?? null),
    endsOn: isoDate.nullish().transform((v) => v ?? null),
  })
  .strict();

export function findActivityRow(r: Reader, code: string): ActivityTable {
  const row = r.get(r.qb.selectFrom('activity').selectAll().where('code', '=', code.trim().toUpperCase()));
  if (!row) throw new ComptoirError('ACTIVITY_NOT_FOUND', { ref: code });
  return row;
}

export function registeredCount(r: Reader, activityId: string): number {
  const row = r.rawGet<{ n: number }>(
    "SELECT count(*) AS n FROM registration WHERE activity_id = ? AND status = 'registered'",
    activityId,
  );
  return row?.n ?? 0;
}

export function toActivityView(r: Reader, row: ActivityTable): ActivityView {
  const counts = r.rawGet<{ registered: number; waitlisted: number }>(
    `SELECT sum(status = 'registered') AS registered, sum(status = 'waitlisted') AS waitlisted
     FROM registration WHERE activity_id = ?`,
    row.id,
  );
  const registered = counts?.registered ?? 0;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    season: row.season,
    leader: row.leader,
    schedule: row.schedule,
    place: row.place,
    priceCents: row.price_cents,
    capacity: row.capacity,
    membershipRequired: row.membership_required === 1,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    registeredCount: registered,
    waitlistCount: counts?.waitlisted ?? 0,
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - registered),
  };
}

export function createActivity(desk: Desk, actor: Actor, input: unknown): ActivityView {
  const values = parseInput(createActivitySchema, input);
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      const taken = ctx.r.get(ctx.r.qb.selectFrom('activity').select('id').where('code', '=', values.code));
      if (taken) throw new ComptoirError('ACTIVITY_CODE_TAKEN', { code: values.code });
      const id = ctx.newId();
      ctx.record({ kind: 'activity.create', version: 1, activity: { id, ...values } });
      return toActivityView(ctx.r, findActivityRow(ctx.r, values.code));
    },
    { roles: ['admin'] },
  );
}

export const listSchema = z.object({ season: z.string().trim().max(40).optional() }).strict();

/** The activities with places left and waitlist length, by season then name. */
export function listActivities(desk: Desk, input: unknown = {}): ActivityView[] {
  const { season } = parseInput(listSchema, input);
  const r = desk.reader;
  let query = r.qb.selectFrom('activity').selectAll().orderBy('season').orderBy('name');
  if (season) query = query.where('season', '=', season);
  return r.all(query).map((row) => toActivityView(r, row));
}

export function getActivity(desk: Desk, code: unknown): ActivityView {
  const parsed = parseInput(z.object({ code: z.string().trim().min(1).max(20) }), { code });
  return toActivityView(desk.reader, findActivityRow(desk.reader, parsed.code));
}
