import { describe, expect, it } from 'vitest';
import { checkDuplicates, createMember } from '../../src-main/core/members/members.js';
import { newDesk } from '../helpers.js';

describe('duplicate warning', () => {
  it('does not take a couple like Réjean and Réjeanne Tremblay, sharing a home and an email, for one person', () => {
    const { desk, admin } = newDesk();
    const home = { lastName: 'Tremblay', email: 'tremblay.famille@videotron.ca', phone: '418 555-0101', postalCode: 'G1H 2A3' };
    for (const firstName of ['Réjean', 'Denis', 'Marcel', 'Claude', 'Paul']) createMember(desk, admin, { ...home, firstName, force: true });
    for (const firstName of ['Réjeanne', 'Denise', 'Marcelle', 'Claudette', 'Pauline']) {
      expect(checkDuplicates(desk, { ...home, firstName }), firstName).toEqual([]);
    }
  });

  it('does not find Saint-Pierre alike Saint-Onge because both start with Saint', () => {
    const { desk, admin } = newDesk();
    createMember(desk, admin, { firstName: 'Marie', lastName: 'Saint-Pierre', birthDate: '1948-03-14' });
    expect(checkDuplicates(desk, { firstName: 'Marie', lastName: 'Saint-Onge', birthDate: '1948-03-14' })).toEqual([]);
  });

  it('still warns about a nickname or a typo with the same phone', () => {
    const { desk, admin } = newDesk();
    createMember(desk, admin, { firstName: 'Frédéric', lastName: 'Gagnon', phone: '418 555-1234' });
    expect(checkDuplicates(desk, { firstName: 'Fred', lastName: 'Gagnon', phone: '4185551234' }).map((c) => c.reasons)).toEqual([['similar_name', 'phone']]);
    expect(checkDuplicates(desk, { firstName: 'Frederic', lastName: 'Gagon', phone: '418.555.1234' }).map((c) => c.reasons)).toEqual([['similar_name', 'phone']]);
  });
});
