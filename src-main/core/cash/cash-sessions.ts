import { z } from 'zod';
import type { CashSessionTable } from '../../db/schema.js';
import type { Reader } from '../../db/sql.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { DENOMINATIONS, type Cents } from '../../../src-shared/money.js';
import { parseInput, positiveCents, text } from '../../../src-shared/validation.js';
import { ROLES } from '../../../src-shared/roles.js';
import { commitWrite, type Actor } from '../ledger/write.js';
import type { CashSessionView } from './views.js';

/**
 * A drawer count: how many of each Canadian bill and coin, keyed by value in cents
 * ("10000" for 100 $ bills … "5" for nickels). Missing denominations count as zero.
 */
export const cashCountSchema = z
  .object(Object.fromEntries(DENOMINATIONS.map((d) => [String(d), z.number().int().min(0).max(100_000).optional()])))
  .strict();
export type CashCount = Partial<Record<`${(typeof DENOMINATIONS)[number]}`, number>>;

export function countTotal(count: CashCount): Cents {
  return DENOMINATIONS.reduce((sum, d) => sum + d * (count[`${d}`] ?? 0), 0);
}

function normalizedCount(count: CashCount): CashCount {
  return Object.fromEntries(DENOMINATIONS.map((d) => [`${d}`, count[`${d}`] ?? 0])) as CashCount;
}

export function openSessionRow(r: Reader, deskId: string): CashSessionTable | undefined {
  return r.rawGet<CashSessionTable>('SELECT * FROM cash_session WHERE desk_id = ? AND closed_at IS NULL', deskId);
}

export function requireOpenSession(r: Reader, deskId: string): CashSessionTable {
  const session = openSessionRow(r, deskId);
  if (!session) throw new ComptoirError('NO_OPEN_CASH_SESSION');
  return session;
}

/**
 * Cash that went through the drawer in a session, by source. (`+p.method` keeps SQLite on the
 * session's orders instead of walking every cash payment ever made through the method index.)
 */
export function sessionCashFlows(r: Reader, sessionId: string): { sales: Cents; in: Cents; out: Cents } {
  const sales = r.rawGet<{ total: number | null }>(
    `SELECT sum(p.amount_cents) AS total FROM payment p JOIN sale_order o ON o.id = p.order_id
     WHERE o.cash_session_id = ? AND +p.method = 'cash'`,
    sessionId,
  );
  const moves = r.rawGet<{ cash_in: number | null; cash_out: number | null }>(
    `SELECT sum(CASE WHEN kind = 'in' THEN amount_cents END) AS cash_in,
       sum(CASE WHEN kind = 'out' THEN amount_cents END) AS cash_out
     FROM cash_movement WHERE cash_session_id = ?`,
    sessionId,
  );
  return { sales: sales?.total ?? 0, in: moves?.cash_in ?? 0, out: moves?.cash_out ?? 0 };
}

export function sessionView(r: Reader, row: CashSessionTable): CashSessionView {
  const flows = sessionCashFlows(r, row.id);
  const names = r.rawGet<{ opened: string; closed: string | null }>(
    'SELECT (SELECT name FROM app_user WHERE id = ?) AS opened, (SELECT name FROM app_user WHERE id = ?) AS closed',
    row.opened_by,
    row.closed_by,
  );
  return {
    id: row.id,
    businessDate: row.business_date,
    openedAt: row.opened_at,
    openedBy: names?.opened ?? '',
    floatCents: row.float_cents,
    floatCount: JSON.parse(row.float_count) as CashCount,
    cashSalesCents: flows.sales,
    cashInCents: flows.in,
    cashOutCents: flows.out,
    expectedCents: row.expected_cents ?? row.float_cents + flows.sales + flows.in - flows.out,
    closedAt: row.closed_at,
    closedBy: names?.closed ?? null,
    countedCents: row.counted_cents,
    closingCount: row.closing_count ? (JSON.parse(row.closing_count) as CashCount) : null,
    differenceCents: row.difference_cents,
    differenceReason: row.difference_reason,
  };
}

