import { z } from 'zod';
import type { Language, MemberTable } from '../../db/schema.js';
import type { Reader, Writer } from '../../db/sql.js';
import { businessDate } from '../../../src-shared/dates.js';
import type { Desk } from '../desk/desk.js';
import { statusLabel } from '../../../src-shared/memberships.js';
import { memberStatus } from '../memberships/periods.js';
import { normalizeEmail, phoneDigits, searchSpellings } from '../../../src-shared/text.js';
import { parseInput } from '../../../src-shared/validation.js';
import { formatPhone } from '../../../src-shared/phones.js';
import { householdNameIn } from '../../../src-shared/words.js';
import { editDistance } from '../../../src-shared/duplicates.js';
import type { SearchPage } from './views.js';
import { PAIR_KINDS, START_KINDS, SearchKind, searchKeysFor } from './search-keys.js';

export { SearchKind, searchKeysFor } from './search-keys.js';

/**
 * As-you-type member search. Each member has a few folded keys (accent-, case- and
 * punctuation-blind, any script) in a WITHOUT ROWID B-tree (search-keys.ts); a query is a handful
 * of index range scans, each stopping after one page, so the cost does not grow with the number of
 * members. Compared with FTS5, prefix scans return rows already in display order, with no ranking
 * pass over every match (a one-letter query can match a third of the club).
 *
 * A query is first read as the start of a key ("tremblay ma", "marie tr"); then, when it has
 * several words, as words in any order, each the start of a different word of the name ("sol
 * trem" finds Tremblay, Solange; see wordsInAnyOrder).
 */

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

/**
 * Above every character a key can hold: U+10FFFF is the last code point, and its UTF-8 bytes
 * (what SQLite compares) are above those of any other, astral letters included.
 */
const HIGH = '\u{10ffff}';

/**
 * Rows of one kind whose key starts with a prefix, in key order, after a given row (the primary
 * key (kind, key, member_id) orders them), where each of `needles` more words starts a word of the
 * key. SQLite checks the needles, so rows they reject never reach JavaScript.
 */
function rangeSql(needles: number, after: boolean): string {
  const from = after ? '(key, member_id) > (?, ?)' : 'key >= ?';
  const words = Array.from({ length: needles }, () => " AND instr(' ' || key, ?) > 0").join('');
  return `SELECT member_id, key FROM member_search_key WHERE kind = ? AND ${from} AND key < ?${words} ORDER BY key, member_id LIMIT ?`;
}
const RANGE_SQL = [0, 1, 2, 3, 4, 5].map((needles) => ({ first: rangeSql(needles, false), next: rangeSql(needles, true) }));

interface KeyRow {
  member_id: string;
  key: string;
}

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
 * Adds the members with a key of this kind starting with `prefix` (and holding a word starting
 * with each of `others`), in key order. A member already ranked does not count, so the scan goes
 * on until enough new ones are found (or the range ends): otherwise a page could come back short
 * and `hasMore` be wrong.
 */
function scanPrefix(r: Reader, ranking: Ranking, kind: number, prefix: string, others: readonly string[] = [], after?: KeyRow): void {
  const high = prefix + HIGH;
  const sql = RANGE_SQL[others.length]!;
  const needles = others.map((word) => ` ${word}`);
  let asked = ranking.missing;
  if (asked <= 0) return;
  let rows = after
    ? r.rawAll<KeyRow>(sql.next, kind, after.key, after.member_id, high, ...needles, asked)
    : r.rawAll<KeyRow>(sql.first, kind, prefix, high, ...needles, asked);
  for (;;) {
    for (const row of rows) ranking.add(row.member_id);
    const last = rows.at(-1);
    if (!last || rows.length < asked || ranking.missing <= 0) return;
    asked = ranking.missing;
    rows = r.rawAll(sql.next, kind, last.key, last.member_id, high, ...needles, asked);
  }
}

/**
 * The ways a query may be meant: its words as search folds them ("st" spelt "saint"), as typed
 * ("ste" may be the start of Stéphane), and with particles glued ("mac donald" for Macdonald).
 * The first is the usual reading; the others are tried after it. Never more than four.
 */
