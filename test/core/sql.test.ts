import { describe, expect, it } from 'vitest';
import { prepared } from '../../src-main/db/sql.js';
import { addMember, newDesk } from '../helpers.js';

describe('the typed SQL layer', () => {
  it('runs a prepared query with new parameters each time, constants kept', () => {
    const { desk, admin } = newDesk();
    const first = addMember(desk, admin, 'Jean', 'Roy');
    addMember(desk, admin, 'Marie', 'Roy');
    const byNumber = prepared((qb, p: { number: number }) =>
      qb.selectFrom('member').select(['first_name']).where('number', '=', p.number).where('language', '=', 'fr'),
    );
    expect(byNumber.get(desk.reader, { number: first })).toEqual({ first_name: 'Jean' });
    expect(byNumber.get(desk.reader, { number: first + 1 })).toEqual({ first_name: 'Marie' });
    expect(byNumber.all(desk.reader, { number: 1 })).toEqual([]);
  });

  it('refuses a write through a read handle', () => {
    const { desk } = newDesk();
    expect(() => desk.reader.all(desk.reader.qb.deleteFrom('member'))).toThrow(/read handle/);
  });
});
