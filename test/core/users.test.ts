import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src-main/core/ledger/audit.js';
import { createUser, listUsers, signIn } from '../../src-main/core/users/users.js';
import { addMember, count, newDesk } from '../helpers.js';

describe('users', () => {
  it('signs a volunteer in by PIN, stored only as a slow salted hash', async () => {
    const { desk, admin } = newDesk();
    const user = createUser(desk, admin, { name: 'Louise Gagné', role: 'volunteer', pin: '4821' });
    expect(listUsers(desk).map((u) => u.name)).toEqual(['Louise Gagné']);
    const stored = desk.reader.rawGet<{ pin_hash: string }>('SELECT pin_hash FROM app_user WHERE id = ?', user.id)!.pin_hash;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('4821');
    expect((await signIn(desk, { userId: user.id, pin: '4821' })).name).toBe('Louise Gagné');
  });

  it('reserves user management to administrators', () => {
    const { desk, admin } = newDesk();
    const volunteer = createUser(desk, admin, { name: 'Bénévole', role: 'volunteer', pin: '2222' });
    expect(() => createUser(desk, { userId: volunteer.id }, { name: 'Autre', role: 'admin', pin: '3333' })).toThrow(
      "Cette action est réservée à l'administrateur.",
    );
    expect(() => createUser(desk, admin, { name: 'Bénévole', role: 'volunteer', pin: '12' })).toThrow(/NIP/);
  });
});

describe('audit log', () => {
  it('records who did every write, in an intact hash chain', () => {
    const { desk, admin } = newDesk();
    addMember(desk, admin, 'Jean', 'Roy');
    addMember(desk, admin, 'Marie', 'Roy');
    expect(count(desk, 'audit_log', `user_id = '${admin.userId}'`)).toBe(count(desk, 'audit_log'));
    expect(verifyAuditChain(desk.reader)).toEqual([]);
  });

  it('detects an edited or deleted entry', () => {
    const { desk, admin } = newDesk();
    for (const first of ['Jean', 'Marie', 'Luc']) addMember(desk, admin, first, 'Roy');
    const sqlite = desk.connection.rawDatabase;
    sqlite.exec('DROP TRIGGER audit_log_append_only_u; DROP TRIGGER audit_log_append_only_d;');
    sqlite.exec(`UPDATE audit_log SET user_id = 'quelqu-un-d-autre' WHERE seq = 3`);
    expect(verifyAuditChain(desk.reader)).toEqual([{ seq: 3, kind: 'changed', problem: 'content was changed' }]);
    sqlite.exec('DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAuditChain(desk.reader).map((b) => b.problem)).toContain('entry 2 is missing');
  });
});
