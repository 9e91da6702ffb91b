import type { Desk } from '../src-main/core/desk/desk.js';
import { Index } from 'flexsearch';
import { searchMemberIds, searchMembers } from '../src-main/core/members/search.js';
import { mulberry32 } from '../src-main/demo/people.js';
import { percentile, timeMs, type Figure } from './figures.js';

interface Sampled {
  number: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
}

/** Every prefix of `text` from `from` to `to` characters: what the search box sees while typing. */
function typing(text: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= Math.min(to, text.length); n++) out.push(text.slice(0, n));
  return out;
}

/**
 * What volunteers type, taken from real members of the database: names letter by letter (accents
 * and capitals as written), "Nom P" and "Prénom Nom", full member numbers, phone numbers digit by
 * digit in the member's own format, email addresses up to the domain.
 */
export function realisticQueries(desk: Desk, members: number, seed = 7): string[] {
  const random = mulberry32(seed);
  const r = desk.reader;
  const bounds = r.rawGet<{ low: number; high: number }>('SELECT min(number) AS low, max(number) AS high FROM member');
  if (!bounds) return [];
  const queries: string[] = [];
  for (let i = 0; i < members; i++) {
    const number = bounds.low + Math.floor(random() * (bounds.high - bounds.low + 1));
    const m = r.rawGet<Sampled>('SELECT number, first_name, last_name, email, phone FROM member WHERE number = ?', number);
    if (!m) continue;
    queries.push(...typing(m.last_name, 1, 8), ...typing(m.first_name, 1, 8));
    queries.push(...typing(`${m.last_name} ${m.first_name}`, m.last_name.length + 2, m.last_name.length + 4));
    queries.push(...typing(`${m.first_name} ${m.last_name}`, m.first_name.length + 2, m.first_name.length + 5));
    queries.push(String(m.number));
    if (m.phone) queries.push(...typing(m.phone, 3, m.phone.length).filter((_, k) => k % 2 === 0));
    if (m.email) {
      const at = m.email.indexOf('@');
      queries.push(...typing(m.email, 3, at + 4).filter((_, k) => k % 2 === 0));
    }
  }
  return queries;
}

/** Search latency, end to end through searchMembers (validation, ranking, rows, status labels). */
export function benchSearch(desk: Desk, label: string, members = 120): Figure[] {
  // Warm up on other members' names (JIT, statement cache, SQLite's pages), as a desk that has
  // been open a few minutes would be, without timing queries whose rows were just read.
  for (const query of realisticQueries(desk, members, 8)) searchMembers(desk, { query });
  const queries = realisticQueries(desk, members);
  const samples = queries.map((query) => timeMs(() => searchMembers(desk, { query })));
  return [
    { name: `search_p50_ms_${label}`, value: percentile(samples, 50), unit: 'ms' },
    { name: `search_p99_ms_${label}`, value: percentile(samples, 99), unit: 'ms' },
    { name: `search_queries_${label}`, value: samples.length, unit: 'queries' },
  ];
}

