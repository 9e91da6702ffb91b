import { z } from 'zod';
import type { Language, MemberTable } from '../../db/schema.js';
import type { Reader, Writer } from '../../db/sql.js';
import { businessDate } from '../../../src-shared/dates.js';
import type { Desk } from '../desk/desk.js';
import { statusLabel } from '../../../src-shared/memberships.js';
import { memberStatus } from '../memberships/periods.js';
import { foldTokens, foldWords, isAbbreviation, normalizeEmail, phoneDigits } from '../../../src-shared/text.js';
import { parseInput } from '../../../src-shared/validation.js';
import type { SearchPage } from './views.js';

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

const RANGE_SQL = 'SELECT member_id, key FROM member_search_key WHERE kind = ? AND key >= ? AND key < ? ORDER BY key, member_id LIMIT ?';
// Continues a range after the last row read: the primary key (kind, key, member_id) orders the rows.
const NEXT_SQL =
  'SELECT member_id, key FROM member_search_key WHERE kind = ? AND (key, member_id) > (?, ?) AND key < ? ORDER BY key, member_id LIMIT ?';
const HIGH = '\uffff';

/**
 * How many keys a multi-word query may look through per kind when its words are in an unusual
 * order. Inner-part keys cost an index look-up each (see scatteredSql), so fewer of them.
 */
const SCATTERED_SCAN_LIMIT = 2000;
const SCATTERED_INNER_SCAN_LIMIT = 500;

/** Member ids in rank order, each once, until `wanted` of them. */
class Ranking {
  readonly ids: string[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly wanted: number) {}

  get missing(): number {
    return this.wanted - this.ids.length;
  }

  add(id: string): void {
    if (this.ids.length < this.wanted && !this.seen.has(id)) {
      this.seen.add(id);
      this.ids.push(id);
    }
  }
}

/**
 * Adds the members with a key of this kind starting with `prefix`, in key order. A member
 * already ranked does not count, so the scan goes on until enough new ones are found (or the
 * range ends): otherwise a page could come back short and `hasMore` be wrong.
 */
function scanPrefix(r: Reader, ranking: Ranking, kind: number, prefix: string): void {
  const high = prefix + HIGH;
  let asked = ranking.missing;
  if (asked <= 0) return;
  let rows = r.rawAll<{ member_id: string; key: string }>(RANGE_SQL, kind, prefix, high, asked);
  for (;;) {
    for (const row of rows) ranking.add(row.member_id);
    const last = rows.at(-1);
    if (!last || rows.length < asked || ranking.missing <= 0) return;
    asked = ranking.missing;
    rows = r.rawAll(NEXT_SQL, kind, last.key, last.member_id, high, asked);
  }
}

/** Member ids matching the query, best first, `wanted` of them when there are that many. */
function rankedIds(r: Reader, query: string, wanted: number): string[] {
  const ranking = new Ranking(wanted);
  const compact = query.replace(/[\s().+-]/g, '');
  if (/^\d+$/.test(compact)) {
    if (compact.length <= 9) {
      const byNumber = r.rawGet<{ id: string }>('SELECT id FROM member WHERE number = ?', Number(compact));
      if (byNumber) ranking.add(byNumber.id);
    }
    if (compact.length >= 3) scanPrefix(r, ranking, SearchKind.phone, phoneDigits(compact));
    // "1-418-5…" typed with the long-distance 1: the stored digits have no leading 1.
    if (compact.length >= 4 && compact.length <= 10 && compact.startsWith('1')) {
      scanPrefix(r, ranking, SearchKind.phone, compact.slice(1));
    }
    return ranking.ids;
  }
  if (query.includes('@')) {
    scanPrefix(r, ranking, SearchKind.email, normalizeEmail(query));
    return ranking.ids;
  }
  const words = foldWords(query);
  if (words.length === 0) return ranking.ids;
  const tokens = foldTokens(query);
  const prefixes = [tokens.join(' ')];
  // The last word may still be typed: "ste" is "Sainte" or the start of "Stéphane".
  if (isAbbreviation(words.at(-1)!)) prefixes.push(words.join(' '));
  for (const kind of NAME_KINDS) {
    for (const prefix of prefixes) scanPrefix(r, ranking, kind, prefix);
  }
  if (ranking.missing > 0 && tokens.length > 1) scatteredMatches(r, ranking, tokens);
  if (ranking.missing > 0 && !query.includes(' ')) scanPrefix(r, ranking, SearchKind.email, normalizeEmail(query));
  return ranking.ids;
}

/**
 * Words in any order ("claire tremblay marie" for Tremblay, Marie-Claire): every word must start a
 * word of the name. The keys starting with the rarest word are read (a bounded number of them)
 * and SQLite itself filters them, so rejected rows never reach JavaScript. An inner-part key
 * ("claire tremblay") lacks the name's first words, so those rows are checked against the
 * member's full last-first key instead.
 */
function scatteredMatches(r: Reader, ranking: Ranking, tokens: string[]): void {
  const anchor = rarestToken(r, tokens);
  const needles = tokens.filter((token) => token !== anchor).map((token) => ` ${token}`);
  for (const kind of NAME_KINDS) {
    // Members already ranked may come back again: asking for `wanted` rows is always enough.
    const rows = r.rawAll<{ member_id: string }>(scatteredSql(kind, needles.length), kind, anchor, anchor + HIGH, ...needles, ranking.wanted);
    for (const row of rows) ranking.add(row.member_id);
    if (ranking.missing <= 0) return;
  }
}

const COUNT_SQL = `SELECT count(*) AS n FROM (
  SELECT 1 FROM member_search_key WHERE kind IN (${NAME_KINDS.join(', ')}) AND key >= ? AND key < ? LIMIT ?)`;

/** Above this many keys a word is "common"; counting further would cost as much as reading. */
const RARE_WORD_KEYS = 200;

/**
 * The word to read the keys of: a rare one when there is one ("marie josée lab" reads the Lab…
 * keys, not the thousands of Marie… ones), else the longest. Counting a few index entries per
 * word is much cheaper than reading rows.
 */
function rarestToken(r: Reader, tokens: string[]): string {
  const candidates = [...new Set(tokens)].sort((a, b) => b.length - a.length);
  let best = candidates[0]!;
  let bestCount = RARE_WORD_KEYS;
  for (const token of candidates) {
    const count = r.rawGet<{ n: number }>(COUNT_SQL, token, token + HIGH, bestCount)!.n;
    if (count < bestCount) {
      best = token;
      bestCount = count;
    }
  }
  return best;
}

function scatteredSql(kind: number, needles: number): string {
  const inner = kind === SearchKind.innerName;
  // Joined once per row (the member_id index also holds kind and key), not looked up once per word.
  const join = inner ? `JOIN member_search_key whole ON whole.member_id = scan.member_id AND whole.kind = ${SearchKind.lastFirst}` : '';
  const words = inner ? "' ' || whole.key" : "' ' || scan.key";
  const filter = Array.from({ length: needles }, () => `instr(${words}, ?) > 0`).join(' AND ') || '1';
  return `SELECT scan.member_id FROM (
      SELECT member_id, key FROM member_search_key WHERE kind = ? AND key >= ? AND key < ?
      ORDER BY key, member_id LIMIT ${inner ? SCATTERED_INNER_SCAN_LIMIT : SCATTERED_SCAN_LIMIT}
    ) scan ${join} WHERE ${filter} ORDER BY scan.key, scan.member_id LIMIT ?`;
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
    const status = memberStatus(r, row, today, graceDays);
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
