import { prepared } from '../db/sql.js';
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
const deskCounter = prepared((qb, p: { deskId: string }) =>
  qb.selectFrom('desk').select(['next_receipt_seq', 'receipt_prefix']).where('id', '=', p.deskId),
);
const moveDeskCounter = prepared((qb, p: { deskId: string; next: number }) =>
  qb.updateTable('desk').set({ next_receipt_seq: p.next }).where('id', '=', p.deskId),
);

export function takeReceiptNumber(ctx: WriteContext): { seq: number; receiptNumber: string } {
  const desk = deskCounter.get(ctx.w, { deskId: ctx.desk.id });
  if (!desk) throw new ComptoirError('DATABASE_NOT_INITIALIZED');
  const seq = desk.next_receipt_seq;
  moveDeskCounter.run(ctx.w, { deskId: ctx.desk.id, next: seq + 1 });
  return { seq, receiptNumber: formatReceiptNumber(desk.receipt_prefix, seq) };
}