function readings(query: string): string[][] {
  const expanded = searchSpellings(query, 'expand');
  const literal = searchSpellings(query, 'keep');
  const all = new Map<string, string[]>();
  for (const words of [expanded.split, literal.split, expanded.joined, literal.joined]) {
    if (words.length > 0 && !all.has(words.join(' '))) all.set(words.join(' '), words);
  }
  return [...all.values()];
}

/** The longest member number a club gives (member-numbers.ts blocks stay well below). */
const MAX_NUMBER_DIGITS = 9;

/**
 * Members whose number starts with the digits typed so far ("10017" while typing 100176), by
 * number: one range of the number index per possible length.
 */
function numberPrefix(r: Reader, ranking: Ranking, digits: string): void {
  for (let length = digits.length + 1; length <= MAX_NUMBER_DIGITS && ranking.missing > 0; length++) {
    const scale = 10 ** (length - digits.length);
    const low = Number(digits) * scale;
    const rows = r.rawAll<{ id: string }>('SELECT id FROM member WHERE number >= ? AND number < ? ORDER BY number LIMIT ?', low, low + scale, ranking.missing);
    for (const row of rows) ranking.add(row.id);
  }
}

/** A receipt number as a volunteer types it (« A-000040 », « a40 »), in the form the file keeps. */
function receiptFrom(r: Reader, query: string): { receiptNumber: string; memberId: string | null } | null {
  const match = /^([a-z]{1,4})\s*-?\s*(\d{1,9})$/i.exec(query);
  if (!match) return null;
  const row = r.rawGet<{ receipt_number: string; member_id: string | null }>(
    'SELECT receipt_number, member_id FROM sale_order WHERE receipt_number = ?',
    `${match[1]!.toUpperCase()}-${match[2]!.padStart(6, '0')}`,
  );
  return row ? { receiptNumber: row.receipt_number, memberId: row.member_id } : null;
}

/**
 * When nothing matches as typed: names within one typo (two for long words) of the query's longest
 * word, among the distinct first words of last and first names that start with its letter
 * (Damerau-Levenshtein through cmpstr: « hebrt » finds Hébert, « levesqe » Lévesque, « tremblya »
 * Tremblay). A seek per distinct name word, only after every exact reading found nothing.
 */
function closeSpellings(r: Reader, ranking: Ranking, words: string[]): void {
  const longest = [...words].sort((a, b) => b.length - a.length)[0];
  if (!longest || longest.length < 4 || !/^\p{L}/u.test(longest)) return;
  const others = words.filter((word) => word !== longest);
  const allowed = longest.length >= 7 ? 2 : 1;
  for (const kind of [SearchKind.lastFirst, SearchKind.firstLast]) {
    const close: { word: string; distance: number }[] = [];
    let word = nextFirstWord(r, kind, longest[0]!, longest[0]!);
    while (word !== null) {
      if (Math.abs(word.length - longest.length) <= allowed) {
        const distance = editDistance(word, longest);
        if (distance <= allowed) close.push({ word, distance });
      }
      word = nextFirstWord(r, kind, `${word}!`, longest[0]!);
    }
    close.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
    for (const { word: name } of close) if (ranking.missing > 0) scanPrefix(r, ranking, kind, `${name} `, others);
  }
}

