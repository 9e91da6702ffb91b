import type { Desk } from '../src-main/core/desk/desk.js';
import { searchMembers } from '../src-main/core/members/search.js';
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
