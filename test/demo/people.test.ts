import { describe, expect, it } from 'vitest';
import { createMemberSchema } from '../../src-main/core/members/members.js';
import { searchMembers } from '../../src-main/core/members/search.js';
import { demoPeople, insertDemoMembers } from '../../src-main/demo/people.js';
import { newDesk } from '../helpers.js';

const count = (t: ReturnType<typeof newDesk>, sql: string) => t.desk.reader.rawGet<{ n: number }>(sql)!.n;

describe('demo people', () => {
  it('are the same for the same seed and different for another', () => {
    expect([...demoPeople(50, 3)]).toEqual([...demoPeople(50, 3)]);
    expect([...demoPeople(50, 4)]).not.toEqual([...demoPeople(50, 3)]);
  });

  it('pass the desk’s own member validation', () => {
    for (const { household: _h, ...person } of demoPeople(2000, 1)) {
      expect(createMemberSchema.safeParse(person).success, JSON.stringify(person)).toBe(true);
    }
  });

  it('look like a Québec club: accented names, seniors, mixed phone formats, couples sharing a home', () => {
    const people = [...demoPeople(2000, 1)];
    expect(people.some((p) => /[éèêëàâîôûç]/i.test(p.lastName))).toBe(true);
    expect(people.every((p) => p.birthDate >= '1935-01-01' && p.birthDate <= '1965-12-31')).toBe(true);
    expect(people.every((p) => /^G[12][A-Z] \d[A-Z]\d$/.test(p.postalCode))).toBe(true);
    expect(new Set(people.map((p) => p.phone?.replace(/\d/g, '9'))).size).toBeGreaterThan(4);
    expect(people.filter((p) => p.language === 'en').length).toBeLessThan(people.length / 4);
    const couples = new Map<string, typeof people>();
    for (const p of people) if (p.household) couples.set(p.household, [...(couples.get(p.household) ?? []), p]);
    expect(couples.size).toBeGreaterThan(200);
    for (const pair of couples.values()) {
      expect(pair).toHaveLength(2);
      expect(pair[1]!.address).toBe(pair[0]!.address);
    }
    expect([...couples.values()].filter(([a, b]) => a!.email && a!.email === b!.email).length).toBeGreaterThan(couples.size / 3);
  });

  it('insert with one audit entry and one outbox operation per member, couples in one household', () => {
    const t = newDesk();
    const result = insertDemoMembers(t.desk, t.admin, 300, 1, 120);
    expect(result.members).toBe(300);
    expect(count(t, 'SELECT count(*) AS n FROM member')).toBe(300);
    expect(count(t, "SELECT count(*) AS n FROM audit_log WHERE action = 'member.create'")).toBe(300);
    expect(count(t, "SELECT count(*) AS n FROM outbox WHERE action = 'member.create'")).toBe(300);
    expect(count(t, 'SELECT count(DISTINCT household_id) AS n FROM member')).toBe(result.households);
    expect(count(t, 'SELECT max(c) AS n FROM (SELECT count(*) AS c FROM member GROUP BY household_id HAVING household_id IS NOT NULL)')).toBe(2);
    const first = [...demoPeople(1, 1)][0]!;
    expect(searchMembers(t.desk, { query: `${first.lastName} ${first.firstName}` }).results.length).toBeGreaterThan(0);
  });
});