/** Member ids matching the query, best first, `wanted` of them when there are that many. */
function rankedIds(r: Reader, query: string, wanted: number): { ids: string[]; approximate: boolean; receiptNumber: string | null } {
  const ranking = new Ranking(wanted);
  const exact = (ids: string[]) => ({ ids, approximate: false, receiptNumber: null });
  const compact = query.replace(/[\s().+-]/g, '');
  if (/^\d+$/.test(compact)) {
    if (compact.length <= MAX_NUMBER_DIGITS) {
      const byNumber = r.rawGet<{ id: string }>('SELECT id FROM member WHERE number = ?', Number(compact));
      if (byNumber) ranking.add(byNumber.id);
      // The start of a number, while it is typed: members first, then phones.
      if (compact.length >= 3) numberPrefix(r, ranking, compact);
    }
    if (compact.length >= 3) scanPrefix(r, ranking, SearchKind.phone, phoneDigits(compact));
    // "1-418-5…" typed with the long-distance 1: the stored digits have no leading 1.
    if (compact.length >= 4 && compact.length <= 10 && compact.startsWith('1')) {
      scanPrefix(r, ranking, SearchKind.phone, compact.slice(1));
    }
    return exact(ranking.ids);
  }
  if (query.includes('@')) {
    scanPrefix(r, ranking, SearchKind.email, normalizeEmail(query));
    return exact(ranking.ids);
  }
  const receipt = receiptFrom(r, query);
  if (receipt) {
    if (receipt.memberId) ranking.add(receipt.memberId);
    return { ids: ranking.ids, approximate: false, receiptNumber: receipt.receiptNumber };
  }
  const meanings = readings(query);
  if (meanings.length === 0) return exact(ranking.ids);
  // The start of a key: last names, then first names, then later parts, each reading in turn.
  for (const kind of START_KINDS) {
    for (const words of meanings) scanPrefix(r, ranking, kind, words.join(' '));
  }
  const several = meanings.filter((words) => words.length > 1);
  for (const kind of several.length > 0 ? PAIR_KINDS : []) {
    for (const words of several) {
      if (ranking.missing > 0) wordsInAnyOrder(r, ranking, kind, words);
    }
  }
  if (ranking.missing > 0 && !query.includes(' ')) scanPrefix(r, ranking, SearchKind.email, normalizeEmail(query));
  if (ranking.ids.length > 0) return exact(ranking.ids);
  closeSpellings(r, ranking, meanings[0]!);
  return { ids: ranking.ids, approximate: ranking.ids.length > 0, receiptNumber: null };
}

/**
 * The ids of the members a query finds, best first, at most `wanted` of them: the ranking alone,
 * without the rows a page shows (for the benchmark's comparison with other indexes).
 */
export function searchMemberIds(r: Reader, query: string, wanted: number): string[] {
  return rankedIds(r, query.trim(), wanted).ids;
}

/**
 * Keys of one kind whose first word is `from` or a later one starting with `lead` and whose second
 * word starts with `second`, holding a word starting with each needle; in key order, LIMIT of them.
 * SQLite skips through the index from one distinct first word to the next (the recursive `word`:
 * one seek each, "w!" being just past every key whose first word is w, as keys hold only letters,
 * digits and spaces), and reads the range "w second…" of each. CROSS JOIN keeps `word` the outer loop (SQLite never reorders
 * it; otherwise, with the needles, the planner may scan the whole kind), so rows come out in word
 * order, then key order (test/core/search.test.ts checks it): without an ORDER BY, which would
 * sort every match before the LIMIT.
 */
function anyOrderSql(needles: number): string {
  const words = Array.from({ length: needles }, () => " AND instr(' ' || k.key, ?) > 0").join('');
  const firstWord = "substr(key, 1, instr(key || ' ', ' ') - 1)";
  return `WITH RECURSIVE word(w) AS (
      SELECT (SELECT ${firstWord} FROM member_search_key WHERE kind = ? AND key >= ? AND key < ? ORDER BY key LIMIT 1)
      UNION ALL
      SELECT (SELECT ${firstWord} FROM member_search_key WHERE kind = ? AND key >= w || '!' AND key < ? ORDER BY key LIMIT 1)
      FROM word WHERE w IS NOT NULL)
    SELECT k.member_id, k.key FROM word CROSS JOIN member_search_key k
      ON k.kind = ? AND k.key >= w || ' ' || ? AND k.key < w || ' ' || ? || ?${words}
    WHERE w IS NOT NULL
    LIMIT ?`;
}
const ANY_ORDER_SQL = [0, 1, 2, 3, 4, 5].map(anyOrderSql);

const FIRST_KEY_SQL = 'SELECT key FROM member_search_key WHERE kind = ? AND key >= ? AND key < ? ORDER BY key LIMIT 1';

/** The first word of the first key of this kind from `from` on, below the end of `prefix`'s range. */
function nextFirstWord(r: Reader, kind: number, from: string, prefix: string): string | null {
  const row = r.rawGet<{ key: string }>(FIRST_KEY_SQL, kind, from, prefix + HIGH);
  if (!row) return null;
  const space = row.key.indexOf(' ');
  return space < 0 ? row.key : row.key.slice(0, space);
}

