import { describe, expect, it } from 'vitest';
import { ComptoirError } from '../../src-shared/errors.js';
import { createMember } from '../../src-main/core/members/members.js';
import type { MemberView } from '../../src-main/core/members/views.js';
import { currentCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { searchMembers } from '../../src-main/core/members/search.js';
import type { SearchPage } from '../../src-main/core/members/views.js';
import { newDesk, openDrawer, type TestDesk } from '../helpers.js';

type Person = { firstName: string; lastName: string } & Record<string, unknown>;

/** Creates members as the desk would, past the duplicate warning (some test people look alike on purpose). */
function add(t: TestDesk, ...people: Person[]): MemberView[] {
  return people.map((person) => {
    const result = createMember(t.desk, t.admin, { ...person, force: true });
    if (!result.created) throw new Error('expected a new member');
    return result.member;
  });
}

/** A membership bought on `date`, paid cash at the desk. */
function paidOn(t: TestDesk, member: MemberView, date: string): void {
  const now = t.clock.now();
  t.clock.set(`${date}T15:00:00Z`);
  if (!currentCashSession(t.desk)) openDrawer(t.desk, t.admin);
  checkout(t.desk, t.admin, { memberNumber: member.number, lines: [{ kind: 'membership', force: true }], payments: [{ method: 'cash', tenderedCents: 100_000 }] });
  t.clock.set(now);
}

const search = (t: TestDesk, query: string, more: Record<string, unknown> = {}): SearchPage => searchMembers(t.desk, { query, ...more });
const names = (page: SearchPage) => page.results.map((r) => `${r.lastName}, ${r.firstName}`);

describe('member search', () => {
  it('finds Léveillé when typing leveille, LÉVEILLÉ or Lév', () => {
    const t = newDesk();
    add(t, { firstName: 'Françoise', lastName: 'Léveillé' }, { firstName: 'Paul', lastName: 'Roy' });
    for (const query of ['leveille', 'LÉVEILLÉ', 'Lév', 'LEVEI']) expect(names(search(t, query)), query).toEqual(['Léveillé, Françoise']);
  });

  it('finds Saint-Onge with st-onge and Sainte-Marie with ste-marie, however they were written', () => {
    const t = newDesk();
    add(t, { firstName: 'Gilles', lastName: 'Saint-Onge' }, { firstName: 'Lise', lastName: 'St-Onge' }, { firstName: 'Réal', lastName: 'Sainte-Marie' });
    expect(names(search(t, 'st-onge'))).toEqual(['Saint-Onge, Gilles', 'St-Onge, Lise']);
    expect(names(search(t, 'saint onge l'))).toEqual(['St-Onge, Lise']);
    expect(names(search(t, 'ste-marie'))).toEqual(['Sainte-Marie, Réal']);
  });

  it('still finds Stéphane and McGill while "st", "ste" and "mc" are being typed', () => {
    const t = newDesk();
    add(t, { firstName: 'Gilles', lastName: 'St-Onge' }, { firstName: 'Stéphane', lastName: 'Roy' }, { firstName: 'Kevin', lastName: 'McGill' }, { firstName: 'John', lastName: 'Mac Donald' });
    expect(names(search(t, 'st'))).toEqual(['St-Onge, Gilles', 'Roy, Stéphane']);
    expect(names(search(t, 'ste'))).toEqual(['Roy, Stéphane']);
    expect(names(search(t, 'mc'))).toEqual(['Mac Donald, John', 'McGill, Kevin']);
  });

  it('ignores apostrophes and Vietnamese or Polish letters', () => {
    const t = newDesk();
    add(t, { firstName: 'Patrick', lastName: "O'Brien" }, { firstName: 'Thị Lan', lastName: 'Nguyễn' }, { firstName: 'Văn', lastName: 'Đặng' }, { firstName: 'Łucja', lastName: 'Kowalska' });
    expect(names(search(t, 'obrien'))).toEqual(["O'Brien, Patrick"]);
    expect(names(search(t, 'o’b'))).toEqual(["O'Brien, Patrick"]);
    expect(names(search(t, 'nguyen thi'))).toEqual(['Nguyễn, Thị Lan']);
    expect(names(search(t, 'dang'))).toEqual(['Đặng, Văn']);
    expect(names(search(t, 'lucja'))).toEqual(['Kowalska, Łucja']);
  });

  it('ranks last names first, then first names, then later parts of compound names, alphabetically within each', () => {
    const t = newDesk();
    add(
      t,
      { firstName: 'Anne', lastName: 'Léveillé-Martel' },
      { firstName: 'Martine', lastName: 'Roy' },
      { firstName: 'Zoé', lastName: 'Martin' },
      { firstName: 'Anne-Marie', lastName: 'Gagnon' },
      { firstName: 'Marc', lastName: 'Côté' },
      { firstName: 'Alice', lastName: 'Marchand' },
    );
    expect(names(search(t, 'mar'))).toEqual([
      'Marchand, Alice',
      'Martin, Zoé',
      'Côté, Marc',
      'Roy, Martine',
      'Gagnon, Anne-Marie',
      'Léveillé-Martel, Anne',
    ]);
  });

  it('finds Marie Tremblay by "tremblay m", "tremblay marie" and "marie tremblay"', () => {
    const t = newDesk();
    add(t, { firstName: 'Marie', lastName: 'Tremblay' }, { firstName: 'Jean', lastName: 'Tremblay' }, { firstName: 'Marie', lastName: 'Gagnon' });
    for (const query of ['tremblay m', 'Tremblay Marie', 'marie tremblay', 'Marie Tr']) {
      expect(names(search(t, query)), query).toEqual(['Tremblay, Marie']);
    }
  });

  it('finds a member from words in an unusual order', () => {
    const t = newDesk();
    add(t, { firstName: 'Marie-Claire', lastName: 'Tremblay' }, { firstName: 'Claire', lastName: 'Gagnon' }, { firstName: 'Marie', lastName: 'Léveillé-Côté' });
    for (const query of ['m tremblay', 'claire tremblay marie', 'tremblay claire', 'claire marie']) {
      expect(names(search(t, query)), query).toEqual(['Tremblay, Marie-Claire']);
    }
    expect(names(search(t, 'cote marie'))).toEqual(['Léveillé-Côté, Marie']);
    expect(names(search(t, 'marie leveille'))).toEqual(['Léveillé-Côté, Marie']);
  });

  it('puts the member with that full number first, then phones starting with those digits', () => {
    const t = newDesk();
    const [first, , third] = add(t, { firstName: 'Paul', lastName: 'Roy' }, { firstName: 'Luc', lastName: 'Roy', phone: '1000020000' }, { firstName: 'Guy', lastName: 'Roy' });
    expect(third!.number).toBe(100002);
    expect(names(search(t, '100002'))).toEqual(['Roy, Guy', 'Roy, Luc']);
    expect(names(search(t, String(first!.number)))).toEqual(['Roy, Paul']);
  });

  it('finds a phone number typed in any format, with or without the area code', () => {
    const t = newDesk();
    add(t, { firstName: 'Gérard', lastName: 'Gagnon', phone: '418 555-1234' }, { firstName: 'Lise', lastName: 'Roy', phone: '(581) 555-0199' });
    for (const query of ['418 555-1234', '(418)555.1234', '4185551234', '5551234', '555-1234', '1-418-555-1234', '1 418 555', '418 555-12']) {
      expect(names(search(t, query)), query).toEqual(['Gagnon, Gérard']);
    }
    expect(names(search(t, '581.555.0199'))).toEqual(['Roy, Lise']);
    expect(names(search(t, '555'))).toEqual(['Roy, Lise', 'Gagnon, Gérard']);
  });

  it('finds members by the start of their email address', () => {
    const t = newDesk();
    const [jean] = add(t, { firstName: 'Jean', lastName: 'Tremblay', email: 'famille.tremblay@videotron.ca' });
    add(t, { firstName: 'Marie', lastName: 'Gagnon', email: 'Famille.Tremblay@videotron.ca', householdOf: jean!.number }, { firstName: 'Luc', lastName: 'Roy', email: 'luc.roy@gmail.com' });
    expect(names(search(t, 'famille.trem'))).toEqual(['Tremblay, Jean', 'Gagnon, Marie']);
    expect(names(search(t, 'Famille.Tremblay@vid'))).toEqual(['Tremblay, Jean', 'Gagnon, Marie']);
    expect(names(search(t, 'luc.roy@gmail.com'))).toEqual(['Roy, Luc']);
    expect(names(search(t, 'roy@'))).toEqual([]);
  });

  it('pages through results with limit and offset, without repeating anyone', () => {
    const t = newDesk();
    const firsts = 'Agathe Bruno Céline Denis Émile Fernand Gisèle Hélène Irène Jacques Karine Lise Marc Nicole Odette Paul Réal Serge Thérèse Ulric Valérie Wilfrid Yvon Zoé Zacharie'.split(' ');
    add(t, ...firsts.map((firstName) => ({ firstName, lastName: 'Tremblay' })), { firstName: 'Jean', lastName: 'Gagnon' });
    const pages = [0, 10, 20].map((offset) => search(t, 'tremblay', { limit: 10, offset }));
    expect(pages.map((p) => p.results.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    const all = pages.flatMap((p) => p.results.map((r) => r.firstName));
    expect(new Set(all).size).toBe(25);
    expect(all).toEqual([...firsts].sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('counts a member matching by last and by first name once, so pages stay full', () => {
    const t = newDesk();
    add(
      t,
      { firstName: 'Marc', lastName: 'Martin' },
      { firstName: 'Marie', lastName: 'Martin' },
      { firstName: 'Jean', lastName: 'Mallet' },
      { firstName: 'Mathieu', lastName: 'Roy' },
      { firstName: 'Maude', lastName: 'Roy' },
      { firstName: 'Maxime', lastName: 'Roy' },
    );
    const first = search(t, 'ma', { limit: 4 });
    expect(names(first)).toEqual(['Mallet, Jean', 'Martin, Marc', 'Martin, Marie', 'Roy, Mathieu']);
    expect(first.hasMore).toBe(true);
    const second = search(t, 'ma', { limit: 4, offset: 4 });
    expect(names(second)).toEqual(['Roy, Maude', 'Roy, Maxime']);
    expect(second.hasMore).toBe(false);
  });

  it('shows each result’s household and membership status', () => {
    const t = newDesk({ at: '2026-11-27T15:00:00Z' });
    const [jean, marie, luc, lise] = add(
      t,
      { firstName: 'Jean', lastName: 'Tremblay' },
      { firstName: 'Marie', lastName: 'Tremblay' },
      { firstName: 'Luc', lastName: 'Tremblay' },
      { firstName: 'Lise', lastName: 'Tremblay' },
    );
    add(t, { firstName: 'Paul', lastName: 'Tremblay', householdOf: jean!.number });
    paidOn(t, jean!, '2026-07-30'); // ends 2027-07-30
    paidOn(t, marie!, '2025-11-15'); // ended 2026-11-15: in grace
    paidOn(t, luc!, '2025-01-01'); // ended 2026-01-01
    const byName = new Map(search(t, 'tremblay').results.map((r) => [r.firstName, r]));
    expect(byName.get('Jean')).toMatchObject({ household: 'Famille Tremblay', expiresOn: '2027-07-30', statusLabel: 'Actif — expire dans 245 jours' });
    expect(byName.get('Paul')).toMatchObject({ household: 'Famille Tremblay', statusLabel: 'Jamais membre' });
    expect(byName.get('Marie')).toMatchObject({ household: null, statusLabel: 'Période de grâce — expiré depuis 12 jours' });
    expect(byName.get('Luc')?.statusLabel).toBe('Expiré depuis 330 jours');
    expect(byName.get('Lise')?.status).toEqual({ kind: 'never' });
    t.desk.language = 'en';
    expect(search(t, 'tremblay j').results[0]?.statusLabel).toBe('Active — expires in 245 days');
    expect(lise!.number).toBeGreaterThan(0);
  });

  it('returns nothing for an empty query', () => {
    const t = newDesk();
    add(t, { firstName: 'Paul', lastName: 'Roy' });
    for (const query of ['', '   ', '-', '()']) {
      expect(search(t, query), JSON.stringify(query)).toEqual({ query, results: [], offset: 0, hasMore: false });
    }
  });

  it('refuses a bad limit or a too-long query with a French message', () => {
    const t = newDesk();
    const failure = (input: unknown): ComptoirError => {
      try {
        searchMembers(t.desk, input);
      } catch (error) {
        if (error instanceof ComptoirError) return error;
        throw error;
      }
      throw new Error('expected INVALID_INPUT');
    };
    const zero = failure({ query: 'roy', limit: 0 });
    expect(zero.code).toBe('INVALID_INPUT');
    expect(zero.message).toContain('« Nombre de résultats » doit être au moins 1');
    const long = failure({ query: 'x'.repeat(101) });
    expect(long.code).toBe('INVALID_INPUT');
    expect(long.message).toContain('« Recherche » est trop long (100 caractères au plus)');
    expect(failure({ query: 'roy', offset: -1 }).code).toBe('INVALID_INPUT');
    expect(failure({ query: 42 }).code).toBe('INVALID_INPUT');
  });
});
