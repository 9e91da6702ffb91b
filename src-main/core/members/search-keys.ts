import type { MemberTable } from '../../db/schema.js';
import { normalizeEmail, phoneDigits, searchSpellings } from '../../../src-shared/text.js';

/**
 * The kinds of search key (member_search_key.kind). A name kind is a rank: a query scans the
 * kinds one after the other, in START_KINDS or PAIR_KINDS order, and each in key order. Every name
 * key holds all the name's words, so a query's other words can be checked against the key alone;
 * and every ordered pair of a name's words starts at least one of them (see wordsInAnyOrder in
 * search.ts). L1 is the first word of the last name, F1 of the first name.
 */
export const SearchKind = {
  /** The last name, then the first name: "gagnon tremblay marie claire". */
  lastFirst: 0,
  /** The first name, then the last name: "marie claire gagnon tremblay". */
  firstLast: 1,
  /** A later part of a compound name first, then the rest: "tremblay marie claire gagnon", "claire gagnon tremblay marie". */
  innerName: 2,
  phone: 3,
  email: 4,
  /** L1 then F1, when the last name is compound (no key above starts so): "gagnon marie claire tremblay". */
  lastThenFirst: 5,
  /** F1 then L1, when the first name is compound: "marie gagnon tremblay claire". */
  firstThenLast: 6,
  /** Any other two words of the name, then the rest: "tremblay claire gagnon marie". */
  otherPair: 7,
} as const;

/** Kinds a query read as the start of a name scans, in rank order: last names, first names, later parts. */
export const START_KINDS = [SearchKind.lastFirst, SearchKind.firstLast, SearchKind.innerName] as const;
/**
 * Kinds words typed in any order scan, in rank order: first the keys starting with the last
 * name's and the first name's first words ("sol trem" for Solange Tremblay or Solange
 * Tremblay-Gagnon; the query's longest word as the last name first), then those starting with
 * any other two words ("sol trem" finds Solange Gagnon-Tremblay after them).
 */
export const PAIR_KINDS = [
  SearchKind.lastFirst,
  SearchKind.lastThenFirst,
  SearchKind.firstLast,
  SearchKind.firstThenLast,
  SearchKind.innerName,
  SearchKind.otherPair,
] as const;

/** Word-pair keys grow as n² with a name's words: words past this many only follow the others. */
const MAX_PAIRED_WORDS = 8;

type AddKey = (kind: number, key: string) => void;

/** The name keys of one spelling of a member's name (words folded for search). */
function nameKeys(last: string[], first: string[], add: AddKey): void {
  const words = [...last, ...first];
  if (words.length === 0) return;
  const keys: [number, string[]][] = [
    [SearchKind.lastFirst, words],
    [SearchKind.firstLast, [...first, ...last]],
  ];
  // "Côté" finds Léveillé-Côté; "Claire" finds Marie-Claire.
  for (let i = 1; i < last.length; i++) keys.push([SearchKind.innerName, [...last.slice(i), ...first, ...last.slice(0, i)]]);
  for (let i = 1; i < first.length; i++) keys.push([SearchKind.innerName, [...first.slice(i), ...last, ...first.slice(0, i)]]);
  const starts = new Set<string>();
  for (const [kind, keyWords] of keys) {
    add(kind, keyWords.join(' '));
    if (keyWords.length > 1) starts.add(`${keyWords[0]} ${keyWords[1]}`);
  }
  // Then every ordered pair of words no key above starts with: the last and first names' first
  // words (L1 F1, F1 L1) first, then any other two; each followed by the name's other words.
  const paired = Math.min(words.length, MAX_PAIRED_WORDS);
  const f1 = last.length;
  const pairs: [kind: number, a: number, b: number][] = [];
  if (last.length > 0 && first.length > 0 && f1 < paired) pairs.push([SearchKind.lastThenFirst, 0, f1], [SearchKind.firstThenLast, f1, 0]);
  for (let a = 0; a < paired; a++) {
    for (let b = 0; b < paired; b++) if (a !== b) pairs.push([SearchKind.otherPair, a, b]);
  }
  for (const [kind, a, b] of pairs) {
    const start = `${words[a]} ${words[b]}`;
    if (starts.has(start)) continue;
    starts.add(start);
    add(kind, [words[a], words[b], ...words.filter((_, i) => i !== a && i !== b)].join(' '));
  }
}

/**
 * A member's search keys: their name's words in the orders above, in both spellings of names
 * written two ways ("O'Brien": "o brien" and "obrien"; "Mac Donald": "mac donald" and
 * "macdonald"; see searchSpellings), the phone's digits (with and without the area code) and the
 * email address. Kept in member_search_key by indexMemberForSearch; rebuilt by migration 0005.
 */
export function searchKeysFor(member: Pick<MemberTable, 'first_name' | 'last_name' | 'email' | 'phone'>): { kind: number; key: string }[] {
  const keys = new Map<string, { kind: number; key: string }>();
  const add: AddKey = (kind, key) => {
    if (key && !keys.has(`${kind}:${key}`)) keys.set(`${kind}:${key}`, { kind, key });
  };
  const last = searchSpellings(member.last_name);
  const first = searchSpellings(member.first_name);
  nameKeys(last.split, first.split, add);
  nameKeys(last.joined, first.joined, add);
  if (member.phone) {
    const digits = phoneDigits(member.phone);
    add(SearchKind.phone, digits);
    // People often give the number without the area code.
    if (digits.length === 10) add(SearchKind.phone, digits.slice(3));
  }
  if (member.email) add(SearchKind.email, normalizeEmail(member.email));
  return [...keys.values()];
}