/**
 * Distinct first words read with simple statements before handing the rest to anyOrderSql. A
 * seek costs a few microseconds and the recursive statement some tens to set up, then about one
 * per word: a query's longest word often starts a single name word of a kind ("trem"), or none.
 * Measured on the demo club and on one with 15,000 distinct last names, 1 is best for both.
 */
const FEW_WORDS = 1;

/**
 * Words in any order ("sol trem", "claire tremblay marie"), in keys of one kind: each word must
 * start a different word of the name. Every ordered pair of a name's words starts one of its keys
 * (search-keys.ts), so with the query's longest word `lead` and the next longest `second`, the
 * matches are, for each distinct name word W starting with `lead`, the keys starting with
 * "W second" (a name word is shared by many members, so there are far fewer of them than keys);
 * the query's other words are checked by SQLite in each range. Nothing is capped: every match can
 * be reached, a page at a time, and the cost grows with the distinct words, not the members.
 */
function wordsInAnyOrder(r: Reader, ranking: Ranking, kind: number, words: string[]): void {
  // Longest first (the fewest distinct name words start with it); on a tie the later word.
  const order = words.map((_, i) => i).sort((a, b) => words[b]!.length - words[a]!.length || b - a);
  const lead = words[order[0]!]!;
  const second = words[order[1]!]!;
  // Past five more words (a pasted address?), the first five are checked.
  const others = order.slice(2, 7).map((i) => words[i]!);
  let word = nextFirstWord(r, kind, lead, lead);
  for (let seen = 0; word !== null && seen < FEW_WORDS; seen++) {
    scanPrefix(r, ranking, kind, `${word} ${second}`, others);
    if (ranking.missing <= 0) return;
    // "word!" is just past every key whose first word is "word" (keys hold letters, digits, spaces).
    word = nextFirstWord(r, kind, `${word}!`, lead);
  }
  const needles = others.map((other) => ` ${other}`);
  while (word !== null) {
    const asked = ranking.missing;
    const rows = r.rawAll<KeyRow>(ANY_ORDER_SQL[needles.length]!, kind, word, lead + HIGH, kind, lead + HIGH, kind, second, second, HIGH, ...needles, asked);
    for (const row of rows) ranking.add(row.member_id);
    const last = rows.at(-1);
    if (!last || rows.length < asked || ranking.missing <= 0) return;
    // Some rows were members already ranked: finish the last row's word, then go on from the next.
    const lastWord = last.key.slice(0, last.key.indexOf(' '));
    scanPrefix(r, ranking, kind, `${lastWord} ${second}`, others, last);
    if (ranking.missing <= 0) return;
    word = nextFirstWord(r, kind, `${lastWord}!`, lead);
  }
}

interface ResultRow {
  id: string;
  number: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  birth_date: string | null;
  expires_on: string | null;
  household: string | null;
}

export function searchMembersIn(r: Reader, input: { query: string; limit: number; offset: number }, today: string, graceDays: number, language: Language): SearchPage {
  const { ids, approximate, receiptNumber } = rankedIds(r, input.query.trim(), input.offset + input.limit + 1);
  const pageIds = ids.slice(input.offset, input.offset + input.limit);
  const rows = pageIds.length
    ? r.rawAll<ResultRow>(
        `SELECT m.id, m.number, m.first_name, m.last_name, m.email, m.phone, m.city, m.birth_date, m.expires_on, h.name AS household
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
        household: row.household === null ? null : householdNameIn(row.household, language),
        email: row.email,
        phone: row.phone === null ? null : formatPhone(row.phone, language),
        city: row.city,
        birthYear: row.birth_date ? Number(row.birth_date.slice(0, 4)) : null,
        expiresOn: row.expires_on,
        status,
        statusLabel: statusLabel(status, language),
      },
    ];
  });
  return { query: input.query, results, offset: input.offset, hasMore: ids.length > input.offset + input.limit, approximate, receiptNumber };
}

/** Search by name prefix, full member number, phone (any format) or email; ranked and paged. */
export function searchMembers(desk: Desk, input: unknown): SearchPage {
  const values = parseInput(searchSchema, input);
  return searchMembersIn(desk.reader, values, businessDate(desk.clock.now()), desk.settings().graceDays, desk.language);
}
