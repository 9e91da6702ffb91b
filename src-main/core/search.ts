import { z } from 'zod';
import type { Language, MemberTable } from '../db/schema.js';
import type { Reader, Writer } from '../db/sql.js';
import { businessDate } from './clock.js';
import type { Desk } from './desk.js';
import { membershipStatus, statusLabel, type MembershipStatus } from './memberships.js';
import { fold, foldTokens, normalizeEmail, phoneDigits } from './text.js';
import { parseInput } from './validation.js';

/**
 * As-you-type member search. Each member has a few folded keys (accent-, case- and
 * punctuation-blind) in a WITHOUT ROWID B-tree; a query is a handful of index range scans, each
 * stopping after one page, so the cost does not grow with the number of members. Compared with
 * FTS5, prefix scans return rows already in display order, with no ranking pass over every match
 * (a one-letter query can match a third of the club).
 *
 * The kind of a key is its rank: a last name that starts with the query comes before a first
 * name, which comes before a later part of a compound name, a phone, an email.
 */
export const SearchKind = {
  lastFirst: 0,
  firstLast: 1,
  innerName: 2,
  phone: 3,
  email: 4,
} as const;

const NAME_KINDS = [SearchKind.lastFirst, SearchKind.firstLast, SearchKind.innerName];

export function searchKeysFor(member: Pick<MemberTable, 'first_name' | 'last_name' | 'email' | 'phone'>): { kind: number; key: string }[] {
  const last = foldTokens(member.last_name);
  const first = foldTokens(member.first_name);
  const keys = new Map<string, { kind: number; key: string }>();
  const add = (kind: number, key: string) => {
    if (key && !keys.has(`${kind}:${key}`)) keys.set(`${kind}:${key}`, { kind, key });
  };
  add(SearchKind.lastFirst, [...last, ...first].join(' '));
  add(SearchKind.firstLast, [...first, ...last].join(' '));
  // "Côté" finds Léveillé-Côté; "Claire" finds Marie-Claire.
  for (let i = 1; i < last.length; i++) add(SearchKind.innerName, [...last.slice(i), ...first].join(' '));
  for (let i = 1; i < first.length; i++) add(SearchKind.innerName, [...first.slice(i), ...last].join(' '));
  if (member.phone) {
    const digits = phoneDigits(member.phone);
    add(SearchKind.phone, digits);
    // People often give the number without the area code.
    if (digits.length === 10) add(SearchKind.phone, digits.slice(3));
  }
  if (member.email) add(SearchKind.email, normalizeEmail(member.email));
  return [...keys.values()];
}

/** Replaces a member's search keys; called in the same transaction as every member write. */
export function indexMemberForSearch(w: Writer, member: MemberTable): void {
  w.rawRun('DELETE FROM member_search_key WHERE member_id = ?', member.id);
  for (const { kind, key } of searchKeysFor(member)) {
    w.rawRun('INSERT OR IGNORE INTO member_search_key (kind, key, member_id) VALUES (?, ?, ?)', kind, key, member.id);
  }
}

