import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { newId } from '../src-main/core/ids.js';
import { ComptoirError } from '../src-shared/errors.js';
import { enrollRequestSchema, type EnrollResponse } from '../src-shared/sync-protocol.js';
import { parseInput, text } from '../src-shared/validation.js';
import { clubBySlug, clubSettings } from './clubs.js';
import type { ServerDb } from './db/open.js';
import type { Transaction } from 'kysely';
import type { ClubTable, DeskTable, MemberNumberBlockTable, ServerDatabase } from './db/schema.js';
import { allocateNumberBlock } from './number-blocks.js';
import { lockHead } from './server-author.js';

/** Letters and digits nobody misreads on paper or over the phone (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
/** How long a code works when the command line is not told otherwise. */
export const CODE_VALID_HOURS = 24;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a person types: spaces, dashes and case do not matter. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * A one-time enrollment code for a desk of the club, `XXXX-XXXX-XXXX` (60 bits), valid
 * `validHours`. Only its SHA-256 is stored: the code is shown this once.
 *
 * @throws CLUB_NOT_FOUND; INVALID_INPUT on a blank or too long desk name.
 */
export async function createEnrollmentCode(
  sdb: ServerDb,
  input: { club: string; deskName: string; validHours?: number },
  now = new Date(),
): Promise<{ code: string; expiresAt: string }> {
  const club = await clubBySlug(sdb, input.club);
  const deskName = parseInput(text(60), input.deskName);
  const raw = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = raw.match(/.{4}/g)!.join('-');
  const expiresAt = new Date(now.getTime() + (input.validHours ?? CODE_VALID_HOURS) * 3_600_000).toISOString();
  await sdb.db
    .insertInto('enrollment_code')
    .values({ code_hash: sha256(raw), club_id: club.id, desk_name: deskName, expires_at: expiresAt, used_at: null, desk_id: null, created_at: now.toISOString(), attempt_hash: null })
    .execute();
  return { code, expiresAt };
}

/** The receipt prefixes a club hands out, in order: A…Z, then AA, AB… */
function* receiptPrefixes(): Generator<string> {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  yield* letters;
  for (const first of letters) for (const second of letters) yield first + second;
}

/**
 * Trades a one-time code for the desk's identity: its id, a receipt prefix no other desk of the
 * club has, its credential (returned once; the server keeps its SHA-256) and a first block of
 * member numbers. The code cannot be used again — but by the same `attempt` while the code is
 * still valid: a desk whose answer was lost gets the same desk, prefix and block again, with a
 * new credential (the one it never received stops working).
 *
 * @throws ENROLLMENT_CODE_INVALID for an unknown, used or expired code.
 */
export async function enrollDesk(sdb: ServerDb, input: unknown, now = new Date()): Promise<EnrollResponse> {
  const { code, attempt } = parseInput(enrollRequestSchema, input);
  const codeHash = sha256(normalizeCode(code));
  const attemptHash = attempt ? sha256(attempt) : null;
  // Two desks enrolling at once may pick the same receipt prefix or number block: the unique
  // constraints refuse the later one, which tries again with what the first took.
  return retryOnConflict(() => sdb.db.transaction().execute(async (trx) => {
    if (attemptHash) {
      const again = await enrollAgain(trx, codeHash, attemptHash, now);
      if (again) return again;
    }
    // Marking the code used first is what makes it one-time when two desks try it at once: only
    // one UPDATE finds it unused.
    const claimed = await trx
      .updateTable('enrollment_code')
      .set({ used_at: now.toISOString(), attempt_hash: attemptHash })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .returning(['club_id', 'desk_name'])
      .executeTakeFirst();
    if (!claimed) throw new ComptoirError('ENROLLMENT_CODE_INVALID');
    // One enrollment of a club at a time picks a prefix and a block.
    await lockHead(trx, sdb.dialect, claimed.club_id);
    const club = await trx.selectFrom('club').selectAll().where('id', '=', claimed.club_id).executeTakeFirstOrThrow();
    const used = new Set((await trx.selectFrom('desk').select('receipt_prefix').where('club_id', '=', club.id).execute()).map((d) => d.receipt_prefix));
    const receiptPrefix = [...receiptPrefixes()].find((prefix) => !used.has(prefix));
    if (!receiptPrefix) throw new ComptoirError('ENROLLMENT_CODE_INVALID');
    const credential = randomBytes(32).toString('base64url');
    const desk: DeskTable = {
      id: newId(now.getTime()),
      club_id: club.id,
      name: claimed.desk_name,
      receipt_prefix: receiptPrefix,
      credential_hash: sha256(credential),
      created_at: now.toISOString(),
      revoked_at: null,
    };
    await trx.insertInto('desk').values(desk).execute();
    await trx.updateTable('enrollment_code').set({ desk_id: desk.id }).where('code_hash', '=', codeHash).execute();
    return enrollmentOf(club, desk, credential, await allocateNumberBlock(trx, club.id, desk.id, now));
  }));
}

