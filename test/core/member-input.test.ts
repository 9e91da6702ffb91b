import { describe, expect, it } from 'vitest';
import { ComptoirError } from '../../src-shared/errors.js';
import { parseTypedDate } from '../../src-shared/validation.js';
import { canPrint } from '../../src-main/documents/glyphs.js';
import { checkDuplicates, createMember, getMember, newMemberOperation, updateMember } from '../../src-main/core/members/members.js';
import { searchMembers } from '../../src-main/core/members/search.js';
import { commitWrite } from '../../src-main/core/ledger/write.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { newDesk, type TestDesk } from '../helpers.js';

function add(t: TestDesk, person: Record<string, unknown>) {
  const result = createMember(t.desk, t.admin, { force: true, ...person });
  if (!result.created) throw new Error('expected a new member');
  return result.member;
}

/** The refusal of bad input, in French and English. */
function refusal(work: () => unknown): { fr: string; en: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof ComptoirError && error.code === 'INVALID_INPUT') return { fr: error.message, en: error.messageIn('en') };
    throw error;
  }
  throw new Error('expected INVALID_INPUT');
}

const stored = (t: TestDesk, number: number, column: string) =>
  t.desk.reader.rawGet<Record<string, string | null>>(`SELECT ${column} AS v FROM member WHERE number = ?`, number)!.v;

