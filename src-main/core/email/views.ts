import { z } from 'zod';
import type { Reader } from '../../db/sql.js';
import type { EmailDeliveryTable } from '../../db/schema.js';
import { EMAIL_FAILURES, EMAIL_KINDS } from '../../../src-shared/operations/email.js';

export const orderEmailSchema = z.object({
  kind: z.enum(EMAIL_KINDS),
  /** When a volunteer asked for it (a receipt); null for a membership's confirmation, which the sale itself asks for. */
  requestedAt: z.string().nullable(),
  /** `pending` until the server says what became of it. */
  status: z.enum(['pending', 'sent', 'failed']),
  failure: z.enum(EMAIL_FAILURES).nullable(),
  smtpCode: z.number().int().nullable(),
  /** Tries the server made. */
  attempts: z.number().int(),
  /** When the server sent it or gave up, as it reported. */
  at: z.string().nullable(),
  /** While pending: whether the club's server has the request already (it sends it), or it leaves with this desk's next push. */
  atServer: z.boolean(),
});
export type OrderEmail = z.infer<typeof orderEmailSchema>;

/**
 * The emails of a sale, oldest first: each receipt a volunteer asked to email (here or at
 * another desk), waiting until the server reports on it, and the membership confirmations the
 * server reported on.
 */
export function emailsOfOrder(r: Reader, orderId: string): OrderEmail[] {
  // A request pulled from another desk is at the server; one of this desk's once the server acknowledged it.
  const requests = r.rawAll<{ operation_id: string; at: string; at_server: number }>(
    `SELECT operation_id, at, seq <= (SELECT acknowledged_seq FROM sync_state WHERE id = 1) AS at_server FROM audit_log WHERE action = 'receipt.email' AND entity_id = ?
     UNION ALL SELECT operation_id, at, 1 AS at_server FROM pulled_entry WHERE action = 'receipt.email' AND entity_id = ?
     ORDER BY at`,
    orderId,
    orderId,
  );
  const deliveries = new Map(r.rawAll<EmailDeliveryTable>('SELECT * FROM email_delivery WHERE order_id = ? ORDER BY at', orderId).map((row) => [row.email_id, row]));
  const reported = (row: EmailDeliveryTable | undefined, atServer: boolean) =>
    row
      ? { status: row.status, failure: row.failure, smtpCode: row.smtp_code, attempts: row.attempts, at: row.at, atServer: true }
      : { status: 'pending' as const, failure: null, smtpCode: null, attempts: 0, at: null, atServer };
  const receipts = requests.map((request): OrderEmail => ({ kind: 'receipt', requestedAt: request.at, ...reported(deliveries.get(request.operation_id), request.at_server === 1) }));
  const memberships = [...deliveries.values()].filter((row) => row.email_kind === 'membership').map((row): OrderEmail => ({ kind: 'membership', requestedAt: null, ...reported(row, true) }));
  return [...receipts, ...memberships];
}
