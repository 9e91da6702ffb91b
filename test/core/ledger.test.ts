import { describe, expect, it } from 'vitest';
import { getMember } from '../../src-main/core/members/members.js';
import { commitWrite } from '../../src-main/core/ledger/write.js';
import { addMember, count, newDesk } from '../helpers.js';

describe('the ledger, the only writer', () => {
  it('gives a write’s work a handle that refuses to write: what it changes must go through its operation', () => {
    const { desk, admin } = newDesk();
    const no = addMember(desk, admin, 'Paul', 'Roy');
    const entries = count(desk, 'audit_log');
    expect(() =>
      commitWrite(desk, admin, (ctx) => ctx.r.rawGet("UPDATE member SET notes = 'glissé en douce' RETURNING id")),
    ).toThrow(/a read handle was given a statement that writes/);
    expect(() => desk.reader.rawAll("DELETE FROM member_search_key RETURNING member_id")).toThrow(/statement that writes/);
    expect(getMember(desk, no).notes).toBeNull();
    expect(count(desk, 'audit_log')).toBe(entries);
  });

  it('records one operation per write, and refuses a second', () => {
    const { desk, admin } = newDesk();
    expect(() =>
      commitWrite(desk, admin, (ctx) => {
        ctx.record({ kind: 'user.unlock', version: 1, userId: admin.userId });
        ctx.record({ kind: 'user.unlock', version: 1, userId: admin.userId });
      }),
    ).toThrow(/one operation/);
  });
});
