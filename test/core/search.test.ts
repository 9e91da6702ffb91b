import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ComptoirError } from '../../src-shared/errors.js';
import { searchFold } from '../../src-shared/text.js';
import { parseInput } from '../../src-shared/validation.js';
import { createMember, createMemberSchema, newMemberOperation } from '../../src-main/core/members/members.js';
import type { MemberView } from '../../src-main/core/members/views.js';
import { currentCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { commitBatch } from '../../src-main/core/ledger/write.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { searchMembers } from '../../src-main/core/members/search.js';
import type { SearchPage } from '../../src-main/core/members/views.js';
import { count, newDesk, openDrawer, type TestDesk } from '../helpers.js';

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

/** Many members in one commit, each its own operation, as the demo and an import load them. */
function addMany(t: TestDesk, people: Person[]): void {
  commitBatch(t.desk, t.admin, (write) => {
    for (const person of people) {
      const input = parseInput(createMemberSchema, person);
      write((ctx) => ctx.record(newMemberOperation(ctx, input)));
    }
  });
}

/** `n` people named alike: "Aline Tremblay" ×3 → three Aline Tremblay. */
const times = (n: number, person: Person): Person[] => Array.from({ length: n }, () => person);

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
    // Member numbers from 418556 on, so that a phone can start with one (no area code starts with 1).
    const t = newDesk({ numbers: { first: 418556, last: 418999 } });
    const [first, , third] = add(t, { firstName: 'Paul', lastName: 'Roy' }, { firstName: 'Luc', lastName: 'Roy', phone: '418 558-1234' }, { firstName: 'Guy', lastName: 'Roy' });
    expect(third!.number).toBe(418558);
    expect(names(search(t, '418558'))).toEqual(['Roy, Guy', 'Roy, Luc']);
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
      expect(search(t, query), JSON.stringify(query)).toEqual({ query, results: [], offset: 0, hasMore: false, approximate: false, receiptNumber: null });
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

describe('member search, as the club really types (issue 8)', () => {
  it('folds names in every script: letters kept, lower case, accents off, apostrophes and hyphens between words', () => {
    expect(searchFold('Тарас Шевченко')).toBe('тарас шевченко');
    expect(searchFold('Γιώργος ΠΑΠΑΔΌΠΟΥΛΟΣ')).toBe('γιωργοσ παπαδοπουλοσ');
    expect(searchFold('Łucja O’Brien-Đặng')).toBe('lucja o brien dang');
    expect(searchFold('王小明 Ｍüller')).toBe('王小明 muller');
    expect(searchFold('McGill St-Onge')).toBe('mac gill saint onge');
  });

  it("finds O'Brien by o brien, obrien, o'brien, O’Brien and brien, and O’Neill written with a curly apostrophe", () => {
    const t = newDesk();
    add(t, { firstName: 'Patrick', lastName: "O'Brien" }, { firstName: 'Mary', lastName: 'O’Neill' }, { firstName: 'Luc', lastName: 'Obry' }, { firstName: 'Anne', lastName: 'Brienne' });
    for (const query of ['o brien', 'obrien', "o'brien", 'O’Brien', 'O‘BRIEN', 'brien p', 'patrick o brien', 'pat obr']) {
      expect(names(search(t, query)), query).toEqual(["O'Brien, Patrick"]);
    }
    expect(names(search(t, 'brien'))).toEqual(['Brienne, Anne', "O'Brien, Patrick"]);
    for (const query of ["o'neill", 'oneill', 'o neill', 'neill', 'O’N']) expect(names(search(t, query)), query).toEqual(['O’Neill, Mary']);
  });

  it("finds L'Heureux by heureux, l heureux and lheureux, and D'Amours by amours", () => {
    const t = newDesk();
    add(t, { firstName: 'Marc', lastName: "L'Heureux" }, { firstName: 'Lise', lastName: 'D’Amours' }, { firstName: 'Paul', lastName: 'Lheureux' }, { firstName: 'Jean', lastName: 'Amour' });
    for (const query of ['heureux', 'l heureux', "l'heureux", 'L’Heureux', 'heureux marc', 'marc l heu']) {
      expect(names(search(t, query)), query).toContain("L'Heureux, Marc");
    }
    // Written glued or apart, it is the same name.
    expect(names(search(t, 'lheureux'))).toEqual(["L'Heureux, Marc", 'Lheureux, Paul']);
    expect(names(search(t, 'l heureux'))).toEqual(["L'Heureux, Marc", 'Lheureux, Paul']);
    for (const query of ['amours', 'd amours', 'damours', "d'am", 'lise amo']) expect(names(search(t, query)), query).toEqual(['D’Amours, Lise']);
    expect(names(search(t, 'amour'))).toEqual(['Amour, Jean', 'D’Amours, Lise']);
  });

  it('finds McDonald, MacDonald and Mac Donald by mc, mac, mc donald, mac donald and donald, but not Macron by ron', () => {
    const t = newDesk();
    add(
      t,
      { firstName: 'Kevin', lastName: 'McDonald' },
      { firstName: 'Mary', lastName: 'MacDonald' },
      { firstName: 'John', lastName: 'Mac Donald' },
      { firstName: 'Paul', lastName: 'Macron' },
      { firstName: 'Rose', lastName: 'Donaldson' },
    );
    const donalds = ['Mac Donald, John', 'McDonald, Kevin', 'MacDonald, Mary'];
    for (const query of ['mc donald', 'mcdonald', 'McDonald', 'macdonald', 'mac donald', 'MAC DONALD', 'mac-donald']) {
      expect(names(search(t, query)), query).toEqual(donalds);
    }
    expect(names(search(t, 'donald'))).toEqual(['Donaldson, Rose', ...donalds]);
    // "Mc" is how "Mac" is written short: both start Macron too.
    expect(names(search(t, 'mac'))).toEqual([...donalds, 'Macron, Paul']);
    expect(names(search(t, 'mc'))).toEqual([...donalds, 'Macron, Paul']);
    expect(names(search(t, 'ron'))).toEqual([]);
  });

  it('finds St-Pierre by st-pierre, saint pierre and st pierre; "st"/"ste" also start a first name, before or after another word', () => {
    const t = newDesk();
    add(
      t,
      { firstName: 'Jean', lastName: 'St-Pierre' },
      { firstName: 'Marie', lastName: 'Saint-Pierre' },
      { firstName: 'Lise', lastName: 'Ste-Marie' },
      { firstName: 'Stéphane', lastName: 'Demers' },
      { firstName: 'Stéphane', lastName: 'Marchand' },
      { firstName: 'Denise', lastName: 'Pierre' },
    );
    for (const query of ['st-pierre', 'saint pierre', 'st pierre', 'Saint-Pierre', 'ST PIERRE']) {
      expect(names(search(t, query)), query).toEqual(['St-Pierre, Jean', 'Saint-Pierre, Marie']);
    }
    expect(names(search(t, 'st pierre j'))).toEqual(['St-Pierre, Jean']);
    // "ste" read as « Sainte » finds nobody here: it is the start of Stéphane.
    for (const query of ['ste dem', 'dem ste', 'stéphane dem', 'ste demers']) expect(names(search(t, query)), query).toEqual(['Demers, Stéphane']);
    expect(names(search(t, 'ste mar'))).toEqual(['Ste-Marie, Lise', 'Marchand, Stéphane']);
    expect(names(search(t, 'sainte marie'))).toEqual(['Ste-Marie, Lise']);
  });

  it('finds hyphenated double last names by either part, in either order, hyphen or not', () => {
    const t = newDesk();
    add(t, { firstName: 'Marie', lastName: 'Gagnon-Tremblay' }, { firstName: 'Marie', lastName: 'Tremblay' }, { firstName: 'Luc', lastName: 'Gagnon' });
    for (const query of ['gagnon-tremblay', 'gagnon tremblay', 'tremblay gagnon', 'tremblay-gagnon', 'gag trem mar', 'marie gagnon']) {
      expect(names(search(t, query)), query).toEqual(['Gagnon-Tremblay, Marie']);
    }
    expect(names(search(t, 'tremblay'))).toEqual(['Tremblay, Marie', 'Gagnon-Tremblay, Marie']);
    expect(names(search(t, 'tremblay marie'))).toEqual(['Tremblay, Marie', 'Gagnon-Tremblay, Marie']);
  });

  it('finds Тарас Шевченко and Γιώργος Παπαδόπουλος in their own script, whatever the case and the accents', () => {
    const t = newDesk();
    add(
      t,
      { firstName: 'Тарас', lastName: 'Шевченко' },
      { firstName: 'Γιώργος', lastName: 'Παπαδόπουλος' },
      { firstName: 'Ольга', lastName: 'Шевчук' },
      { firstName: 'Taras', lastName: 'Chevtchenko' },
    );
    for (const query of ['шевченко', 'Шевченк', 'ШЕВЧЕНКО', 'тарас шевч', 'шевченко т', 'тар шев']) {
      expect(names(search(t, query)), query).toEqual(['Шевченко, Тарас']);
    }
    for (const query of ['Шевч', 'шев']) expect(names(search(t, query)), query).toEqual(['Шевченко, Тарас', 'Шевчук, Ольга']);
    for (const query of ['παπαδ', 'ΠΑΠΑΔΌΠΟΥΛΟΣ', 'παπαδοπουλος', 'γιωργος', 'Γιώργος Π', 'παπ γιω']) {
      expect(names(search(t, query)), query).toEqual(['Παπαδόπουλος, Γιώργος']);
    }
    expect(names(search(t, 'taras'))).toEqual(['Chevtchenko, Taras']);
  });

  it('finds a name of three or four words from any of its words, in any order', () => {
    const t = newDesk();
    add(t, { firstName: 'Thị Lan', lastName: 'Nguyễn' }, { firstName: 'Jean-Guy', lastName: 'Lévesque-Simard' }, { firstName: 'Lan', lastName: 'Tran' }, { firstName: 'Guy', lastName: 'Simard' });
    for (const query of ['nguyen thi lan', 'lan nguyen', 'thi lan', 'lan thi nguy', 'ng la']) expect(names(search(t, query)), query).toEqual(['Nguyễn, Thị Lan']);
    for (const query of ['simard guy jean', 'guy lev', 'lev sim jea gu', 'jean simard', 'levesque guy']) {
      expect(names(search(t, query)), query).toEqual(['Lévesque-Simard, Jean-Guy']);
    }
    expect(names(search(t, 'guy sim'))).toEqual(['Simard, Guy', 'Lévesque-Simard, Jean-Guy']);
  });

  it('ranks words in any order: first and last names first, then other pairs of words; alphabetically within each', () => {
    const t = newDesk();
    add(
      t,
      { firstName: 'Solange', lastName: 'Trudel' },
      { firstName: 'Sonia', lastName: 'Trudel' },
      { firstName: 'Solange', lastName: 'Tremblay-Gagnon' },
      { firstName: 'Solange', lastName: 'Gagnon-Tremblay' },
      { firstName: 'Sophie', lastName: 'Trottier' },
      { firstName: 'Solange', lastName: 'Tremblay' },
      { firstName: 'Sylvie', lastName: 'Tremblay' },
    );
    // The longer word (on a tie, the later one) is read first: "tr" starts three last names, each
    // one's members in order, then Tremblay-Gagnon (its first name after its first last word),
    // then Gagnon-Tremblay ("tr" starts a later word of the last name).
    expect(names(search(t, 'so tr'))).toEqual([
      'Tremblay, Solange',
      'Trottier, Sophie',
      'Trudel, Solange',
      'Trudel, Sonia',
      'Tremblay-Gagnon, Solange',
      'Gagnon-Tremblay, Solange',
    ]);
    // Read the other way round, "so" starts the first names: the same members, in their order.
    expect(names(search(t, 'tr so'))).toEqual([
      'Tremblay, Solange',
      'Tremblay-Gagnon, Solange',
      'Trudel, Solange',
      'Trudel, Sonia',
      'Trottier, Sophie',
      'Gagnon-Tremblay, Solange',
    ]);
  });

  it('pages of any size through words typed in any order list every match once, in the same order', () => {
    const t = newDesk();
    add(
      t,
      ...['Marc', 'Marcel', 'Marie', 'Marie-Marthe'].map((firstName) => ({ firstName, lastName: 'Martel' })),
      { firstName: 'Marc', lastName: 'Marchand' },
      { firstName: 'Marie', lastName: 'Marchand' },
      { firstName: 'Marie-Marthe', lastName: 'Roy' },
      { firstName: 'Martine', lastName: 'Marois' },
      { firstName: 'Martine', lastName: 'Mathieu' },
      { firstName: 'Marc', lastName: 'Gagnon' },
    );
    const all = names(search(t, 'mar ma', { limit: 100 }));
    // Everyone with a word starting with "mar" and another with "ma" (Marc Gagnon has one), each once.
    expect([...all].sort()).toEqual([
      'Marchand, Marc', 'Marchand, Marie', 'Marois, Martine', 'Martel, Marc', 'Martel, Marcel', 'Martel, Marie', 'Martel, Marie-Marthe', 'Mathieu, Martine', 'Roy, Marie-Marthe',
    ]);
    // Small pages make the first names' keys come back full of members the last names' keys
    // already gave: Mathieu, Martine, found only by her first name, must still come after them.
    for (const limit of [1, 2, 3]) {
      const paged: string[] = [];
      for (let offset = 0, more = true; more; offset += limit) {
        const page = search(t, 'mar ma', { limit, offset });
        paged.push(...names(page));
        more = page.hasMore;
      }
      expect(paged, `pages of ${limit}`).toEqual(all);
    }
  });

  it('finds every Solange Tremblay by "sol trem" and "trem sol", and Rosaire Boucher, among more than 2,000 Tremblay and Bouchard', () => {
    const t = newDesk();
    const earlier = ['Aline', 'Denise', 'Gisèle', 'Jeanne', 'Marie', 'Nicole', 'Pierre', 'Réal', 'Roger'];
    addMany(t, [
      ...earlier.flatMap((firstName) => times(230, { firstName, lastName: 'Tremblay' })),
      ...earlier.flatMap((firstName) => times(230, { firstName, lastName: 'Bouchard' })),
      ...times(23, { firstName: 'Solange', lastName: 'Tremblay' }),
      ...times(250, { firstName: 'Solange', lastName: 'Gagnon' }),
      { firstName: 'Rosaire', lastName: 'Boucher' },
    ]);
    // What made the old any-order search give up: more than 2,000 keys start with "trem".
    expect(count(t.desk, 'member_search_key', "key >= 'trem' AND key < 'tren'")).toBeGreaterThan(2000);
    for (const query of ['sol trem', 'trem sol', 'Solange Trem', 'tremblay sol']) {
      const first = search(t, query);
      const second = search(t, query, { offset: 20 });
      expect([first.hasMore, second.hasMore], query).toEqual([true, false]);
      expect([...names(first), ...names(second)], query).toEqual(Array(23).fill('Tremblay, Solange'));
      expect(new Set([...first.results, ...second.results].map((r) => r.id)).size).toBe(23);
    }
    for (const query of ['ros bouc', 'bouc ros', 'rosaire b']) expect(names(search(t, query)), query).toEqual(['Boucher, Rosaire']);
  }, 30_000);

  it('gives a desk file whose keys an earlier Comptoir wrote today’s keys when it opens, so replay still matches', () => {
    const t = newDesk();
    add(t, { firstName: 'Тарас', lastName: 'Шевченко' }, { firstName: 'Patrick', lastName: "O'Brien" }, { firstName: 'Solange', lastName: 'Gagnon-Tremblay' });
    t.desk.close();
    // The keys and sort names as Comptoir wrote them before migration 5: Latin letters only, no word pairs.
    const sqlite = new BetterSqlite3(t.file);
    sqlite.exec(`DELETE FROM member_search_key;
      UPDATE member SET sort_name = '' WHERE last_name = 'Шевченко';
      INSERT INTO member_search_key (kind, key, member_id) SELECT 0, 'obrien patrick', id FROM member WHERE last_name = 'O''Brien';
      INSERT INTO member_search_key (kind, key, member_id) SELECT 0, 'gagnon tremblay solange', id FROM member WHERE last_name = 'Gagnon-Tremblay';
      ALTER TABLE order_line DROP COLUMN list_price_cents;
      ALTER TABLE order_line DROP COLUMN price_reason;
      DROP TABLE email_delivery;
      DROP TABLE pulled_entry;
      DROP TABLE treasurer_flag;
      ALTER TABLE sync_state DROP COLUMN pull_cursor;
      ALTER TABLE sync_state DROP COLUMN server_head;
      ALTER TABLE sync_state DROP COLUMN last_push_at;
      ALTER TABLE sync_state DROP COLUMN last_pull_at;
      ALTER TABLE sync_state DROP COLUMN server_address;
      ALTER TABLE sync_state DROP COLUMN desk_credential;
      ALTER TABLE sync_state DROP COLUMN push_refusal;
      ALTER TABLE sync_state DROP COLUMN latest_seen_at;
      ALTER TABLE sync_state DROP COLUMN clock_offset_ms;
      ALTER TABLE member DROP COLUMN field_stamps;
      DELETE FROM schema_migration WHERE version >= 5;
      PRAGMA user_version = 4;`);
    sqlite.close();
    const desk = openDesk(t.file, { clock: t.clock });
    try {
      expect(searchMembers(desk, { query: 'шевч' }).results.map((r) => r.lastName)).toEqual(['Шевченко']);
      expect(searchMembers(desk, { query: 'o brien' }).results.map((r) => r.lastName)).toEqual(["O'Brien"]);
      expect(searchMembers(desk, { query: 'sol trem' }).results.map((r) => r.lastName)).toEqual(['Gagnon-Tremblay']);
      expect(desk.reader.rawGet<{ sort_name: string }>("SELECT sort_name FROM member WHERE last_name = 'Шевченко'")!.sort_name).toBe('шевченко тарас');
      expect(verifyDatabase(desk.reader)).toEqual([]);
    } finally {
      desk.close();
    }
  });
});