/**
 * The same attempt asking again for a code it used (its answer lost on the way): the desk it
 * made, unless revoked, with a new credential; null when this code was not used by this attempt.
 */
async function enrollAgain(trx: Transaction<ServerDatabase>, codeHash: string, attemptHash: string, now: Date): Promise<EnrollResponse | null> {
  const used = await trx
    .selectFrom('enrollment_code')
    .select(['desk_id'])
    .where('code_hash', '=', codeHash)
    .where('attempt_hash', '=', attemptHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!used?.desk_id) return null;
  const desk = await trx.selectFrom('desk').selectAll().where('id', '=', used.desk_id).where('revoked_at', 'is', null).executeTakeFirst();
  if (!desk) return null;
  const credential = randomBytes(32).toString('base64url');
  await trx.updateTable('desk').set({ credential_hash: sha256(credential) }).where('id', '=', desk.id).execute();
  const club = await trx.selectFrom('club').selectAll().where('id', '=', desk.club_id).executeTakeFirstOrThrow();
  const block = await trx.selectFrom('member_number_block').selectAll().where('desk_id', '=', desk.id).orderBy('first').executeTakeFirstOrThrow();
  return enrollmentOf(club, desk, credential, block);
}

/** What a desk receives when it enrolls. */
function enrollmentOf(club: ClubTable, desk: DeskTable, credential: string, block: Pick<MemberNumberBlockTable, 'id' | 'first' | 'last'>): EnrollResponse {
  return {
    club: { id: club.id, slug: club.slug, name: club.name, settings: clubSettings(club) },
    desk: { id: desk.id, name: desk.name, receiptPrefix: desk.receipt_prefix },
    credential,
    memberNumbers: { blockId: block.id, first: Number(block.first), last: Number(block.last) },
  };
}

/** Whether a database error is a unique constraint refusing a row (PostgreSQL 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a transaction again (up to five times) when a unique constraint refused what a concurrent one took first. */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * The desk behind an `Authorization: Bearer <desk id>.<credential>` header.
 *
 * @throws SYNC_UNAUTHENTICATED when the header is missing, malformed or wrong; DESK_REVOKED
 *   when the administrator removed the desk.
 */
export async function authenticateDesk(sdb: ServerDb, authorization: string | undefined): Promise<DeskTable> {
  const match = /^Bearer ([^.\s]{1,64})\.([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (!match) throw new ComptoirError('SYNC_UNAUTHENTICATED');
  const desk = await sdb.db.selectFrom('desk').selectAll().where('id', '=', match[1]!).executeTakeFirst();
  const given = Buffer.from(sha256(match[2]!), 'hex');
  // Compared in constant time, and against a dummy when the desk is unknown, so timing says nothing.
  const stored = Buffer.from(desk?.credential_hash ?? '0'.repeat(64), 'hex');
  if (!timingSafeEqual(given, stored) || !desk) throw new ComptoirError('SYNC_UNAUTHENTICATED');
  if (desk.revoked_at) throw new ComptoirError('DESK_REVOKED', { name: desk.name });
  return desk;
}

/**
 * Removes a desk from its club: its credential stops working at once. What it already pushed
 * stays in the club's log.
 *
 * @throws CLUB_NOT_FOUND; DESK_NOT_FOUND when no desk of the club has that id, name or prefix.
 */
export async function revokeDesk(sdb: ServerDb, input: { club: string; desk: string }, now = new Date()): Promise<DeskTable> {
  const club = await clubBySlug(sdb, input.club);
  const desks = await sdb.db.selectFrom('desk').selectAll().where('club_id', '=', club.id).execute();
  const desk = desks.find((d) => d.id === input.desk || d.name === input.desk || d.receipt_prefix === input.desk.toUpperCase());
  if (!desk) throw new ComptoirError('DESK_NOT_FOUND', { desk: input.desk });
  const revokedAt = desk.revoked_at ?? now.toISOString();
  await sdb.db.updateTable('desk').set({ revoked_at: revokedAt }).where('id', '=', desk.id).execute();
  return { ...desk, revoked_at: revokedAt };
}
