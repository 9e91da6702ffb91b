import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src-main/db/sql.js';
import { verifyDatabase, type Anchor, type Violation } from '../../src-main/core/ledger/verify.js';
import { tempFolder } from '../helpers.js';
import { everyOperation } from './every-operation.js';

/**
 * Consistent tampering: edits made together so that every invariant still holds — totals balance,
 * counters follow, the chain is intact. Only the replay (the tables against what the log says)
 * or an anchor kept outside the file can find them.
 */
const day = await everyOperation();
day.desk.close();
const folder = tempFolder();
let copies = 0;
const open: BetterSqlite3.Database[] = [];
afterAll(() => {
  for (const db of open) db.close();
});

function tampered(statements: string[], anchors: Anchor[] = []): Violation[] {
  const file = join(folder, `copy-${++copies}.sqlite`);
  copyFileSync(day.file, file);
  const db = new BetterSqlite3(file);
  open.push(db);
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER ${name}`);
  db.transaction(() => statements.forEach((statement) => db.exec(statement)))();
  return verifyDatabase(new Reader(db), { anchors });
}

const checks = (violations: Violation[]) => [...new Set(violations.map((v) => v.check))].sort();
const ORDER = "(SELECT id FROM sale_order WHERE receipt_number = 'A-000003')";

describe('verify finds consistent tampering', () => {
  it('finds nothing on the untouched day', () => {
    expect(tampered([])).toEqual([]);
  });

  it('finds a sale’s line, payment and total changed together', () => {
    const found = tampered([
      `UPDATE order_line SET amount_cents = amount_cents - 1000 WHERE order_id = ${ORDER} AND position = 1`,
      `UPDATE payment SET amount_cents = amount_cents - 1000 WHERE order_id = ${ORDER}`,
      `UPDATE sale_order SET total_cents = total_cents - 1000 WHERE id = ${ORDER}`,
    ]);
    expect(checks(found)).toEqual(['replay']);
    expect(found.map((v) => v.ref).sort()).toEqual(['order_line', 'order_line', 'payment', 'payment', 'sale_order', 'sale_order']);
  });

  it('finds cash turned into card in the drawer', () => {
    const found = tampered([
      "UPDATE payment SET method = 'card', tendered_cents = NULL, change_cents = NULL, card_auth_code = 'FAUX1' WHERE id = (SELECT p.id FROM payment p JOIN sale_order o ON o.id = p.order_id WHERE p.method = 'cash' AND o.kind = 'sale' ORDER BY o.receipt_seq DESC LIMIT 1)",
    ]);
    expect(checks(found)).toContain('replay');
    expect(found.filter((v) => v.check === 'replay').map((v) => v.ref)).toEqual(['payment', 'payment']);
  });

  it('finds a sale moved to another member', () => {
    const found = tampered([`UPDATE sale_order SET member_id = (SELECT id FROM member ORDER BY number DESC LIMIT 1) WHERE id = ${ORDER}`]);
    expect(checks(found)).toEqual(['replay']);
  });

  it('finds a member’s name or a registration changed behind the log', () => {
    expect(checks(tampered(["UPDATE member SET last_name = 'Autre' WHERE number = 100000"]))).toEqual(['replay']);
    expect(checks(tampered(["UPDATE registration SET source = 'online' WHERE id = (SELECT min(id) FROM registration)"]))).toEqual(['replay']);
  });

  it('finds the last renewal deleted with its log entries and the counters rewound, once an anchor holds the entry', () => {
    const db = new BetterSqlite3(day.file, { readonly: true });
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    db.close();
    // The last entries are the batch of members: delete the last one and everything it made.
    const rewind = [
      `DELETE FROM audit_log WHERE seq = ${head.seq}`,
      'DELETE FROM member_search_key WHERE member_id = (SELECT id FROM member ORDER BY number DESC LIMIT 1)',
      'DELETE FROM member_key WHERE member_id = (SELECT id FROM member ORDER BY number DESC LIMIT 1)',
      'UPDATE member_number_block SET next_number = next_number - 1 WHERE next_number = (SELECT max(number) + 1 FROM member)',
      'DELETE FROM member WHERE number = (SELECT max(number) FROM member)',
    ];
    // Without an anchor the rewound file is consistent: nothing on the desk itself can tell.
    expect(tampered(rewind)).toEqual([]);
    // A backup (or the central server) that saw the entry finds it gone.
    const found = tampered(rewind, [{ source: 'la sauvegarde du 28 novembre', seq: head.seq, hash: head.hash }]);
    expect(found).toEqual([
      {
        check: 'anchors',
        message: `Journal d'audit : l'entrée ${head.seq}, présente dans la sauvegarde du 28 novembre, a disparu (des opérations ont été effacées depuis).`,
        ref: `audit:${head.seq}`,
      },
    ]);
  });
});
