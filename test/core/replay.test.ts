import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../src-main/db/connection.js';
import { openDesk } from '../../src-main/core/desk/desk.js';
import { keyRingOf, openLogged } from '../../src-main/core/privacy/sealing.js';
import { auditEntries, operationOf } from '../../src-main/core/ledger/audit.js';
import { replayLog, tableDifferences, type IgnoredColumns } from '../../src-main/core/ledger/replay.js';
import { verifyDatabase } from '../../src-main/core/ledger/verify.js';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { voidOrder } from '../../src-main/core/sales/corrections.js';
import { systemUserId } from '../../src-main/core/desk/setup.js';
import { updateMember } from '../../src-main/core/members/members.js';
import { fixedClock } from '../../src-shared/clock.js';
import { z } from 'zod';
import { operationReader, parseOperation } from '../../src-shared/operations/index.js';
import { userUnlockV1 } from '../../src-shared/operations/desk.js';
import { pendingOperations } from '../../src-main/core/ledger/outbox.js';
import { everyOperation } from './every-operation.js';
import { legacyDeskFile, tempFolder } from '../helpers.js';

/** What Comptoir 0.1 never logged, or logged differently (see src-shared/operations/legacy.ts). */
const NOT_IN_A_0_1_LOG: IgnoredColumns = {
  app_user: ['pin_hash'],
  member_number_block: ['id'],
  order_line: ['description'],
};

function replayInto(sourceFile: string) {
  const source = openConnection(sourceFile);
  const scratch = openConnection(join(tempFolder(), 'replayed.sqlite'), { create: true });
  const { operations } = replayLog(source.reader, scratch);
  return { source, scratch, operations };
}

