import type { Reader } from '../db/sql.js';
import type { AuditLogTable } from '../db/schema.js';
import { logEntryOf } from '../core/ledger/log-entry.js';
import { operationOf } from '../core/ledger/audit.js';
import { sealedMemberIds } from '../../src-shared/personal-data.js';
import { MAX_PUSH_ATTACHMENTS, MAX_PUSH_ENTRY_BYTES, type LogEntry, type MemberKey } from '../../src-shared/sync-protocol.js';

/** A receipt to email in the batch: its PDF goes with the push (push-client.ts renders it). */
export interface ReceiptToAttach {
  operationId: string;
  receiptNumber: string;
}

/**
 * The next entries of this desk's log to push, after the last one the server acknowledged,
 * with the keys of the members whose personal fields they seal (the server needs them to hand
 * those fields to the club's other desks, and to write to members). The batch holds at most
 * `limit` entries and `maxBytes` of them as JSON (always one), and stops after
 * MAX_PUSH_ATTACHMENTS receipts to email, whose PDFs go along (receiptsToAttach): a push always
 * fits the server's body limit.
 */
export function entriesToPush(r: Reader, afterSeq: number, limit: number, maxBytes = MAX_PUSH_ENTRY_BYTES): { entries: LogEntry[]; keys: MemberKey[] } {
  const rows: AuditLogTable[] = [];
  const entries: LogEntry[] = [];
  let receipts = 0;
  let bytes = 0;
  for (const row of r.rawAll<AuditLogTable>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', afterSeq, limit)) {
    if (row.action === 'receipt.email' && ++receipts > MAX_PUSH_ATTACHMENTS) break;
    const entry = logEntryOf(row);
    bytes += Buffer.byteLength(JSON.stringify(entry));
    if (bytes > maxBytes && entries.length > 0) break;
    rows.push(row);
    entries.push(entry);
  }
  const memberIds = [...sealedMemberIds(...rows.flatMap((row) => [row.after_json, row.before_json]))];
  const keys = r
    .rawAll<{ member_id: string; key: Buffer }>('SELECT member_id, key FROM member_key WHERE member_id IN (SELECT value FROM json_each(?))', JSON.stringify(memberIds))
    .map((row): MemberKey => ({ memberId: row.member_id, key: row.key.toString('base64') }));
  return { entries, keys };
}

/** The receipts a batch asks to email, whose PDFs go with it. */
export function receiptsToAttach(r: Reader, entries: LogEntry[]): ReceiptToAttach[] {
  if (entries.length === 0) return [];
  const rows = r.rawAll<AuditLogTable>(
    "SELECT * FROM audit_log WHERE action = 'receipt.email' AND seq BETWEEN ? AND ? ORDER BY seq",
    entries[0]!.seq,
    entries.at(-1)!.seq,
  );
  return rows.flatMap((row) => {
    // The receipt's number is never sealed: no key needed to read it.
    const op = operationOf(row, () => null);
    return op.kind === 'receipt.email' ? [{ operationId: row.operation_id, receiptNumber: op.receiptNumber }] : [];
  });
}