describe('phones at the desk', () => {
  it('takes an extension, stores one form and shows it the Québec way', () => {
    const t = newDesk();
    const m = add(t, { firstName: 'Paul', lastName: 'Roy', phone: '418 555-0123 poste 22' });
    expect(m.phone).toBe('418 555-0123, poste 22');
    expect(stored(t, m.number, 'phone')).toBe('+14185550123;ext=22');
    expect(stored(t, m.number, 'phone_digits')).toBe('4185550123');
    expect(searchMembers(t.desk, { query: '418 555-0123' }).results.map((r) => r.number)).toEqual([m.number]);
  });

  it('refuses 11 digits saying what is wrong, and creates nothing', () => {
    const t = newDesk();
    const { fr, en } = refusal(() => createMember(t.desk, t.admin, { firstName: 'Paul', lastName: 'Roy', phone: '418-555-01234' }));
    expect(fr).toContain("« Téléphone » a 11 chiffres : un numéro d'ici en a 10");
    expect(fr).not.toContain('7 à 11');
    expect(en).toContain('"Phone" has 11 digits');
    expect(t.desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM member')!.n).toBe(0);
  });

  it('keeps phones stored the old way: shown, found, compared, and the log still replays to the same tables', () => {
    const t = newDesk();
    // As Comptoir 0.1 and every desk before this rule stored them: as typed.
    const person = { birthDate: null, email: null, address: null, city: null, postalCode: null, language: 'fr' as const, notes: null, householdOf: null };
    const oldMember = (firstName: string, lastName: string, phone: string) =>
      commitWrite(t.desk, t.admin, (ctx) => {
        const op = newMemberOperation(ctx, { ...person, firstName, lastName, phone });
        ctx.record(op);
        return op.member.number;
      });
    const gerard = oldMember('Gérard', 'Gagnon', '(418) 555.1234');
    const lise = oldMember('Lise', 'Roy', '555-9876');
    expect(getMember(t.desk, gerard).phone).toBe('418 555-1234');
    expect(getMember(t.desk, lise).phone).toBe('555-9876');
    for (const query of ['4185551234', '418 555-1234', '555-1234', '1-418-555-1234']) {
      expect(searchMembers(t.desk, { query }).results.map((r) => r.number), query).toEqual([gerard]);
    }
    const found = checkDuplicates(t.desk, { firstName: 'Gerard', lastName: 'Gagnom', phone: '418 555-1234 poste 3' });
    expect(found.map((c) => [c.number, c.level, c.reasons])).toEqual([[gerard, 'probable', ['similar_name', 'phone']]]);
    // The same number typed again is not a change; another one is stored the new way.
    const audits = () => t.desk.reader.rawGet<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'member.update'")!.n;
    updateMember(t.desk, t.admin, gerard, { phone: '418 555-1234' });
    expect(audits()).toBe(0);
    updateMember(t.desk, t.admin, lise, { phone: '581 555-9876' });
    expect(stored(t, lise, 'phone')).toBe('+15815559876');
    expect(verifyDatabase(t.desk.reader)).toEqual([]);
  });
});

describe('birth dates as volunteers type them', () => {
  it('reads the formats of a Québec desk, day first, and stores ISO', () => {
    const t = newDesk();
    const typed = ['1948-05-17', '17/05/1948', '17-05-1948', '17.05.1948', '17 mai 1948', '17 May 1948', '1948/05/17', '17/5/48', '17051948', 'le 17 mai 1948', 'May 17, 1948', '17 MAI 1948'];
    for (const [i, birthDate] of typed.entries()) {
      const m = add(t, { firstName: `Personne${i}`, lastName: `Essai${i}`, birthDate });
      expect(m.birthDate, birthDate).toBe('1948-05-17');
    }
    // Québec's order is day, month, year: 05/06/1948 is June 5.
    expect(parseTypedDate('05/06/1948')).toEqual({ ok: true, date: '1948-06-05' });
    expect(parseTypedDate('1er févr. 1952')).toEqual({ ok: true, date: '1952-02-01' });
    expect(parseTypedDate('29 février 1948')).toEqual({ ok: true, date: '1948-02-29' });
  });

  it('refuses a date in the future by the desk clock, and one before 1900', () => {
    const t = newDesk({ at: '2026-11-27T15:00:00Z' });
    const future = refusal(() => createMember(t.desk, t.admin, { firstName: 'Paul', lastName: 'Roy', birthDate: '2030-01-01' }));
    expect(future.fr).toBe("Données invalides : « Date de naissance » est dans le futur (le 1 janvier 2030, après aujourd'hui) : vérifiez l'année");
    expect(future.en).toContain('"Birth date" is in the future');
    expect(refusal(() => createMember(t.desk, t.admin, { firstName: 'Paul', lastName: 'Roy', birthDate: '28/11/2026' })).fr).toContain('est dans le futur');
    expect(add(t, { firstName: 'Paul', lastName: 'Roy', birthDate: '27/11/2026' }).birthDate).toBe('2026-11-27');
    expect(refusal(() => createMember(t.desk, t.admin, { firstName: 'Paul', lastName: 'Roy', birthDate: '1899-12-31' })).fr).toContain("« Date de naissance » est en 1899, avant 1900 : vérifiez l'année");
    const m = add(t, { firstName: 'Luc', lastName: 'Roy' });
    expect(refusal(() => updateMember(t.desk, t.admin, m.number, { birthDate: '2030-01-01' })).fr).toContain('est dans le futur');
    expect(refusal(() => checkDuplicates(t.desk, { firstName: 'Luc', lastName: 'Roy', birthDate: '2030-01-01' })).fr).toContain('est dans le futur');
    // "Today" is the desk's clock, not the computer's: on the desk's 2031, 2030 is past.
    t.clock.set('2031-03-01T15:00:00Z');
    expect(add(t, { firstName: 'Bébé', lastName: 'Roy', birthDate: '2030-01-01' }).birthDate).toBe('2030-01-01');
  });

  it('says once, plainly, what is wrong with a date it cannot read', () => {
    const t = newDesk();
    const cases: [string, string][] = [
      ['05/17/1948', "« Date de naissance » a un mois 17, qui n'existe pas : tapez le jour en premier, JJ/MM/AAAA"],
      ['31/04/1948', "« Date de naissance » n'existe pas : il n'y a pas de 31 avril (avril a 30 jours)"],
      ['29/02/1949', "« Date de naissance » n'existe pas : il n'y a pas de 29 février en 1949 (pas une année bissextile)"],
      ['17/05/05', "« Date de naissance » a une année à 2 chiffres (« 05 ») qui peut être 1905 ou 2005"],
      ['17 mia 1948', "« Date de naissance » a « mia », qui n'est pas un mois reconnu"],
      ['hier', "« Date de naissance » n'est pas une date reconnue (« hier ») : tapez le jour, le mois puis l'année"],
    ];
    for (const [birthDate, expected] of cases) {
      const { fr } = refusal(() => createMember(t.desk, t.admin, { firstName: 'Paul', lastName: 'Roy', birthDate }));
      expect(fr, birthDate).toContain(expected);
      expect(fr.split('« Date de naissance »').length - 1, `${birthDate} said once`).toBe(1);
    }
  });
});

describe('characters the documents can print', () => {
  it('knows the coverage of the embedded font: Latin with Vietnamese, Greek and Cyrillic; not emoji nor CJK', () => {
    for (const text of ['Léveillé-Côté', 'Văn Minh Nguyễn', 'Łódź', 'Тарас Шевченко', 'Γιώργος Παπαδόπουλος', 'O’Brien']) {
      expect([...text].every((c) => canPrint(c.codePointAt(0)!)), text).toBe(true);
    }
    for (const text of ['😀', '李', 'محمد', 'שרה', '\ufe0f']) expect(canPrint(text.codePointAt(0)!), text).toBe(false);
  });

  it('refuses a name the member card would print as an empty box, naming the character', () => {
    const t = newDesk();
    const { fr, en } = refusal(() => createMember(t.desk, t.admin, { firstName: 'Marie 😀', lastName: 'Roy' }));
    expect(fr).toBe('Données invalides : « Prénom » contient « 😀 », un caractère qui ne peut pas être imprimé sur la carte de membre ni sur les reçus : retirez-le ou remplacez-le');
    expect(en).toContain('"First name" contains "😀", a character that cannot be printed on the member card or on receipts');
    const two = refusal(() => createMember(t.desk, t.admin, { firstName: 'Marie', lastName: 'Roy ❤️👍🏽', address: '12, rue 🌲', city: 'Québec' })).fr;
    expect(two).toContain('« Nom » contient « ❤️ », « 👍🏽 », des caractères qui ne peuvent pas être imprimés');
    expect(two).toContain('« Adresse » contient « 🌲 », un caractère qui ne peut pas être imprimé sur les documents du club');
    const m = add(t, { firstName: 'Marie', lastName: 'Roy' });
    expect(refusal(() => updateMember(t.desk, t.admin, m.number, { lastName: 'Roy 🎉' })).fr).toContain('« Nom » contient « 🎉 »');
    expect(t.desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM member')!.n).toBe(1);
  });

  it('takes the names the club really has, in the scripts the font covers, and leaves notes free', () => {
    const t = newDesk();
    for (const [firstName, lastName] of [['Тарас', 'Шевченко'], ['Γιώργος', 'Παπαδόπουλος'], ['Văn Minh', 'Nguyễn'], ['Siobhán', "Ó Súilleabháin"], ['Zoë', 'Brontë']]) {
      expect(add(t, { firstName, lastName }).lastName).toBe(lastName);
    }
    expect(add(t, { firstName: 'Luc', lastName: 'Roy', notes: 'Aime le bingo 🎲' }).notes).toBe('Aime le bingo 🎲');
  });

  it('files names of every script by their own letters, so the same one typed twice is caught', () => {
    const t = newDesk();
    const taras = add(t, { firstName: 'Тарас', lastName: 'Шевченко' });
    add(t, { firstName: 'Γιώργος', lastName: 'Παπαδόπουλος' });
    expect(stored(t, taras.number, 'sort_name')).toBe('шевченко тарас');
    expect(checkDuplicates(t.desk, { firstName: 'Тарас', lastName: 'Шевченко' }).map((c) => c.number)).toEqual([taras.number]);
    expect(checkDuplicates(t.desk, { firstName: 'Ольга', lastName: 'Шевчук' })).toEqual([]);
  });

  it('strips control and bidi characters before anything is checked', () => {
    const t = newDesk();
    // A NUL alone is nothing: the name is missing, not unprintable.
    expect(refusal(() => createMember(t.desk, t.admin, { firstName: 'Paul', lastName: '\u0000' })).fr).toBe('Données invalides : « Nom » est obligatoire');
    // Invisible characters a copy from a web page carries: a name of nothing but these is missing too.
    expect(refusal(() => createMember(t.desk, t.admin, { firstName: 'Paul', lastName: '\u200b\u2060\ufeff\u00ad' })).fr).toBe('Données invalides : « Nom » est obligatoire');
    expect(add(t, { firstName: 'Ro\u00adse\u200b', lastName: 'Roy' }).firstName).toBe('Rose');
    // A right-to-left override would make a receipt show another name: it never gets in.
    const m = add(t, { firstName: 'Paul', lastName: 'Roy\u202e\u0000', city: '\u202eLévis' });
    expect(m.lastName).toBe('Roy');
    expect(stored(t, m.number, 'city')).toBe('Lévis');
  });
});
