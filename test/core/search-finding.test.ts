import { describe, expect, it } from 'vitest';
import { createMember } from '../../src-main/core/members/members.js';
import { searchMembers } from '../../src-main/core/members/search.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { newDesk, openDrawer } from '../helpers.js';

/** Finding people as a volunteer with a line waiting types them: typos, half a number, a receipt. */
describe('finding people at the desk (issue 9)', () => {
  const t = newDesk({ numbers: { first: 100_000, last: 199_999 } });
  const people = [
    { firstName: 'Serge', lastName: 'Hébert', city: 'Lévis', birthDate: '1947-02-11', phone: '418 555-0101' },
    { firstName: 'Jacqueline', lastName: 'Lévesque', city: 'Québec', birthDate: '1950-06-01' },
    { firstName: 'Michel', lastName: 'Léveillé-Côté', city: 'Beauport', birthDate: '1944-01-20', phone: '418 555-0202' },
    { firstName: 'Michel', lastName: 'Léveillé-Côté', city: 'Sillery', birthDate: '1951-09-09', phone: '418 555-0303' },
    { firstName: 'Solange', lastName: 'Tremblay' },
  ];
  const numbers = people.map((person) => {
    const made = createMember(t.desk, t.admin, { ...person, force: true });
    if (!made.created) throw new Error('expected a new member');
    return made.member.number;
  });
  const names = (query: string) => searchMembers(t.desk, { query }).results.map((r) => `${r.firstName} ${r.lastName}`);

  it('forgives a typo when nothing matches as typed, and says the names are only close', () => {
    for (const [typed, found] of [
      ['hebrt', 'Serge Hébert'],
      ['hebet serge', 'Serge Hébert'],
      ['levesqe', 'Jacqueline Lévesque'],
      ['tremblya', 'Solange Tremblay'],
      ['soalnge', 'Solange Tremblay'],
    ] as const) {
      const page = searchMembers(t.desk, { query: typed });
      expect(page.results.map((r) => `${r.firstName} ${r.lastName}`), typed).toContain(found);
      expect(page.approximate, typed).toBe(true);
    }
    // A name found as typed is never marked approximate, and far-off words find nobody.
    expect(searchMembers(t.desk, { query: 'hebert' }).approximate).toBe(false);
    expect(names('zyxwv')).toEqual([]);
  });

  it('finds members by the start of their number while it is typed', () => {
    const [first] = numbers;
    const typed = String(first).slice(0, 5);
    const page = searchMembers(t.desk, { query: typed });
    expect(page.results.map((r) => r.number)).toEqual(numbers.filter((n) => String(n).startsWith(typed)));
    expect(searchMembers(t.desk, { query: String(first) }).results[0]!.number).toBe(first);
  });

  it('finds a receipt by its number, however it is typed, with its member first', () => {
    openDrawer(t.desk, t.admin);
    const sale = checkout(t.desk, t.admin, { memberNumber: numbers[0], lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
    const receipt = sale.order.receiptNumber;
    const short = `${receipt.slice(0, 1).toLowerCase()}${Number(receipt.slice(2))}`;
    for (const typed of [receipt, receipt.toLowerCase(), short, receipt.replace('-', ' ')]) {
      const page = searchMembers(t.desk, { query: typed });
      expect(page.receiptNumber, typed).toBe(receipt);
      expect(page.results[0]?.number, typed).toBe(numbers[0]);
    }
    expect(searchMembers(t.desk, { query: 'A-999999' }).receiptNumber).toBeNull();
  });

  it('tells two namesakes apart by phone, city and year of birth', () => {
    const michels = searchMembers(t.desk, { query: 'leveille michel' }).results;
    expect(michels.map((m) => [m.city, m.birthYear, m.phone])).toEqual([
      ['Beauport', 1944, '418 555-0202'],
      ['Sillery', 1951, '418 555-0303'],
    ]);
  });
});
