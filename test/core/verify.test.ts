import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Reader } from '../../src-main/db/sql.js';
import { verifyDatabase, type Violation } from '../../src-main/core/ledger/verify.js';
import { tempFolder } from '../helpers.js';
import { busyDay } from './busy-day.js';

/**
 * Each test tampers by hand with its own copy of a sound database — the way someone with the
 * file and a SQLite shell could — and checks that verify names exactly that problem. The replay
 * check (the tables against the log) finds most of these edits too: its own tests are in
 * tamper.test.ts, and it is left out of the lists here.
 */
const day = busyDay();
const folder = tempFolder();
let copies = 0;
const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function tamper(...statements: string[]): Violation[] {
  const file = join(folder, `copy-${++copies}.sqlite`);
  day.desk.connection.rawDatabase.exec(`VACUUM INTO '${file}'`);
  const db = new BetterSqlite3(file);
  open.push(db);
  // The append-only triggers would refuse the edits below: a tamperer drops them first.
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) {
    db.exec(`DROP TRIGGER ${name}`);
  }
  for (const statement of statements) db.exec(statement);
  // Money is formatted with no-break spaces (« 85,00 $ »); plain spaces read better here.
  return verifyDatabase(new Reader(db))
    .filter((v) => v.check !== 'replay')
    .map((v) => ({ ...v, message: v.message.replace(/\u00a0/g, ' ') }));
}

const checks = (violations: Violation[]) => [...new Set(violations.map((v) => v.check))].sort();
const auditSeqOf = (action: string) =>
  day.desk.reader.rawGet<{ seq: number }>('SELECT seq FROM audit_log WHERE action = ? ORDER BY seq LIMIT 1', action)!.seq;

