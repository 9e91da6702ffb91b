import { z } from 'zod';
import type { Connection } from '../../db/connection.js';
import type { AccessKind } from '../../db/schema.js';
import type { Reader } from '../../db/sql.js';
import { isoDate, memberNumber, parseInput } from '../../../src-shared/validation.js';

/**
 * Who looked at whose personal data (Québec's Law 25 asks the club to be able to say): every
 * view of a member's profile, card or receipt, every list that shows members (a search, an
 * activity's roster) and every export (a file saved, a receipt emailed). The privacy officer
 * reads it (`privacy.accessLog`, `comptoir privacy log`). It is not an operation (nothing replays
 * it) and is append-only, like the audit log.
 *
 * Looking up is frequent (a search per keystroke): entries are kept in memory and written
 * together, at most a second later, when twenty are waiting, or when the desk closes. A crash
 * may lose the last second of it, never a sale.
 */
export interface AccessFact {
  what: AccessKind;
  /** The member whose data was seen, when there is one. */
  memberId?: string | null;
  /** What was seen or exported: the members a list showed (by number), the activity's code, the file's name. */
  detail?: string | null;
}

interface Pending extends AccessFact {
  at: string;
  userId: string;
}

interface Journal {
  deskId: string;
  pending: Pending[];
  timer: ReturnType<typeof setTimeout> | null;
}

const FLUSH_AT = 20;
const FLUSH_AFTER_MS = 1000;
const journals = new WeakMap<Connection, Journal>();

/** Notes an access by `userId` at `at` (ISO instant). */
export function recordAccess(connection: Connection, deskId: string, userId: string, at: string, fact: AccessFact): void {
  let journal = journals.get(connection);
  if (!journal) journals.set(connection, (journal = { deskId, pending: [], timer: null }));
  journal.pending.push({ ...fact, at, userId });
  if (journal.pending.length >= FLUSH_AT) return flushAccessLog(connection);
  if (!journal.timer) {
    journal.timer = setTimeout(() => {
      try {
        flushAccessLog(connection);
      } catch {
        // The file refused the write (busy, full): the entries wait for the next flush.
      }
    }, FLUSH_AFTER_MS);
    journal.timer.unref?.();
  }
}

/**
 * Writes what is waiting (before the desk closes, before the log is read).
 *
 * @throws the file's refusal (DATABASE_BUSY, DISK_FULL…); the entries then stay waiting.
 */
export function flushAccessLog(connection: Connection): void {
  const journal = journals.get(connection);
  if (!journal) return;
  if (journal.timer) clearTimeout(journal.timer);
  journal.timer = null;
  if (journal.pending.length === 0 || !connection.rawDatabase.open) return;
  const entries = journal.pending.splice(0);
  try {
    write(connection, journal.deskId, entries);
  } catch (error) {
    journal.pending.unshift(...entries);
    throw error;
  }
}

function write(connection: Connection, deskId: string, entries: Pending[]): void {
  connection.transaction((w) => {
    for (const e of entries) {
      w.rawRun(
        'INSERT INTO access_log (at, desk_id, user_id, what, member_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
        e.at,
        deskId,
        e.userId,
        e.what,
        e.memberId ?? null,
        e.detail?.slice(0, 200) ?? null,
      );
    }
  });
}

export const accessLogQuerySchema = z
  .object({
    memberNumber: memberNumber.optional(),
    since: isoDate.optional(),
    limit: z.number().int().min(1).max(5000).default(200),
  })
  .strict();

/** One entry as the privacy officer reads it. */
export interface AccessEntry {
  at: string;
  deskId: string;
  userName: string;
  what: AccessKind;
  memberNumber: number | null;
  detail: string | null;
}

/**
 * The log, newest first: for one member (their own views, and the lists that showed them), since
 * a date (compared on the instant's UTC date, close enough for an audit), at most `limit` entries.
 */
export function readAccessLog(connection: Connection, r: Reader, input: unknown): AccessEntry[] {
  const query = parseInput(accessLogQuerySchema, input);
  flushAccessLog(connection);
  return r.rawAll<AccessEntry>(
    `SELECT a.at, a.desk_id AS deskId, coalesce(u.name, a.user_id) AS userName, a.what, m.number AS memberNumber, a.detail
     FROM access_log a LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN member m ON m.id = a.member_id
     WHERE (? IS NULL OR m.number = ? OR (a.member_id IS NULL AND ' ' || a.detail || ' ' GLOB '*[^0-9]' || ? || '[^0-9]*'))
       AND (? IS NULL OR a.at >= ?)
     ORDER BY a.seq DESC LIMIT ?`,
    query.memberNumber ?? null,
    query.memberNumber ?? null,
    // As text: bound as a number, SQLite would write it 100000.0 in the pattern.
    query.memberNumber === undefined ? null : String(query.memberNumber),
    query.since ?? null,
    query.since ?? null,
    query.limit,
  );
}
