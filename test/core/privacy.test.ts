import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../src-main/api/service.js';
import { registerMember } from '../../src-main/core/activities/registrations.js';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { dayReport } from '../../src-main/core/cash/day-report.js';
import { closeCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../../src-main/db/schema.js';
import { entryHash, verifyAuditChain } from '../../src-main/core/ledger/audit.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { getMember, updateMember } from '../../src-main/core/members/members.js';
import { anonymiseLapsedMembers, eraseMember, lapsedMembers } from '../../src-main/core/privacy/erasure.js';
import { keyRingOf, openLogged } from '../../src-main/core/privacy/sealing.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { emailReceipt } from '../../src-main/core/sales/receipts.js';
import { createUser } from '../../src-main/core/users/users.js';
import { addMember, newDesk, openDrawer, refusal, tempFolder, type TestDesk } from '../helpers.js';

/** Every byte of the database file, as text: what someone reading the laptop's disk would see. */
function fileText(t: TestDesk): string {
  t.desk.close();
  return readFileSync(t.file).toString('latin1') + readFileSync(t.file).toString('utf8');
}

/** Ginette Lévesque-Fortier, a member with everything the club keeps, and a paid day. */
function ginette() {
  const t = newDesk();
  const { desk, admin } = t;
  const number = addMember(desk, admin, 'Ginette', 'Lévesque-Fortier', {
    email: 'ginette.levesque@exemple.ca',
    phone: '418 555-0187',
    birthDate: '1946-02-11',
    address: '88, rue des Érables',
    city: 'Sainte-Foy',
    postalCode: 'G1V 3K7',
    notes: 'Diabétique : garder du jus à la table',
  });
  openDrawer(desk, admin);
  createActivity(desk, admin, { code: 'TRICOT', name: 'Tricot', season: 'Hiver 2027', priceCents: 0, membershipRequired: false });
  const sale = checkout(desk, admin, { memberNumber: number, lines: [{ kind: 'membership' }, { kind: 'donation', amountCents: 500 }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
  registerMember(desk, admin, { activityCode: 'TRICOT', memberNumber: number });
  emailReceipt(desk, admin, { receiptNumber: sale.order.receiptNumber });
  updateMember(desk, admin, number, { phone: '418 555-0199', notes: 'Diabétique : garder du jus et des biscuits' });
  return { ...t, number, receipt: sale.order.receiptNumber };
}

// Each holds a character base64 never writes (a space, a dash, a dot, an accent): a sealed box cannot hold one by chance.
const GINETTE = ['Lévesque-Fortier', 'ginette.levesque', '555-0187', '555-0199', 'Érables', 'Sainte-Foy', 'G1V 3K7', '1946-02-11', 'Diabétique'];

describe('personal data in the log', () => {
  it('is sealed with the member’s own key: the log holds none of it in the clear, the tables and a replay read it', () => {
    const t = ginette();
    const log = t.desk.reader.rawAll<{ after_json: string; before_json: string | null }>('SELECT after_json, before_json FROM audit_log').map((e) => e.after_json + (e.before_json ?? '')).join('\n');
    for (const text of GINETTE) expect(log).not.toContain(text);
    expect(getMember(t.desk, t.number).lastName).toBe('Lévesque-Fortier');
    const entry = t.desk.reader.rawGet<{ after_json: string; operation_id: string; action: string }>("SELECT after_json, operation_id, action FROM audit_log WHERE action = 'member.create' ORDER BY seq DESC LIMIT 1")!;
    expect(openLogged(entry.after_json, keyRingOf(t.desk.reader), entry)).toMatchObject({ member: { lastName: 'Lévesque-Fortier', notes: 'Diabétique : garder du jus à la table' } });
    expect(verifyDatabase(t.desk.reader)).toEqual([]);
  });

  it('refuses a sealed value that was altered: the log cannot be read back', () => {
    const t = ginette();
    const sqlite = t.desk.connection.rawDatabase;
    sqlite.exec('DROP TRIGGER audit_log_append_only_u');
    const entry = sqlite.prepare("SELECT seq, after_json FROM audit_log WHERE action = 'member.create' ORDER BY seq DESC LIMIT 1").get() as { seq: number; after_json: string };
    const facts = JSON.parse(entry.after_json) as { member: { $sealed: { fields: string[]; box: string } } };
    expect(facts.member.$sealed.fields).toEqual(['firstName', 'lastName', 'birthDate', 'email', 'phone', 'address', 'city', 'postalCode', 'notes']);
    const box = facts.member.$sealed.box;
    const middle = box.length - 20;
    facts.member.$sealed.box = box.slice(0, middle) + (box[middle] === 'A' ? 'B' : 'A') + box.slice(middle + 1);
    sqlite.prepare('UPDATE audit_log SET after_json = ? WHERE seq = ?').run(JSON.stringify(facts), entry.seq);
    const problems = verifyDatabase(t.desk.reader);
    expect(problems.map((p) => p.ref)).toContain('replay');
    expect(problems.find((p) => p.ref === 'replay')?.message).toContain(`operation ${entry.seq} (member.create) cannot be replayed`);
  });
});

describe('erasing a member’s personal data', () => {
  it('leaves « Membre anonymisé » with the number, the money and the registrations, and no trace of the rest anywhere in the file', () => {
    const t = ginette();
    const { desk, admin, number } = t;
    const dayBefore = JSON.stringify(dayReport(desk, '2026-11-27'));
    const erased = eraseMember(desk, admin, { number, reason: 'request' });
    expect(erased).toEqual({ number, redactedEntries: 0 });
    const member = getMember(desk, number);
    expect(member).toMatchObject({ number, firstName: 'Membre', lastName: 'anonymisé', email: null, phone: null, birthDate: null, address: null, city: null, postalCode: null, notes: null });
    expect(member.expiresOn).not.toBeNull();
    expect(JSON.stringify(dayReport(desk, '2026-11-27'))).toBe(dayBefore);
    expect(desk.reader.rawGet<{ n: number }>('SELECT count(*) AS n FROM registration WHERE member_id = ?', member.id)!.n).toBe(1);
    expect(desk.reader.rawGet('SELECT 1 FROM member_key WHERE member_id = ?', member.id)).toBeUndefined();
    expect(verifyAuditChain(desk.reader)).toEqual([]);
    expect(verifyDatabase(desk.reader)).toEqual([]);
    // At once, while the desk is still open: the file and its write-ahead log…
    const open = [t.file, `${t.file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('utf8')).join('');
    for (const text of GINETTE) expect(open, text).not.toContain(text);
    // …and once it is closed.
    const bytes = fileText(t);
    for (const text of GINETTE) expect(bytes, text).not.toContain(text);
  });

  it('is checked by verify: an erased member whose key is back is found', () => {
    const t = ginette();
    eraseMember(t.desk, t.admin, { number: t.number });
    const id = getMember(t.desk, t.number).id;
    t.desk.connection.rawDatabase.prepare('INSERT INTO member_key (member_id, key, created_at) VALUES (?, randomblob(32), ?)').run(id, '2026-11-27T16:00:00.000Z');
    expect(verifyDatabase(t.desk.reader)).toContainEqual({ check: 'erasures', message: `Membre ${t.number} : effacé, mais sa clé est encore là.`, ref: `member:${t.number}` });
  });

  it('takes the family name with it: the household is named after whoever stays, and the name is nowhere once both are gone', async () => {
    const t = newDesk();
    const { desk, admin } = t;
    const zephirine = addMember(desk, admin, 'Zéphirine', 'Quaglieri-Brassard', { phone: '418 555-0199' });
    const honorius = addMember(desk, admin, 'Honorius', 'Simard', { householdOf: zephirine });
    const api = createApiService(desk, { log: () => {} });
    const gilles = createUser(desk, admin, { name: 'Gilles', role: 'admin', pin: '2468' });
    await api.call('session.signIn', { userId: gilles.id, pin: '2468' });
    await api.call('members.search', { query: 'quaglieri' });
    eraseMember(desk, admin, { number: zephirine });
    expect(getMember(desk, honorius).household?.name).toBe('Famille Simard');
    eraseMember(desk, admin, { number: honorius });
    expect(desk.reader.rawAll<{ name: string }>('SELECT name FROM household').map((h) => h.name)).toEqual(['Ménage anonymisé']);
    expect(verifyDatabase(desk.reader)).toEqual([]);
    const bytes = fileText(t);
    for (const text of ['Quaglieri', 'Zéphirine', '555-0199']) expect(bytes, text).not.toContain(text);
  });

  it('cannot be done twice, nor by anyone but an administrator', () => {
    const t = ginette();
    const volunteer = { userId: createUser(t.desk, t.admin, { name: 'Lise', role: 'volunteer', pin: '1234' }).id };
    expect(refusal(() => eraseMember(t.desk, volunteer, { number: t.number })).code).toBe('FORBIDDEN');
    eraseMember(t.desk, t.admin, { number: t.number });
    expect(refusal(() => eraseMember(t.desk, t.admin, { number: t.number })).code).toBe('MEMBER_ALREADY_ERASED');
  });

  it('lets a member who comes back give their details again', () => {
    const t = ginette();
    eraseMember(t.desk, t.admin, { number: t.number });
    updateMember(t.desk, t.admin, t.number, { firstName: 'Ginette', lastName: 'Fortier', phone: '418 555-0111' });
    expect(getMember(t.desk, t.number)).toMatchObject({ firstName: 'Ginette', lastName: 'Fortier' });
    expect(verifyDatabase(t.desk.reader)).toEqual([]);
    // What she gave again can be erased again, and replay still gives the same tables.
    expect(eraseMember(t.desk, t.admin, { number: t.number }).number).toBe(t.number);
    expect(getMember(t.desk, t.number)).toMatchObject({ firstName: 'Membre', lastName: 'anonymisé', phone: null });
    expect(verifyDatabase(t.desk.reader)).toEqual([]);
  });

  it('rewrites the entries Comptoir 0.1 wrote in the clear, and verify still proves the chain and the tables', () => {
    const file = join(tempFolder(), 'desk-0.1.sqlite');
    const sqlite = new BetterSqlite3(file);
    sqlite.exec(readFileSync(new URL('../fixtures/desk-v0.1.dump', import.meta.url), 'utf8'));
    sqlite.close();
    const desk = openDesk(file);
    const admin = { userId: desk.reader.rawGet<{ id: string }>("SELECT id FROM app_user WHERE role = 'admin' ORDER BY created_at LIMIT 1")!.id };
    const inTheClear = () => desk.reader.rawAll<{ j: string }>("SELECT coalesce(after_json, '') || coalesce(before_json, '') AS j FROM audit_log").map((e) => e.j).join('\n');
    expect(inTheClear()).toContain('Préfère le téléphone');
    const erased = eraseMember(desk, admin, { number: 100000, reason: 'request' });
    expect(erased.redactedEntries).toBeGreaterThanOrEqual(2);
    expect(inTheClear()).not.toContain('Préfère le téléphone');
    expect(inTheClear()).not.toContain('555-9999');
    expect(verifyAuditChain(desk.reader)).toEqual([]);
    expect(verifyDatabase(desk.reader)).toEqual([]);
    // Marking another entry as erased, with no erasure that names it, is tampering.
    const untouched = desk.reader.rawGet<{ seq: number }>("SELECT seq FROM audit_log WHERE redacted_by IS NULL AND action = 'member.create' ORDER BY seq LIMIT 1")!.seq;
    desk.connection.rawDatabase.prepare('UPDATE audit_log SET redacted_by = (SELECT max(seq) FROM audit_log) WHERE seq = ?').run(untouched);
    expect(verifyAuditChain(desk.reader)).toEqual([{ seq: untouched, kind: 'changed', problem: 'marked erased by no erasure that names it' }]);
    // And an entry already rewritten cannot be rewritten again.
    expect(() => desk.connection.rawDatabase.exec("UPDATE audit_log SET after_json = '{}' WHERE redacted_by IS NOT NULL")).toThrow('append-only: audit_log');
    // Around the trigger, a rewritten entry changed again no longer matches what its erasure vouched for.
    desk.connection.rawDatabase.exec('DROP TRIGGER audit_log_append_only_u');
    const rewritten = desk.reader.rawGet<{ seq: number }>('SELECT min(seq) AS seq FROM audit_log WHERE redacted_by IS NOT NULL')!.seq;
    desk.connection.rawDatabase.prepare("UPDATE audit_log SET after_json = replace(after_json, 'anonymisé', 'Roy') WHERE seq = ?").run(rewritten);
    expect(verifyAuditChain(desk.reader)).toContainEqual({ seq: rewritten, kind: 'changed', problem: 'content was changed after it was erased' });
    desk.close();
  });

  it('cannot be faked to rewrite history: an appended erasure may vouch only for its own member’s entries', () => {
    const t = ginette();
    const { desk, admin } = t;
    const lise = createUser(desk, admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1111' });
    eraseMember(desk, admin, { number: t.number });
    const db = desk.connection.rawDatabase;
    // Someone with the file and its key appends a well-chained « erasure » naming Lise's creation…
    const target = db.prepare("SELECT * FROM audit_log WHERE action = 'user.create' AND entity_id = ?").get(lise.id) as AuditLogTable;
    const real = db.prepare("SELECT * FROM audit_log WHERE action = 'member.erase'").get() as AuditLogTable;
    const forged = JSON.parse(target.after_json!) as { user: { role: string } };
    forged.user.role = 'admin';
    const forgedJson = JSON.stringify(forged);
    const sha256 = createHash('sha256').update(`${forgedJson}\n`).digest('hex');
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const fake = { ...real, operation_id: `${real.operation_id}-x`, after_json: JSON.stringify({ memberId: real.entity_id, reason: 'retention', redacted: [{ seq: target.seq, sha256 }] }) };
    db.prepare(
      'INSERT INTO audit_log (seq, prev_hash, hash, redacted_by, operation_id, at, desk_id, user_id, action, op_version, entity_type, entity_id, before_json, after_json) VALUES (?,?,?,NULL,?,?,?,?,?,?,?,?,?,?)',
    ).run(last.seq + 1, last.hash, entryHash(last.hash, fake), fake.operation_id, fake.at, fake.desk_id, fake.user_id, fake.action, fake.op_version, fake.entity_type, fake.entity_id, fake.before_json, fake.after_json);
    // …rewrites it (the trigger lets an entry be erased once), and the table to match.
    db.prepare('UPDATE audit_log SET after_json = ?, redacted_by = ? WHERE seq = ?').run(forgedJson, last.seq + 1, target.seq);
    db.prepare("UPDATE app_user SET role = 'admin' WHERE id = ?").run(lise.id);
    expect(verifyAuditChain(desk.reader)).toEqual([{ seq: target.seq, kind: 'changed', problem: 'marked erased by the erasure of another member' }]);
  });

  it('is refused by the log for anything but an erasure: an entry stays append-only', () => {
    const t = ginette();
    expect(() => t.desk.connection.rawDatabase.exec("UPDATE audit_log SET after_json = '{}' WHERE seq = 2")).toThrow('append-only: audit_log');
    expect(() => t.desk.connection.rawDatabase.exec('UPDATE audit_log SET redacted_by = 1 WHERE seq = 2')).toThrow('append-only: audit_log');
  });
});

describe('retention', () => {
  it('finds the members the club has not seen for longer than its retention period, and anonymises them', () => {
    const t = newDesk({ at: '2022-03-15T15:00:00Z' });
    const { desk, admin, clock } = t;
    const gone = addMember(desk, admin, 'Réal', 'Tanguay', { phone: '418 555-0001' });
    const owed = addMember(desk, admin, 'Rita', 'Paradis');
    const back = addMember(desk, admin, 'Roméo', 'Simard');
    openDrawer(desk, admin);
    checkout(desk, admin, { memberNumber: owed, lines: [{ kind: 'credit', amountCents: 1000 }], payments: [{ method: 'cash', tenderedCents: 1000 }] });
    closeCashSession(desk, admin, { count: {}, reason: 'Caisse vidée pour le test' });
    clock.set('2026-11-27T15:00:00Z');
    const recent = addMember(desk, admin, 'Rose', 'Vachon');
    openDrawer(desk, admin);
    checkout(desk, admin, { memberNumber: back, lines: [{ kind: 'donation', amountCents: 500 }], payments: [{ method: 'cash', tenderedCents: 500 }] });
    expect(desk.settings().personalDataRetentionYears).toBe(3);
    // Réal: joined in 2022, never seen since. Rita is owed credit; Roméo came back; Rose is new.
    expect(lapsedMembers(desk.reader, '2026-11-27', 3).map((m) => m.number)).toEqual([gone]);
    expect(lapsedMembers(desk.reader, '2026-11-27', 5)).toEqual([]);
    const erased = anonymiseLapsedMembers(desk, admin);
    expect(erased.map((e) => e.number)).toEqual([gone]);
    expect(getMember(desk, gone).lastName).toBe('anonymisé');
    for (const kept of [owed, back, recent]) expect(getMember(desk, kept).lastName).not.toBe('anonymisé');
    expect(verifyDatabase(desk.reader)).toEqual([]);
  });
});

describe('the access log', () => {
  it('tells the privacy officer who looked at whose data, and what left the desk', async () => {
    const t = ginette();
    const { desk, admin, number } = t;
    const lise = createUser(desk, admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
    const gilles = createUser(desk, admin, { name: 'Gilles Fortin', role: 'admin', pin: '2468' });
    const api = createApiService(desk, { log: () => {} });
    await api.call('session.signIn', { userId: lise.id, pin: '1234' }, 'lise');
    await api.call('members.search', { query: 'levesque' }, 'lise');
    await api.call('members.profile', { number }, 'lise');
    // An open profile asking whether it changed reads nothing personal out: not in the log.
    expect(await api.call('members.profileStamp', { number }, 'lise')).toMatchObject({ ok: true, value: { stamp: expect.stringMatching(/^[0-9a-f]{16}$/) } });
    await api.call('documents.memberCard', { number }, 'lise');
    await api.call('orders.get', { receiptNumber: t.receipt }, 'lise');
    await api.call('activities.roster', { code: 'TRICOT' }, 'lise');
    await api.call('files.save', { filename: 'carte-membre.pdf', base64: 'JVBERi0=' }, 'lise');
    await api.call('session.signIn', { userId: gilles.id, pin: '2468' }, 'gilles');
    const log = await api.call('privacy.accessLog', { memberNumber: number }, 'gilles');
    // Her own record, card and receipt, and the search that listed her.
    expect(log.ok && log.value.map((e) => [e.userName, e.what, e.memberNumber])).toEqual([
      ['Lise Bouchard', 'receipt', number],
      ['Lise Bouchard', 'card', number],
      ['Lise Bouchard', 'profile', number],
      ['Lise Bouchard', 'search', null],
    ]);
    const all = await api.call('privacy.accessLog', {}, 'gilles');
    expect(all.ok && all.value.map((e) => `${e.what} ${e.detail ?? ''}`.trim())).toEqual([
      'export carte-membre.pdf',
      'list liste TRICOT',
      'receipt A-000001',
      'card',
      'profile',
      `search membres ${number}`,
    ]);
    expect(await api.call('privacy.accessLog', {}, 'lise')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is append-only, and what waits in memory is written when the desk closes', async () => {
    const t = ginette();
    const lise = createUser(t.desk, t.admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
    const api = createApiService(t.desk, { log: () => {} });
    await api.call('session.signIn', { userId: lise.id, pin: '1234' });
    await api.call('members.profile', { number: t.number });
    t.desk.close();
    const again = openDesk(t.file);
    expect(again.reader.rawAll<{ what: string }>('SELECT what FROM access_log').map((e) => e.what)).toEqual(['profile']);
    expect(() => again.connection.rawDatabase.exec('DELETE FROM access_log')).toThrow('append-only: access_log');
    expect(() => again.connection.rawDatabase.exec("UPDATE access_log SET user_id = 'x'")).toThrow('append-only: access_log');
    again.close();
  });
});
