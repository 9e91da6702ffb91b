import type { Reader } from '../../db/sql.js';
import type { MemberTable } from '../../db/schema.js';
import { firstNamesAlike, namesAlike } from '../../../src-shared/duplicates.js';
import { fold, foldTokens, normalizeEmail, normalizePostalCode, phoneDigits } from '../../../src-shared/text.js';
import type { DuplicateReason } from '../../../src-shared/words.js';
import { memberIdentity, type DuplicateCandidate } from './views.js';

export interface PersonFacts {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
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
    results.push({ ...memberIdentity(row), reasons });
  }
  return results.sort((a, b) => b.reasons.length - a.reasons.length || a.number - b.number).slice(0, 20);
}