/** The slowest queries (median of 5 runs each, so a GC pause does not count), to know what to optimize. */
export function slowestQueries(desk: Desk, queries: string[], top = 20): { query: string; ms: number }[] {
  return queries
    .map((query) => ({ query, ms: percentile([1, 2, 3, 4, 5].map(() => timeMs(() => searchMembers(desk, { query }))), 50) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

/** Results on the lookup screen's first page (src-renderer/screens/Lookup.tsx, PAGE). */
const FIRST_PAGE = 20;

/** Accents off, lower case: "Stéphane" → "stephane". */
function plain(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

interface Intended {
  id: string;
  number: number;
  query: string;
}

/**
 * Queries a volunteer types to find one given member: the first three characters of the first
 * name, a space, the first four of the last name, accents removed, lower case ("sol trem" for
 * Solange Tremblay, "ste st-o" for Stéphane St-Onge, "pat o'br" for Patrick O'Brien). `count`
 * distinct members drawn with a fixed seed.
 */
export function intendedQueries(desk: Desk, count = 3000, seed = 11): Intended[] {
  const random = mulberry32(seed);
  const r = desk.reader;
  const bounds = r.rawGet<{ low: number; high: number; n: number }>('SELECT min(number) AS low, max(number) AS high, count(*) AS n FROM member');
  if (!bounds) return [];
  const drawn = new Map<number, Intended>();
  for (let tries = 0; drawn.size < Math.min(count, bounds.n) && tries < count * 20; tries++) {
    const number = bounds.low + Math.floor(random() * (bounds.high - bounds.low + 1));
    if (drawn.has(number)) continue;
    const m = r.rawGet<{ id: string; first_name: string; last_name: string }>('SELECT id, first_name, last_name FROM member WHERE number = ?', number);
    if (m) drawn.set(number, { id: m.id, number, query: `${plain(m.first_name).slice(0, 3)} ${plain(m.last_name).slice(0, 4)}` });
  }
  return [...drawn.values()];
}

/**
 * The peer: FlexSearch as a team would set it up for a name box, over the same members ("first
 * last", forward tokenizer for prefixes, its default encoder: lower case and accents folded).
 */
function flexsearchIndex(desk: Desk): Index {
  const index = new Index({ tokenize: 'forward' });
  for (const m of desk.reader.iterate<{ number: number; first_name: string; last_name: string }>('SELECT number, first_name, last_name FROM member')) {
    index.add(m.number, `${m.first_name} ${m.last_name}`);
  }
  return index;
}

/**
 * Times two ways of answering the same queries, one after the other on each query and in
 * alternating order, so that the machine's other work weighs on both alike; then their ratio at
 * the median and the 99th percentile (below 1: the first is faster).
 */
function sideBySide(queries: readonly string[], ours: (query: string) => unknown, theirs: (query: string) => unknown): { p50: number; p99: number } {
  const ourMs: number[] = [];
  const peerMs: number[] = [];
  queries.forEach((query, i) => {
    const timeOurs = () => ourMs.push(timeMs(() => ours(query)));
    const timeTheirs = () => peerMs.push(timeMs(() => theirs(query)));
    if (i % 2 === 0) {
      timeOurs();
      timeTheirs();
    } else {
      timeTheirs();
      timeOurs();
    }
  });
  return { p50: percentile(ourMs, 50) / percentile(peerMs, 50), p99: percentile(ourMs, 99) / percentile(peerMs, 99) };
}

/**
 * Search quality, and speed against FlexSearch on the same queries (intendedQueries): the share
 * of queries whose member is on the first page, ours and FlexSearch's, and our time over
 * FlexSearch's (sideBySide). Both give the first page's member ids and nothing else (our rows and
 * statuses are not timed here). The same ratio on names typed letter by letter
 * (realisticQueries without numbers, phones or emails), where a one-word prefix is FlexSearch's
 * best case (an in-memory map) and ours a B-tree read through SQLite, says the other half.
 */
export function benchSearchQuality(desk: Desk, count = 3000): Figure[] {
  const intended = intendedQueries(desk, count);
  const peer = flexsearchIndex(desk);
  const ours = (query: string) => searchMemberIds(desk.reader, query, FIRST_PAGE);
  const theirs = (query: string) => peer.search(query, { limit: FIRST_PAGE });
  const typing = realisticQueries(desk, 120).filter((query) => !/[\d@.]/.test(query));
  for (const query of [...intendedQueries(desk, 500, 12).map((q) => q.query), ...realisticQueries(desk, 40, 8)]) {
    ours(query);
    theirs(query);
  }
  const hits = intended.filter(({ id, query }) => ours(query).includes(id)).length;
  const peerHits = intended.filter(({ number, query }) => theirs(query).includes(number)).length;
  const pct = (n: number) => (100 * n) / Math.max(1, intended.length);
  const speed = sideBySide(intended.map((q) => q.query), ours, theirs);
  const typingSpeed = sideBySide(typing, ours, theirs);
  return [
    { name: 'search_hit_rate_pct', value: pct(hits), unit: '%' },
    { name: 'search_flexsearch_hit_rate_pct', value: pct(peerHits), unit: '%' },
    { name: 'search_vs_flexsearch_p50', value: speed.p50, unit: 'x' },
    { name: 'search_vs_flexsearch_p99', value: speed.p99, unit: 'x' },
    { name: 'search_quality_queries', value: intended.length, unit: 'queries' },
    { name: 'search_typing_vs_flexsearch_p50', value: typingSpeed.p50, unit: 'x' },
    { name: 'search_typing_vs_flexsearch_p99', value: typingSpeed.p99, unit: 'x' },
    { name: 'search_typing_queries', value: typing.length, unit: 'queries' },
  ];
}
