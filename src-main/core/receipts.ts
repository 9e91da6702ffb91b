import { ComptoirError } from './errors.js';
import type { WriteContext } from './write.js';

export function formatReceiptNumber(prefix: string, seq: number): string {
  return `${prefix}-${String(seq).padStart(6, '0')}`;
}

/**
 * Takes this desk's next receipt number. The counter moves in the same transaction as the
 * order, so a crash or a refused sale leaves no gap: numbers are gap-free per desk, and unique
 * across desks through the desk prefix.
 */
export function takeReceiptNumber(ctx: WriteContext): { seq: number; receiptNumber: string } {
  const desk = ctx.w.get(
    ctx.w.qb.selectFrom('desk').select(['next_receipt_seq', 'receipt_prefix']).where('id', '=', ctx.desk.id),
  );
  if (!desk) throw new ComptoirError('DATABASE_NOT_INITIALIZED');
  const seq = desk.next_receipt_seq;
  ctx.w.run(ctx.w.qb.updateTable('desk').set({ next_receipt_seq: seq + 1 }).where('id', '=', ctx.desk.id));
  return { seq, receiptNumber: formatReceiptNumber(desk.receipt_prefix, seq) };
}
