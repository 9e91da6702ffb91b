import { describe, expect, it } from 'vitest';
import { countOf, householdNameIn } from '../../src-shared/words.js';

describe('counted words follow each language’s plural rules (Intl.PluralRules), never « (s) »', () => {
  it('says « 0 article » and « 1 article » in French but "0 items" in English', () => {
    expect([0, 1, 2, 10].map((n) => countOf(n, 'item', 'fr'))).toEqual(['0 article', '1 article', '2 articles', '10 articles']);
    expect([0, 1, 2].map((n) => countOf(n, 'item', 'en'))).toEqual(['0 items', '1 item', '2 items']);
  });

  it('agrees the words that follow the noun', () => {
    expect(countOf(1, 'similarRecord', 'fr')).toBe('1 fiche semblable');
    expect(countOf(3, 'similarRecord', 'fr')).toBe('3 fiches semblables');
    expect(countOf(1, 'cardPayment', 'fr')).toBe('1 paiement par carte');
    expect(countOf(5, 'cardPayment', 'fr')).toBe('5 paiements par carte');
    expect(countOf(2, 'rewrittenLogEntry', 'fr')).toBe('2 entrées du journal réécrites');
    expect(countOf(1, 'place', 'en')).toBe('1 place');
  });
});

describe('a household’s name in the reader’s language', () => {
  it('reads « Kowalski family » as « Famille Kowalski » on a French screen, and back', () => {
    expect(householdNameIn('Kowalski family', 'fr')).toBe('Famille Kowalski');
    expect(householdNameIn('Famille Tremblay', 'en')).toBe('Tremblay family');
    expect(householdNameIn('Famille Tremblay', 'fr')).toBe('Famille Tremblay');
    // A name the club typed its own way is kept.
    expect(householdNameIn('Les Roy de la rue Cartier', 'en')).toBe('Les Roy de la rue Cartier');
  });
});