describe('replaying the log', () => {
  it('replays a log written by Comptoir 0.1 through the operation handlers and gets the same tables', () => {
    const { source, scratch, operations } = replayInto(legacyDeskFile());
    expect(operations).toBe(99);
    expect(tableDifferences(source.reader, scratch.reader, NOT_IN_A_0_1_LOG)).toEqual([]);
    expect(verifyDatabase(source.reader)).toEqual([]);
    source.close();
    scratch.close();
  });

  it('reads every 0.1 entry as an operation of today’s catalogue', () => {
    const source = openConnection(legacyDeskFile());
    const keys = keyRingOf(source.reader);
    const kinds = new Set([...auditEntries(source.reader)].map((entry) => operationOf(entry, keys).kind));
    expect([...kinds].sort()).toEqual([
      'activity.create', 'card.approved', 'cash_session.close', 'cash_session.movement', 'cash_session.open', 'desk.init',
      'member.create', 'member.update', 'number_block.add', 'order.refund', 'order.sale', 'order.void', 'receipt.email',
      'registration.cancel', 'registration.create', 'settings.update', 'user.create', 'user.sign_in', 'user.unlock',
    ]);
    source.close();
  });

  it('keeps selling on a migrated 0.1 desk, and the mixed log still replays to the same tables', () => {
    const file = legacyDeskFile();
    const clock = fixedClock('2026-12-01T15:00:00Z');
    const desk = openDesk(file, { clock });
    const admin = { userId: systemUserId(desk) };
    openCashSession(desk, admin, { count: { '2000': 5 } });
    const sale = checkout(desk, admin, { memberNumber: 100000, lines: [{ kind: 'membership', force: true }, { kind: 'donation', amountCents: 242 }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
    updateMember(desk, admin, 100001, { city: 'Lévis', householdOf: 100000 });
    voidOrder(desk, admin, { receiptNumber: sale.order.receiptNumber, reason: 'Erreur', cardRefunds: [] });
    desk.close();
    const { source, scratch } = replayInto(file);
    expect(tableDifferences(source.reader, scratch.reader, NOT_IN_A_0_1_LOG)).toEqual([]);
    expect(verifyDatabase(source.reader)).toEqual([]);
    source.close();
    scratch.close();
  });

  it('replays a log written today to exactly the same tables, column for column', async () => {
    const day = await everyOperation();
    day.desk.close();
    const { source, scratch, operations } = replayInto(day.file);
    expect(operations).toBe(104);
    expect(tableDifferences(source.reader, scratch.reader)).toEqual([]);
    source.close();
    scratch.close();
  });

  it('finds the difference when a table says something the log does not', async () => {
    const day = await everyOperation();
    day.desk.close();
    const sqlite = new BetterSqlite3(day.file);
    sqlite.exec("DROP TRIGGER payment_append_only_u; UPDATE payment SET method = 'card' WHERE method = 'cash' AND amount_cents = 2500");
    sqlite.close();
    const { source, scratch } = replayInto(day.file);
    const differences = tableDifferences(source.reader, scratch.reader);
    expect(differences.map((d) => d.table)).toEqual(['payment']);
    source.close();
    scratch.close();
  });

  it('refuses an operation whose facts do not fit its kind', () => {
    expect(() => parseOperation('member.update', 1, JSON.stringify({ memberId: 'x', changes: { shoeSize: 42 }, household: null }))).toThrow();
    expect(() => parseOperation('order.teleport', 1, '{}')).toThrow();
    expect(() => parseOperation('member.update', 9, JSON.stringify({ memberId: 'x', changes: {}, household: null }))).toThrow();
  });
});

describe('operation versions', () => {
  it('reads a sale written before prices could be lowered (order.sale v1) as v2, every line at the club’s price', () => {
    const line = { id: 'l1', position: 1, kind: 'membership', memberId: 'm1', activityId: null, amountCents: 2500, originalLineId: null };
    const order = { id: 'o1', receiptNumber: 'A-000001', receiptSeq: 1, cashSessionId: 's1', memberId: 'm1', totalCents: 2500, businessDate: '2026-11-27', originalOrderId: null, reason: null };
    const v1 = { order, lines: [line], payments: [], periods: [], registrations: [], credit: [] };
    expect(parseOperation('order.sale', 1, JSON.stringify(v1))).toEqual({ kind: 'order.sale', version: 2, ...v1, lines: [{ ...line, listPriceCents: null, priceReason: null }] });
    // A v1 entry holding v2's fields was edited by hand: refused, not read.
    expect(() => parseOperation('order.sale', 1, JSON.stringify({ ...v1, lines: [{ ...line, listPriceCents: 3000, priceReason: 'x' }] }))).toThrow();
  });

  it('reads an older version of a kind through its upcaster, to the current shape', () => {
    // A made-up future: user.unlock at v2 carries who asked; v1 entries are read as v2.
    const v2 = z.object({ kind: z.literal('user.unlock'), version: z.literal(2), userId: z.string(), askedBy: z.string().nullable() }).strict();
    const read = operationReader(v2, {
      'user.unlock': { 1: { schema: userUnlockV1, upcast: (v1) => ({ ...v1, version: 2, askedBy: null }) } },
    });
    expect(read('user.unlock', 1, JSON.stringify({ userId: 'u1' }))).toEqual({ kind: 'user.unlock', version: 2, userId: 'u1', askedBy: null });
    expect(read('user.unlock', 2, JSON.stringify({ userId: 'u1', askedBy: 'a' }))).toMatchObject({ version: 2, askedBy: 'a' });
    expect(() => read('user.unlock', 3, JSON.stringify({ userId: 'u1' }))).toThrow();
  });

  it('hands the central server each pending operation with its version', async () => {
    const day = await everyOperation();
    const pending = pendingOperations(day.desk.reader, 1000);
    expect(pending.length).toBeGreaterThan(90);
    // Personal fields travel sealed: the server opens them with the member keys it is given.
    const keys = keyRingOf(day.desk.reader);
    for (const op of pending) expect(() => parseOperation(op.action, op.version!, openLogged(op.payload, keys, { operation_id: op.operationId, action: op.action }) as object)).not.toThrow();
    expect(pending.some((op) => op.payload.includes('"$sealed"'))).toBe(true);
    day.desk.close();
  });
});
