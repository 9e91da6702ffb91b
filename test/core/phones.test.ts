import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone, samePhone } from '../../src-shared/phones.js';
import { phoneDigits } from '../../src-shared/text.js';

function stored(typed: string): string {
  const parsed = parsePhone(typed);
  if (!parsed.ok) throw new Error(`${typed}: ${parsed.problem.fr}`);
  return parsed.phone;
}

function problem(typed: string): { fr: string; en: string } {
  const parsed = parsePhone(typed);
  if (parsed.ok) throw new Error(`${typed} was accepted as ${parsed.phone}`);
  return parsed.problem;
}

describe('phones as the club types them', () => {
  it('stores every way of typing one number in one form, E.164', () => {
    for (const typed of ['418 555-0123', '418-555-0123', '(418) 555-0123', '418.555.0123', '4185550123', '1-418-555-0123', '1 418 555 0123', '+1 418 555 0123', '418/555-0123', ' 418\u00a0555-0123 ']) {
      expect(stored(typed), typed).toBe('+14185550123');
    }
  });

  it('takes an extension after poste, p., ext, x or #, and keeps it', () => {
    for (const typed of ['418 555-0123 poste 22', '418 555-0123, poste 22', '418-555-0123 p. 22', '418 555-0123 p22', '418-555-0123 ext. 22', '418-555-0123 Ext 22', '(418) 555-0123 x22', '418 555 0123 #22', '+14185550123;ext=22', '418 555-0123 POSTE 22']) {
      expect(stored(typed), typed).toBe('+14185550123;ext=22');
    }
  });

  it('reads its own stored and shown forms back to the same number', () => {
    for (const typed of ['418 555-0123 poste 22', '581 555-9999', '+33 1 23 45 67 89 poste 4']) {
      const phone = stored(typed);
      expect(stored(phone)).toBe(phone);
      expect(stored(formatPhone(phone, 'fr'))).toBe(phone);
      expect(stored(formatPhone(phone, 'en'))).toBe(phone);
    }
  });

  it('shows a number as Québec writes it, in French and in English', () => {
    expect(formatPhone('+14185550123;ext=22', 'fr')).toBe('418 555-0123, poste 22');
    expect(formatPhone('+14185550123;ext=22', 'en')).toBe('418-555-0123, ext. 22');
    expect(formatPhone('+15815559999', 'fr')).toBe('581 555-9999');
    expect(formatPhone('+33123456789', 'fr')).toBe('+33 1 23 45 67 89');
  });

  it('shows a phone stored the old way (as typed) like a new one, or as it was when it cannot be read', () => {
    expect(formatPhone('(418) 555.1234', 'fr')).toBe('418 555-1234');
    expect(formatPhone('1-581-555-3501', 'en')).toBe('581-555-3501');
    expect(formatPhone('555-1234', 'fr')).toBe('555-1234');
  });

  it('accepts an area code libphonenumber may not know yet, as long as the plan allows it', () => {
    // Québec's newest area codes; a desk's copy of the metadata ages, the numbering plan does not.
    expect(stored('263 555-0123')).toBe('+12635550123');
    expect(stored('354 555-0123')).toBe('+13545550123');
  });

  it('takes numbers from abroad with their country code', () => {
    expect(stored('+33 1 23 45 67 89')).toBe('+33123456789');
    expect(stored('011 33 1 23 45 67 89')).toBe('+33123456789');
    expect(problem('+33 1 23').fr).toContain("n'est pas un numéro valide pour l'indicatif de pays +33");
  });

  it('says exactly what is wrong, in French and English', () => {
    const eleven = problem('418-555-01234');
    expect(eleven.fr).toBe("a 11 chiffres : un numéro d'ici en a 10 (ex. : 418 555-0123), ou 11 s'il commence par 1 ; vérifiez s'il y a un chiffre en trop");
    expect(eleven.en).toContain('has 11 digits: a North-American number has 10');
    expect(problem('555-0123').fr).toBe("n'a que 7 chiffres : ajoutez l'indicatif régional devant (ex. : 418 555-0123)");
    expect(problem('418 555-012').fr).toContain("n'a que 9 chiffres");
    expect(problem('418 555-0123 4567').fr).toContain("a 14 chiffres, trop pour un numéro d'ici");
    expect(problem('abc').fr).toContain("contient « abc », qui n'est pas un chiffre");
    expect(problem('418 555-CAFE').en).toContain('contains "CAFE", which is not a digit');
    expect(problem('100 002-0000').fr).toContain("commence par 100, qui n'est pas un indicatif régional");
    expect(problem('911 555-0123').fr).toContain("commence par 911, qui n'est pas un indicatif régional");
    expect(problem('418 055-0123').fr).toContain('après l\'indicatif 418, le numéro ne commence jamais par 0 ou 1');
    expect(problem('418 555-0123 poste').fr).toContain('a un poste sans chiffres');
    expect(problem('418 555-0123 poste 12345678').fr).toBe('a un poste de 8 chiffres : 6 au plus');
    expect(problem('   ').fr).toBe('est vide');
  });

  it('gives the same digits to old and new forms, without the extension, for search and duplicates', () => {
    for (const phone of ['+14185550123', '+14185550123;ext=22', '418 555-0123', '(418) 555.0123', '1-418-555-0123', '418 555-0123 poste 22']) {
      expect(phoneDigits(phone), phone).toBe('4185550123');
    }
    expect(phoneDigits('555-1234')).toBe('5551234');
  });

  it('knows the same line written two ways', () => {
    expect(samePhone('418-555-0123', '+14185550123')).toBe(true);
    expect(samePhone('418-555-0123', '+14185550123;ext=22')).toBe(false);
    expect(samePhone('555-1234', '555-1234')).toBe(true);
  });
});
