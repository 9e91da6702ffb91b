import type { Reader } from '../../db/sql.js';
import type { Language, MemberTable } from '../../db/schema.js';
import { matchPeople, nicknameForms, type PersonFacts } from '../../../src-shared/duplicates.js';
import { foldTokens, normalizeEmail, normalizePostalCode, phoneDigits } from '../../../src-shared/text.js';
import { memberIdentity, type DuplicateCandidate } from './views.js';

export type { PersonFacts };

/** Rows read per look-up: a handful of look-ups, so a check reads a few hundred rows at most, whatever the club's size. */
const PER_LOOKUP = 200;
/** Look-alikes by name shown at most: beyond that the list is noise (there are many Marie Tremblay). */
const MAX_LOOKALIKES = 10;
const MAX_PROBABLE = 20;
const HIGH = '\uffff';

type Row = Pick<MemberTable, 'id' | 'number' | 'first_name' | 'last_name' | 'sort_name' | 'birth_date' | 'email' | 'phone' | 'postal_code'>;
const COLUMNS = 'id, number, first_name, last_name, sort_name, birth_date, email, phone, postal_code';

// sort_name is the folded "last first" (apply.ts), indexed. Members whose sort_name starts with
// `prefix` and, when needles are given, has a word starting with one of them: the index range is
// read in order and SQLite checks each entry, so rows that fail never reach JavaScript.
function byNamePrefix(r: Reader, prefix: string, needles: string[] = []): Row[] {
  if (prefix.trim().length === 0) return [];
  const words = needles.length > 0 ? `AND (${needles.map(() => `instr(' ' || sort_name, ?) > 0`).join(' OR ')})` : '';
  return r.rawAll<Row>(
    `SELECT ${COLUMNS} FROM member WHERE sort_name >= ? AND sort_name < ? ${words} LIMIT ${PER_LOOKUP}`,
    prefix,
    prefix + HIGH,
    ...needles.map((needle) => ` ${needle}`),
  );
}

function byColumn(r: Reader, column: 'email' | 'phone_digits' | 'birth_date' | 'postal_code', value: string | null): Row[] {
  return value ? r.rawAll<Row>(`SELECT ${COLUMNS} FROM member WHERE ${column} = ? LIMIT ${PER_LOOKUP}`, value) : [];
}

/**
 * The members worth scoring, from the indexes only (never a scan of every member: the check runs
 * as the volunteer types), each look-up reading at most PER_LOOKUP rows: those sharing an email,
 * a phone, a birth date or a postal code, and those whose folded name is near by prefix —
 * - the same name (namesakes first, so that a common name cannot crowd them out);
 * - the last name's first 3 letters and a first name starting like the typed one (a typo further
 *   in either: Hebbert finds Hébert, Serges finds Serge; Hébert finds Hébert-Roy), for each word
 *   of a double last name and for the words run together (Ben Ali, Benali);
 * - the whole last name and the first name's initial, or a nickname's (Bob for Robert);
 * - the same with first and last swapped (typed in each other's box).
 * A typo in the first letters of both names is left to the shared facts.
 */
export function gatherCandidates(r: Reader, person: PersonFacts): Map<string, Row> {
  const found = new Map<string, Row>();
  const add = (rows: Row[]) => rows.forEach((row) => found.set(row.id, row));
  add(byColumn(r, 'email', person.email ? normalizeEmail(person.email) : null));
  add(byColumn(r, 'phone_digits', person.phone ? phoneDigits(person.phone) : null));
  add(byColumn(r, 'birth_date', person.birthDate ?? null));
  add(byColumn(r, 'postal_code', person.postalCode ? normalizePostalCode(person.postalCode) : null));

  const first = foldTokens(person.firstName).filter((word) => word !== 'ti');
  const last = foldTokens(person.lastName);
  if (first.length === 0 || last.length === 0) return found;
  const forms = [...new Set([...first, ...first.flatMap(nicknameForms)])];
  const starts = (words: string[], length: number) => [...new Set(words.map((word) => word.slice(0, length)))];
  add(byNamePrefix(r, `${last.join(' ')} ${first.join(' ')}`));
  const lastWords = new Set([...last, last.join('')]);
  for (const prefix of starts([...lastWords], 3)) add(byNamePrefix(r, prefix, starts(forms, 3)));
  add(byNamePrefix(r, `${last.join(' ')} `, starts(forms, 1)));
  // Swapped boxes: the typed first name is their last name.
  for (const prefix of starts(first, 3)) add(byNamePrefix(r, prefix, starts(last, 3)));
  return found;
}

export interface DuplicateOptions {
  /** The member being edited, never their own duplicate. */
  excludeId?: string | undefined;
  /** Phones are shown in this language (« 418 555-0123, poste 22 »). */
  language?: Language;
}

/**
 * Members who may be the person being typed in, best first, each with its level (src-shared/
 * duplicates.ts): every `probable` one (creating needs « Créer quand même ») then the closest
 * `lookalike`s (a soft hint). A couple sharing an email and an address is neither.
 */
export function findDuplicates(r: Reader, person: PersonFacts, options: DuplicateOptions = {}): DuplicateCandidate[] {
  const scored: { candidate: DuplicateCandidate; score: number }[] = [];
  for (const row of gatherCandidates(r, person).values()) {
    if (row.id === options.excludeId) continue;
    const match = matchPeople(person, {
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      email: row.email,
      phone: row.phone,
      postalCode: row.postal_code,
    });
    if (match) scored.push({ candidate: { ...memberIdentity(row, options.language), level: match.level, reasons: match.reasons }, score: match.score });
  }
  scored.sort((a, b) => b.score - a.score || a.candidate.number - b.candidate.number);
  const probable = scored.filter((s) => s.candidate.level === 'probable').slice(0, MAX_PROBABLE);
  const lookalikes = scored.filter((s) => s.candidate.level === 'lookalike').slice(0, MAX_LOOKALIKES);
  return [...probable, ...lookalikes].map((s) => s.candidate);
}