export const searchSchema = z
  .object({
    query: z.string().max(100),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();

export interface SearchResult {
  id: string;
  number: number;
  firstName: string;
  lastName: string;
  household: string | null;
  email: string | null;
  phone: string | null;
  expiresOn: string | null;
  status: MembershipStatus;
  statusLabel: string;
}

export interface SearchPage {
  query: string;
  results: SearchResult[];
  offset: number;
  hasMore: boolean;
}

const RANGE_SQL = 'SELECT member_id FROM member_search_key WHERE kind = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?';
const KEYED_RANGE_SQL = RANGE_SQL.replace('SELECT member_id', 'SELECT member_id, key');
const HIGH = '\uffff';

/** How many rows a multi-word query may look through when its words are in an unusual order. */
const SCATTERED_SCAN_LIMIT = 2000;

function rangeIds(r: Reader, kind: number, prefix: string, limit: number): string[] {
  return r.rawAll<{ member_id: string }>(RANGE_SQL, kind, prefix, prefix + HIGH, limit).map((row) => row.member_id);
}

/** Member ids matching the query, best first, at least `wanted` of them when there are. */
function rankedIds(r: Reader, query: string, wanted: number): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const push = (list: string[]) => {
    for (const id of list) {
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
  };
  const compact = query.replace(/[\s().+-]/g, '');
  if (/^\d+$/.test(compact)) {
    if (compact.length <= 9) {
      const byNumber = r.rawGet<{ id: string }>('SELECT id FROM member WHERE number = ?', Number(compact));
      if (byNumber) push([byNumber.id]);
    }
    if (compact.length >= 3) push(rangeIds(r, SearchKind.phone, phoneDigits(compact), wanted));
    return ids;
  }
  if (query.includes('@')) {
    push(rangeIds(r, SearchKind.email, normalizeEmail(query), wanted));
    return ids;
  }
  const folded = fold(query);
  if (!folded) return ids;
  for (const kind of NAME_KINDS) {
    if (ids.length >= wanted) break;
    push(rangeIds(r, kind, folded, wanted - ids.length));
  }
  const tokens = folded.split(' ');
  if (ids.length < wanted && tokens.length > 1) push(scatteredMatches(r, tokens, wanted - ids.length));
  if (ids.length < wanted && !query.includes(' ')) push(rangeIds(r, SearchKind.email, normalizeEmail(query), wanted - ids.length));
  return ids;
}

/** Words in any order ("marie claire tremblay" for Tremblay, Marie-Claire): every word must start a name word. */
function scatteredMatches(r: Reader, tokens: string[], wanted: number): string[] {
  const longest = [...tokens].sort((a, b) => b.length - a.length)[0]!;
  const found: string[] = [];
  for (const kind of NAME_KINDS) {
    const rows = r.rawAll<{ member_id: string; key: string }>(KEYED_RANGE_SQL, kind, longest, longest + HIGH, SCATTERED_SCAN_LIMIT);
    for (const row of rows) {
      const words = row.key.split(' ');
      if (tokens.every((token) => words.some((word) => word.startsWith(token)))) found.push(row.member_id);
      if (found.length >= wanted) return found;
    }
  }
  return found;
}

interface ResultRow {
  id: string;
  number: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  expires_on: string | null;
  household: string | null;
}

export function searchMembersIn(r: Reader, input: { query: string; limit: number; offset: number }, today: string, graceDays: number, language: Language): SearchPage {
  const ids = rankedIds(r, input.query.trim(), input.offset + input.limit + 1);
  const pageIds = ids.slice(input.offset, input.offset + input.limit);
  const rows = pageIds.length
    ? r.rawAll<ResultRow>(
        `SELECT m.id, m.number, m.first_name, m.last_name, m.email, m.phone, m.expires_on, h.name AS household
         FROM member m LEFT JOIN household h ON h.id = m.household_id
         WHERE m.id IN (${pageIds.map(() => '?').join(',')})`,
        ...pageIds,
      )
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = pageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const status = membershipStatus(row.expires_on, today, graceDays);
    return [
      {
        id: row.id,
        number: row.number,
        firstName: row.first_name,
        lastName: row.last_name,
        household: row.household,
        email: row.email,
        phone: row.phone,
        expiresOn: row.expires_on,
        status,
        statusLabel: statusLabel(status, language),
      },
    ];
  });
  return { query: input.query, results, offset: input.offset, hasMore: ids.length > input.offset + input.limit };
}

/** Search by name prefix, full member number, phone (any format) or email; ranked and paged. */
export function searchMembers(desk: Desk, input: unknown): SearchPage {
  const values = parseInput(searchSchema, input);
  return searchMembersIn(desk.reader, values, businessDate(desk.clock.now()), desk.settings().graceDays, desk.language);
}