describe('verify', () => {
  it('finds nothing wrong with a busy day of sales, voids, refunds and a closed drawer', () => {
    expect(verifyDatabase(day.desk.reader)).toEqual([]);
  });

  it('catches an edited payment: the receipt no longer balances', () => {
    const found = tamper("UPDATE payment SET amount_cents = amount_cents + 100 WHERE method = 'cheque'");
    expect(found).toEqual([
      { check: 'order_totals', message: 'Le reçu A-000003 ne balance pas : total 85,00 $, articles 85,00 $, paiements 86,00 $.', ref: 'A-000003' },
    ]);
  });

  it('catches a deleted audit entry: the chain breaks and the void it recorded would never reach the server', () => {
    const seq = auditSeqOf('order.void');
    const found = tamper(`DELETE FROM audit_log WHERE seq = ${seq}`);
    expect(checks(found)).toEqual(['audit_chain', 'outbox_coverage']);
    expect(found.map((v) => v.message)).toContain(`Journal d'audit : l'entrée ${seq} a disparu avant l'entrée ${seq + 1}.`);
    expect(found.find((v) => v.check === 'outbox_coverage')!.message).toMatch(/n'a aucune opération dans le journal/);
  });

  it('catches a rewritten audit entry (which is also what the server would be sent): its hash no longer matches', () => {
    const seq = auditSeqOf('order.refund');
    const found = tamper(`UPDATE audit_log SET after_json = replace(after_json, 'Cours annulé', 'Autre raison') WHERE seq = ${seq}`);
    expect(checks(found)).toEqual(['audit_chain']);
    expect(found.filter((v) => v.check === 'audit_chain')).toEqual([
      { check: 'audit_chain', message: `Journal d'audit : l'entrée ${seq} a été modifiée après coup.`, ref: `audit:${seq}` },
    ]);
  });

  it('catches a server acknowledgement beyond what this desk wrote', () => {
    const found = tamper('UPDATE sync_state SET acknowledged_seq = 1000000');
    expect(checks(found)).toEqual(['audit_outbox']);
    expect(found[0]!.message).toMatch(/se dit reçue par le serveur jusqu'à l'opération 1000000/);
  });

  it('catches a member slipped in by hand, with no operation for the server', () => {
    const found = tamper(
      `INSERT INTO member (id, number, first_name, last_name, sort_name, created_at, created_by, updated_at)
       SELECT 'intrus', next_number, 'Ghislain', 'Fantôme', 'fantome ghislain', '2026-11-27', (SELECT id FROM app_user), '2026-11-27'
       FROM member_number_block`,
      'UPDATE member_number_block SET next_number = next_number + 1',
    );
    expect(found).toEqual([{ check: 'outbox_coverage', message: "Le membre no 100005 n'a aucune opération dans le journal.", ref: '100005' }]);
  });

  it('catches a skipped receipt number and a receipt counter out of step', () => {
    const skipped = tamper(
      "UPDATE sale_order SET receipt_seq = 8, receipt_number = 'A-000008' WHERE receipt_number = 'A-000007'",
      'UPDATE desk SET next_receipt_seq = 9',
    );
    expect(skipped).toEqual([
      { check: 'receipts', message: 'Poste A : le reçu no 7 manque (les reçus doivent se suivre sans trou).', ref: 'A-7' },
    ]);
    const counter = tamper('UPDATE desk SET next_receipt_seq = 5');
    expect(counter).toEqual([{ check: 'receipts', message: 'Poste A : le prochain numéro de reçu est 5, il devrait être 8.', ref: 'A' }]);
  });

  it('catches a rounding line on a cheque-only receipt, even when the totals still add up', () => {
    const found = tamper(
      "UPDATE order_line SET amount_cents = amount_cents - 1 WHERE position = 1 AND order_id = (SELECT id FROM sale_order WHERE receipt_number = 'A-000003')",
      `INSERT INTO order_line (id, order_id, position, kind, description, amount_cents)
       SELECT 'arrondi', id, 9, 'rounding', 'Arrondi', 1 FROM sale_order WHERE receipt_number = 'A-000003'`,
    );
    expect(found).toEqual([{ check: 'rounding', message: "Le reçu A-000003 a une ligne d'arrondi sans paiement comptant.", ref: 'A-000003' }]);
  });

  it('catches cash change that does not add up', () => {
    const found = tamper("UPDATE payment SET change_cents = change_cents + 5 WHERE method = 'cash' AND change_cents = 1500");
    expect(checks(found)).toEqual(['cash_payments']);
  });

  it('catches a void that points to no sale', () => {
    const found = tamper('PRAGMA foreign_keys = OFF', "UPDATE sale_order SET original_order_id = 'disparu' WHERE kind = 'void'");
    expect(found).toEqual([{ check: 'corrections', message: "L'annulation A-000006 renvoie à une transaction qui n'existe pas.", ref: 'A-000006' }]);
  });

  it('catches a member expiry that does not match the memberships', () => {
    const no = day.members.francoise;
    const found = tamper(`UPDATE member SET expires_on = '2030-01-01' WHERE number = ${no}`);
    expect(found).toEqual([
      {
        check: 'membership_expiry',
        message: `Membre no ${no} : la fiche dit « expire le 2030-01-01 » mais ses adhésions disent « expire le 2027-11-27 ».`,
        ref: String(no),
      },
    ]);
  });

  it('catches a negative credit balance', () => {
    const found = tamper(
      `INSERT INTO credit_movement (id, member_id, order_id, amount_cents, created_at)
       SELECT 'dette', m.id, o.id, -500, '2026-11-27' FROM member m, sale_order o WHERE m.number = ${day.members.jean} AND o.receipt_seq = 4`,
    );
    expect(found).toEqual([{ check: 'credit', message: `Membre no ${day.members.jean} : le crédit est négatif (-5,00 $).`, ref: String(day.members.jean) }]);
  });

  it('catches a closed drawer whose expected cash was changed', () => {
    const found = tamper("UPDATE cash_session SET expected_cents = expected_cents + 100 WHERE business_date = '2026-11-27'");
    expect(checks(found)).toEqual(['cash_sessions']);
    expect(found.map((v) => v.message)).toEqual([
      'Caisse du poste A du 2026-11-27 : le montant attendu enregistré (78,40 $) ne correspond pas au fonds de caisse et aux mouvements (77,40 $).',
      "Caisse du poste A du 2026-11-27 : l'écart enregistré (-2,00 $) n'est pas compté − attendu (-3,00 $).",
    ]);
  });

  it('catches two drawers open at once on one desk', () => {
    const open = `INSERT INTO cash_session (id, desk_id, business_date, opened_at, opened_by, float_cents, float_count)
      SELECT ?, id, '2026-11-28', '2026-11-28T14:00:00Z', (SELECT id FROM app_user), 0, '{}' FROM desk`;
    const found = tamper('DROP INDEX cash_session_one_open_per_desk', open.replace('?', "'s1'"), open.replace('?', "'s2'"));
    expect(found).toEqual([{ check: 'open_sessions', message: 'Le poste A a 2 caisses ouvertes en même temps (une seule permise).', ref: 'A' }]);
  });

  it('catches an activity with more registered members than places', () => {
    const found = tamper(
      `INSERT INTO registration (id, activity_id, member_id, status, source, created_at, created_by)
       SELECT 'r' || m.number, a.id, m.id, 'registered', 'leader', '2026-11-27', m.created_by
       FROM activity a, member m WHERE a.code = 'PEINT' AND m.number IN (${day.members.jean}, ${day.members.helene})`,
    );
    expect(found).toEqual([{ check: 'capacity', message: "L'activité PEINT compte 3 inscrits pour 2 places.", ref: 'PEINT' }]);
  });

  it('catches a number block that would hand out a number again', () => {
    const found = tamper('UPDATE member_number_block SET next_number = first_number + 2');
    expect(found).toEqual([
      {
        check: 'member_numbers',
        message: 'Le bloc de numéros 100000–999999 a déjà donné le numéro 100004, mais son prochain numéro est 100002 : il le redonnerait.',
        ref: '100000-999999',
      },
    ]);
  });

  it('stops listing after 100 problems of one kind and counts the rest', () => {
    const found = tamper(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
       INSERT INTO member (id, number, first_name, last_name, sort_name, created_at, created_by, updated_at)
       SELECT 'x' || i, 1000000 + i, 'X', 'Y', 'y x', '2026-11-27', (SELECT id FROM app_user), '2026-11-27' FROM n`,
    );
    const coverage = found.filter((v) => v.check === 'outbox_coverage');
    expect(coverage).toHaveLength(101);
    expect(coverage.at(-1)).toEqual({ check: 'outbox_coverage', message: '… et 50 autres problèmes du même genre.' });
  });
});
