import type { Transaction } from 'kysely';
import { operationOf } from '../../src-main/core/ledger/audit.js';
import { addDays, businessDate } from '../../src-shared/dates.js';
import type { Operation, OperationOf } from '../../src-shared/operations/index.js';
import type { Attachment } from '../../src-shared/sync-protocol.js';
import type { EmailMessageTable, OperationTable, ServerDatabase } from '../db/schema.js';
import { memberDetails } from '../members.js';

type Trx = Transaction<ServerDatabase>;

/** The kinds of entry that ask the server for an email. */
export const EMAILING_KINDS = new Set(['receipt.email', 'order.sale']);

/**
 * How old a sale may be when it reaches the server and still have its membership confirmed by
 * email: a desk offline all day syncs that evening or the next morning; a desk that comes back
 * with last month's sales (or a club's history loaded at once) would only confuse members.
 */
export const CONFIRMATION_MAX_AGE_DAYS = 3;

/** A PDF's first bytes: what a desk attaches must be one. */
function isPdf(base64: string): boolean {
  return Buffer.from(base64.slice(0, 8), 'base64').subarray(0, 5).toString('latin1') === '%PDF-';
}

/** The member a sale, void or refund was made out to, from the club's log (null when none, or not arrived). */
async function orderMemberId(trx: Trx, clubId: string, orderId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('operation')
    .selectAll()
    .where('club_id', '=', clubId)
    .where('entity_type', '=', 'order')
    .where('entity_id', '=', orderId)
    .where('action', 'in', ['order.sale', 'order.void', 'order.refund'])
    .executeTakeFirst();
  if (!row) return null;
  const op = operationOf({ ...row, seq: Number(row.desk_seq), redacted_by: null }, () => null);
  return 'order' in op ? op.order.memberId : null;
}

/**
 * Queues the emails an entry the club's log just took asks for (docs/SYNC.md, Email), in the
 * push's transaction: a receipt a volunteer asked to email, with the PDF the desk sent beside
 * it; the confirmation of each membership a sale paid for, to a member with an address on file
 * (the member guide: « vous recevrez un message de confirmation »). Each email is queued once:
 * its id is the request's operation id, or the period's.
 */
export async function queueEmails(trx: Trx, clubId: string, entry: OperationTable, op: Operation, attachments: Attachment[], now: Date): Promise<void> {
  if (op.kind === 'receipt.email') return queueReceipt(trx, clubId, entry, op, attachments, now);
  if (op.kind === 'order.sale') return queueConfirmations(trx, clubId, entry, op, now);
}

async function queueReceipt(trx: Trx, clubId: string, entry: OperationTable, op: OperationOf<'receipt.email'>, attachments: Attachment[], now: Date): Promise<void> {
  const at = now.toISOString();
  await queue(trx, {
      ...queued(clubId, entry.operation_id, at),
      kind: 'receipt',
      operation_id: entry.operation_id,
      order_id: op.orderId,
      order_line_id: null,
      member_id: await orderMemberId(trx, clubId, op.orderId),
      receipt_number: op.receiptNumber,
  });
  const pdf = attachments.find((attachment) => attachment.operationId === entry.operation_id);
  if (pdf && isPdf(pdf.base64)) {
    await trx
      .insertInto('email_attachment')
      .values({ club_id: clubId, email_id: entry.operation_id, filename: pdf.filename, content_base64: pdf.base64 })
      .onConflict((oc) => oc.columns(['club_id', 'email_id']).doNothing())
      .execute();
  }
}

async function queueConfirmations(trx: Trx, clubId: string, entry: OperationTable, op: OperationOf<'order.sale'>, now: Date): Promise<void> {
  if (op.order.businessDate < addDays(businessDate(now), -CONFIRMATION_MAX_AGE_DAYS)) return;
  const at = now.toISOString();
  for (const period of op.periods) {
    // Details the server cannot read hold up no push: queued, the mailer tries them and says so.
    const member = await memberDetails(trx, clubId, period.memberId).catch(() => 'unreadable' as const);
    if (member !== 'unreadable' && !member?.email) continue;
    await queue(trx, {
        ...queued(clubId, period.id, at),
        kind: 'membership',
        operation_id: entry.operation_id,
        order_id: op.order.id,
        order_line_id: period.orderLineId,
        member_id: period.memberId,
        receipt_number: op.order.receiptNumber,
    });
  }
}

/** Queues an email once: one already queued under that id stays as it is (a repeated push). */
async function queue(trx: Trx, email: EmailMessageTable): Promise<void> {
  await trx.insertInto('email_message').values(email).onConflict((oc) => oc.columns(['club_id', 'id']).doNothing()).execute();
}

function queued(clubId: string, id: string, at: string) {
  return {
    club_id: clubId,
    id,
    status: 'queued' as const,
    attempts: 0,
    next_attempt_at: at,
    claimed_until: null,
    failure: null,
    smtp_code: null,
    last_error: null,
    created_at: at,
    finished_at: null,
  };
}
