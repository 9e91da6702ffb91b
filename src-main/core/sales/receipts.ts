import { z } from 'zod';
import { prepared, type Reader } from '../../db/sql.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { findOrderRow } from './orders.js';
import { parseInput } from '../../../src-shared/validation.js';
import { isAllowed, ROLES } from '../../../src-shared/roles.js';
import { commitWrite, type Actor } from '../ledger/write.js';

export function formatReceiptNumber(prefix: string, seq: number): string {
  return `${prefix}-${String(seq).padStart(6, '0')}`;
}

const deskCounter = prepared((qb, p: { deskId: string }) =>
  qb.selectFrom('desk').select(['next_receipt_seq', 'receipt_prefix']).where('id', '=', p.deskId),
);

/**
 * This desk's next receipt number. The counter moves in the same transaction as the order (the
 * order's operation moves it), so a crash or a refused sale leaves no gap: numbers are gap-free
 * per desk, and unique across desks through the desk prefix.
 */
export function nextReceiptNumber(r: Reader, deskId: string): { seq: number; receiptNumber: string } {
  const desk = deskCounter.get(r, { deskId });
  if (!desk) throw new ComptoirError('DATABASE_NOT_INITIALIZED');
  return { seq: desk.next_receipt_seq, receiptNumber: formatReceiptNumber(desk.receipt_prefix, desk.next_receipt_seq) };
}

export const emailReceiptSchema = z
  .object({ receiptNumber: z.string().trim().min(1).max(30), email: z.email().optional() })
  .strict();

/**
 * Asks for a receipt to be emailed. The desk holds no mail secrets: the request waits in the
 * outbox and the central server sends it. Without an address, the member's own is used; another
 * address than the one on file is the treasurer's call (a receipt names the member and what they
 * paid: docs/ROLES.md). A member without an address may give one at the desk.
 *
 * @throws NO_EMAIL_ADDRESS, RECEIPT_EMAIL_ELSEWHERE
 */
export function emailReceipt(desk: Desk, actor: Actor, input: unknown): { receiptNumber: string; email: string } {
  const values = parseInput(emailReceiptSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const order = findOrderRow(ctx.r, values.receiptNumber);
    const memberEmail = order.member_id
      ? ctx.r.get(ctx.r.qb.selectFrom('member').select('email').where('id', '=', order.member_id))?.email
      : null;
    const email = values.email ?? memberEmail;
    if (!email) throw new ComptoirError('NO_EMAIL_ADDRESS');
    const elsewhere = memberEmail && email.toLowerCase() !== memberEmail.toLowerCase();
    if (elsewhere && !isAllowed(ctx.role, ROLES.treasury)) throw new ComptoirError('RECEIPT_EMAIL_ELSEWHERE', { roles: ROLES.treasury });
    ctx.record({ kind: 'receipt.email', version: 1, orderId: order.id, receiptNumber: order.receipt_number, email, language: ctx.desk.language });
    return { receiptNumber: order.receipt_number, email };
  }, { roles: ROLES.desk });
}
