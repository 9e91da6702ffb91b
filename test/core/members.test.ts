import { keyRingOf, openLogged } from '../../src-main/core/privacy/sealing.js';
import { describe, expect, it } from 'vitest';
import { ComptoirError } from '../../src-shared/errors.js';
import { pendingOperations } from '../../src-main/core/ledger/outbox.js';
import { checkDuplicates, createMember, createMemberOrListDuplicates, getMember, updateMember } from '../../src-main/core/members/members.js';
import { newDesk } from '../helpers.js';

function created(result: ReturnType<typeof createMember>) {
  if (!result.created) throw new Error('expected a new member');
  return result.member;
}

describe('members', () => {
  it('gives new members consecutive numbers from the desk block', () => {
    const { desk, admin } = newDesk({ numbers: { first: 5000, last: 5999 } });
    const a = created(createMember(desk, admin, { firstName: 'Françoise', lastName: 'Léveillé-Côté' }));
    const b = created(createMember(desk, admin, { firstName: 'Jean', lastName: "O'Brien" }));
    expect([a.number, b.number]).toEqual([5000, 5001]);
    expect(a.status).toEqual({ kind: 'never' });
    expect(a.statusLabel).toBe('Jamais membre');
  });

  it('lets a couple share one email without a duplicate warning', () => {
    const { desk, admin } = newDesk();
    const jean = created(createMember(desk, admin, { firstName: 'Jean', lastName: 'Tremblay', email: 'famille.tremblay@videotron.ca', postalCode: 'g1h2a3' }));
    const result = createMember(desk, admin, {
      firstName: 'Marie',
      lastName: 'Tremblay',
      email: 'Famille.Tremblay@videotron.ca',
      postalCode: 'G1H 2A3',
      householdOf: jean.number,
    });
    const marie = created(result);
    expect(marie.email).toBe('famille.tremblay@videotron.ca');
    expect(marie.household?.members.map((m) => m.firstName)).toEqual(['Jean', 'Marie']);
    // The write that created the household and moved Jean into it carries both to the server.
    const op = pendingOperations(desk.reader).find((pending) => pending.entityId === marie.id)!;
    // (The household's family name travels sealed, with the member's other personal fields.)
    const facts = openLogged(op.payload, keyRingOf(desk.reader), { operation_id: op.operationId, action: op.action }) as { household: unknown };
    expect(facts.household).toMatchObject({ name: 'Famille Tremblay', memberIds: [jean.id, marie.id] });
  });

  it('warns that an accent-blind look-alike with the same birth date may already exist, and creates nothing', () => {
    const { desk, admin } = newDesk();
    created(createMember(desk, admin, { firstName: 'Hélène', lastName: 'Bélanger', birthDate: '1948-03-14' }));
    const attempt = createMemberOrListDuplicates(desk, admin, { firstName: 'helene', lastName: 'BELANGER', birthDate: '1948-03-14' });
    expect(attempt.created).toBe(false);
    if (attempt.created) return;
    expect(attempt.duplicates).toHaveLength(1);
    expect(attempt.duplicates[0]!.reasons).toEqual(['same_name', 'birth_date']);
    const members = desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM member');
    expect(members?.n).toBe(1);
    expect(() => createMember(desk, admin, { firstName: 'helene', lastName: 'BELANGER', birthDate: '1948-03-14' })).toThrow(
      /Ce membre existe peut-être déjà/,
    );
  });

  it('flags a typo in the name when the phone matches, in any format', () => {
    const { desk, admin } = newDesk();
    created(createMember(desk, admin, { firstName: 'Gérard', lastName: 'Gagnon', phone: '418 555-1234' }));
    const found = checkDuplicates(desk, { firstName: 'Gerard', lastName: 'Gagnom', phone: '(418) 555.1234' });
    expect(found.map((c) => c.reasons)).toEqual([['similar_name', 'phone']]);
  });

  it('creates anyway when the volunteer confirms it is another person', () => {
    const { desk, admin } = newDesk();
    created(createMember(desk, admin, { firstName: 'Marie', lastName: 'Tremblay' }));
    const again = created(createMember(desk, admin, { firstName: 'Marie', lastName: 'Tremblay', force: true }));
    expect(again.number).toBe(100001);
  });

  it('audits every edit with the values before and after', () => {
    const { desk, admin } = newDesk();
    const m = created(createMember(desk, admin, { firstName: 'Paul', lastName: 'Roy', phone: '418-555-0000' }));
    const edited = updateMember(desk, admin, m.number, { phone: '581 555 9999', city: 'Québec' });
    // Stored in one form (E.164), shown as Québec writes it.
    expect(edited.phone).toBe('581 555-9999');
    const audit = desk.reader.rawGet<{ before_json: string; after_json: string; user_id: string }>(
      "SELECT before_json, after_json, user_id FROM audit_log WHERE action = 'member.update'",
    );
    // Personal values are sealed with the member's key in the log (privacy/sealing.ts): read back with it.
    expect(audit!.before_json + audit!.after_json).not.toMatch(/418-555-0000|555 9999|Québec/);
    const keys = keyRingOf(desk.reader);
    const operationId = desk.reader.rawGet<{ operation_id: string }>("SELECT operation_id FROM audit_log WHERE action = 'member.update'")!.operation_id;
    expect(openLogged(audit!.before_json, keys, { operation_id: operationId, action: 'member.update' })).toEqual({ phone: '+14185550000', city: null });
    expect(openLogged(audit!.after_json, keys, { operation_id: operationId, action: 'member.update' })).toEqual({ memberId: m.id, changes: { phone: '+15815559999', city: 'Québec' }, household: null });
    expect(audit!.user_id).toBe(admin.userId);
  });

  it('saving without a change writes nothing', () => {
    const { desk, admin } = newDesk();
    const m = created(createMember(desk, admin, { firstName: 'Paul', lastName: 'Roy' }));
    const before = desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM audit_log')!.n;
    updateMember(desk, admin, m.number, { firstName: 'Paul' });
    expect(desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM audit_log')!.n).toBe(before);
  });

  it('rejects bad input with French messages and changes nothing', () => {
    const { desk, admin } = newDesk();
    let error: unknown;
    try {
      createMember(desk, admin, { firstName: '', lastName: 'Roy', email: 'pas-un-courriel', birthDate: '1950-02-30', phone: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComptoirError);
    const message = (error as ComptoirError).message;
    expect(message).toContain('« Prénom » est obligatoire');
    expect(message).toContain("« Courriel » n'est pas une adresse courriel valide");
    expect(message).toContain("« Date de naissance » n'existe pas : il n'y a pas de 30 février (février a 28 jours)");
    expect(message).toContain("« Téléphone » contient « abc », qui n'est pas un chiffre");
    expect((error as ComptoirError).messageIn('en')).toContain('"First name" is required');
    expect(desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM member')!.n).toBe(0);
    expect(() => getMember(desk, 424242)).toThrow('Aucun membre ne porte le numéro 424242.');
  });

  it('never reuses a member number, even when a block runs out', () => {
    const { desk, admin } = newDesk({ numbers: { first: 10, last: 11 } });
    created(createMember(desk, admin, { firstName: 'A', lastName: 'Un' }));
    created(createMember(desk, admin, { firstName: 'B', lastName: 'Deux' }));
    expect(() => createMember(desk, admin, { firstName: 'C', lastName: 'Trois' })).toThrow(/plus de numéros de membre/);
  });
});
