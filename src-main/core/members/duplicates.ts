import type { Reader } from '../../db/sql.js';
import type { MemberTable } from '../../db/schema.js';
import { fold, foldTokens, normalizeEmail, normalizePostalCode, phoneDigits } from '../../../src-shared/text.js';

export type DuplicateReason = 'same_name' | 'similar_name' | 'birth_date' | 'phone' | 'email' | 'postal_code';

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, { fr: string; en: string }> = {
  same_name: { fr: 'même nom', en: 'same name' },
  similar_name: { fr: 'nom semblable', en: 'similar name' },
  birth_date: { fr: 'même date de naissance', en: 'same birth date' },
  phone: { fr: 'même téléphone', en: 'same phone' },
  email: { fr: 'même courriel', en: 'same email' },
  postal_code: { fr: 'même code postal', en: 'same postal code' },
};

export interface DuplicateCandidate {
  id: string;
  number: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  reasons: DuplicateReason[];
}

export interface PersonFacts {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
}

/** Edit distance, small strings only (names). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Name words too common to say two names are alike ("Saint-Onge" and "Saint-Pierre"; Vietnamese "Văn", "Thị"). */
const COMMON_NAME_WORDS = new Set(['saint', 'sainte', 'mac', 'des', 'del', 'van', 'von', 'thi']);

/** Accent-blind likeness of two names: equal, one token in common, a nickname prefix, or a typo. */
function namesAlike(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (!fa || !fb) return false;
  if (fa === fb) return true;
  const ta = fa.split(' ');
  const tb = new Set(fb.split(' '));
  if (ta.some((token) => token.length > 2 && !COMMON_NAME_WORDS.has(token) && tb.has(token))) return true;
  const compactA = fa.replace(/ /g, '');
  const compactB = fb.replace(/ /g, '');
  if (compactA.length >= 3 && compactB.length >= 3 && (compactA.startsWith(compactB) || compactB.startsWith(compactA))) return true;
  const allowed = Math.min(compactA.length, compactB.length) >= 6 ? 2 : 1;
  return distance(compactA, compactB) <= allowed;
}

// Feminine forms of French first names: Denis/Denise, Jean/Jeanne, Marcel/Marcelle, Claude/Claudette, Paul/Pauline.
const FEMININE_ENDING = /^(e|ne|le|te|tte|ette|ine|a)$/;

/**
 * Two first names that are a masculine and a feminine form are two people: Réjean and Réjeanne
 * Tremblay sharing an address and an email are the most ordinary couple of the club.
 */
function masculineAndFeminine(a: string, b: string): boolean {
  const [short, long] = [fold(a).replace(/ /g, ''), fold(b).replace(/ /g, '')].sort((x, y) => x.length - y.length) as [string, string];
  return short.length >= 3 && long.startsWith(short) && FEMININE_ENDING.test(long.slice(short.length));
}

function firstNamesAlike(a: string, b: string): boolean {
  return namesAlike(a, b) && !masculineAndFeminine(a, b);
}

/**
 * Members who are likely the person being entered: an alike name (accents, case and hyphens
 * aside) and at least one of the same birth date, phone, email or postal code, or exactly the
 * same name. A couple sharing an email and an address is not flagged: their first names differ.
 */
export function findDuplicates(r: Reader, person: PersonFacts, excludeId?: string): DuplicateCandidate[] {
  const email = person.email ? normalizeEmail(person.email) : null;
  const phone = person.phone ? phoneDigits(person.phone) : null;
  const postalCode = person.postalCode ? normalizePostalCode(person.postalCode) : null;
  const birthDate = person.birthDate ?? null;
  const lastTokens = foldTokens(person.lastName);
  const fullName = fold(`${person.lastName} ${person.firstName}`);

  const candidates = new Map<string, MemberTable>();
  const collect = (rows: MemberTable[]) => rows.forEach((row) => candidates.set(row.id, row));
  const member = () => r.qb.selectFrom('member').selectAll().limit(200);
  if (email) collect(r.all(member().where('email', '=', email)));
  if (phone) collect(r.all(member().where('phone_digits', '=', phone)));
  if (birthDate) collect(r.all(member().where('birth_date', '=', birthDate)));
  if (postalCode) collect(r.all(member().where('postal_code', '=', postalCode)));
  const initial = fold(person.firstName).slice(0, 1);
  for (const prefix of new Set([lastTokens.join(' '), ...lastTokens])) {
    if (prefix.length < 2) continue;
    // sort_name is "last first", folded: members with this last name and the same first initial.
    const start = `${prefix} ${initial}`;
    collect(r.all(member().where('sort_name', '>=', start).where('sort_name', '<', `${start}\uffff`)));
  }

  const results: DuplicateCandidate[] = [];
  for (const row of candidates.values()) {
    if (row.id === excludeId) continue;
    const reasons: DuplicateReason[] = [];
    const sameName = row.sort_name === fullName;
    const alike = sameName || (namesAlike(row.last_name, person.lastName) && firstNamesAlike(row.first_name, person.firstName));
    if (!alike) continue;
    if (birthDate && row.birth_date === birthDate) reasons.push('birth_date');
    if (phone && row.phone_digits === phone) reasons.push('phone');
    if (email && row.email === email) reasons.push('email');
    if (postalCode && row.postal_code === postalCode) reasons.push('postal_code');
    if (reasons.length === 0 && !sameName) continue;
    reasons.unshift(sameName ? 'same_name' : 'similar_name');
    results.push({
      id: row.id,
      number: row.number,
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      email: row.email,
      phone: row.phone,
      postalCode: row.postal_code,
      reasons,
    });
  }
  return results.sort((a, b) => b.reasons.length - a.reasons.length || a.number - b.number).slice(0, 20);
}