/**
 * Money going out of a drawer follows one rule, whatever takes it out (a cash-out, the cash a
 * void or a refund gives back): never more than the drawer should hold.
 *
 * @throws NOT_ENOUGH_CASH
 */
export function requireCashInDrawer(r: Reader, session: CashSessionTable, amountCents: number): void {
  if (amountCents <= 0) return;
  const available = sessionView(r, session).expectedCents;
  if (amountCents > available) throw new ComptoirError('NOT_ENOUGH_CASH', { availableCents: available, amountCents });
}

export function currentCashSession(desk: Desk): CashSessionView | null {
  const row = openSessionRow(desk.reader, desk.id);
  return row ? sessionView(desk.reader, row) : null;
}

/** The last closing count of this desk: the volunteer may accept it as the new float. */
export function lastClosingCount(desk: Desk): CashCount | null {
  const r = desk.reader;
  const row = r.get(
    r.qb
      .selectFrom('cash_session')
      .select('closing_count')
      .where('desk_id', '=', desk.id)
      .where('closed_at', 'is not', null)
      .orderBy('closed_at', 'desc')
      .limit(1),
  );
  return row?.closing_count ? (JSON.parse(row.closing_count) as CashCount) : null;
}

export const openSchema = z.object({ count: cashCountSchema }).strict();

/** Opens the drawer with a counted float. One open session per desk; sales need one. */
export function openCashSession(desk: Desk, actor: Actor, input: unknown): CashSessionView {
  const { count } = parseInput(openSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const open = openSessionRow(ctx.r, desk.id);
    if (open) throw new ComptoirError('CASH_SESSION_ALREADY_OPEN', { openedAt: open.opened_at });
    const sessionId = ctx.newId();
    ctx.record({ kind: 'cash_session.open', version: 1, sessionId, businessDate: ctx.today, floatCount: normalizedCount(count as CashCount) });
    return sessionView(ctx.r, openSessionRow(ctx.r, desk.id)!);
  }, { roles: ROLES.desk });
}

export const movementSchema = z.object({ kind: z.enum(['in', 'out']), amountCents: positiveCents, reason: text(200) }).strict();

/**
 * Cash put in or taken out of the drawer for a reason other than a sale (change, a deposit).
 * Taking cash out is the treasurer's (docs/ROLES.md); putting change in, anyone at the desk's.
 */
export function recordCashMovement(desk: Desk, actor: Actor, input: unknown): CashSessionView {
  const values = parseInput(movementSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const session = requireOpenSession(ctx.r, desk.id);
    if (values.kind === 'out') requireCashInDrawer(ctx.r, session, values.amountCents);
    ctx.record({
      kind: 'cash_session.movement',
      version: 1,
      movementId: ctx.newId(),
      sessionId: session.id,
      direction: values.kind,
      amountCents: values.amountCents,
      reason: values.reason,
    });
    return sessionView(ctx.r, session);
  }, { roles: values.kind === 'out' ? ROLES.treasury : ROLES.desk });
}

export const closeSchema = z
  .object({ count: cashCountSchema, reason: z.string().trim().max(500).nullish().transform((v) => v || null) })
  .strict();

/**
 * Closes the drawer with a count. Any over/short needs a reason; the session is then locked
 * (a database trigger refuses any later change).
 */
export function closeCashSession(desk: Desk, actor: Actor, input: unknown): CashSessionView {
  const values = parseInput(closeSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const session = requireOpenSession(ctx.r, desk.id);
    const expected = sessionView(ctx.r, session).expectedCents;
    const closingCount = normalizedCount(values.count as CashCount);
    const counted = countTotal(closingCount);
    const difference = counted - expected;
    if (difference !== 0 && !values.reason) {
      throw new ComptoirError('DIFFERENCE_REASON_REQUIRED', { differenceCents: difference });
    }
    ctx.record({ kind: 'cash_session.close', version: 1, sessionId: session.id, closingCount, expectedCents: expected, reason: values.reason });
    return sessionView(ctx.r, ctx.r.rawGet<CashSessionTable>('SELECT * FROM cash_session WHERE id = ?', session.id)!);
  }, { roles: ROLES.desk });
}
