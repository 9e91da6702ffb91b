import type { CashSessionTable, SaleOrderTable } from '../../db/schema.js';
import type { Reader } from '../../db/sql.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { requireOpenSession } from '../cash/cash-sessions.js';

/**
 * Who may correct a sale, until when, and into which drawer and day — decided here, once, for
 * every caller (the desk's screens, the command line, the server's replay to come):
 *
 * - A **void** undoes a whole sale while the drawer that took it is still open, on the desk that
 *   took it: its money is still in that drawer. Any signed-in volunteer may void.
 * - Once that drawer is closed, the sale is corrected by a **refund** of chosen lines, by the
 *   treasurer or an administrator, paid from this desk's open drawer and dated today. A closed
 *   drawer, and so a closed day, never changes: its report reads the same before and after.
 * - **Money going out of a drawer** — cash given back by a void or a refund, or a cash-out —
 *   never exceeds what the drawer should hold (cash/cash-sessions.ts, requireCashInDrawer).
 */

/**
 * Whether a sale can be voided now, at this desk (the receipt screen offers « Annuler cette
 * vente » only then, so nobody is told to refund a card before being refused).
 */
export function isVoidable(r: Reader, original: SaleOrderTable, deskId: string): boolean {
  if (original.kind !== 'sale') return false;
  if (r.rawGet('SELECT 1 FROM sale_order WHERE original_order_id = ?', original.id)) return false;
  try {
    requireVoidable(r, original, deskId);
    return true;
  } catch (error) {
    if (error instanceof ComptoirError) return false;
    throw error;
  }
}

/**
 * The positions of a sale's lines a refund may still take back: a sale not voided, each line but
 * the cash rounding, once. Empty for voids, refunds and voided sales (the receipt screen offers
 * « Rembourser des articles » only with something to choose).
 */
export function refundableLines(r: Reader, original: SaleOrderTable): number[] {
  if (original.kind !== 'sale') return [];
  if (r.rawGet("SELECT 1 FROM sale_order WHERE original_order_id = ? AND kind = 'void'", original.id)) return [];
  return r
    .rawAll<{ position: number }>(
      `SELECT l.position FROM order_line l
       WHERE l.order_id = ? AND l.kind <> 'rounding'
         AND NOT EXISTS (SELECT 1 FROM order_line c WHERE c.original_line_id = l.id)
       ORDER BY l.position`,
      original.id,
    )
    .map((l) => l.position);
}

/** @throws VOID_DRAWER_CLOSED, VOID_OTHER_DRAWER, NO_OPEN_SESSION */
export function requireVoidable(r: Reader, original: SaleOrderTable, deskId: string): CashSessionTable {
  const session = requireOpenSession(r, deskId);
  if (original.cash_session_id === session.id) return session;
  const taken = original.cash_session_id
    ? r.rawGet<{ closed_at: string | null; desk: string }>(
        'SELECT s.closed_at, d.name AS desk FROM cash_session s JOIN desk d ON d.id = s.desk_id WHERE s.id = ?',
        original.cash_session_id,
      )
    : undefined;
  if (taken && taken.closed_at === null) throw new ComptoirError('VOID_OTHER_DRAWER', { receipt: original.receipt_number, desk: taken.desk });
  throw new ComptoirError('VOID_DRAWER_CLOSED', { receipt: original.receipt_number, date: original.business_date });
}
