import type { LogEntry } from '../../../src-shared/sync-protocol.js';
import type { AuditEntry } from './audit.js';

/** An entry of a hash-chained log in the tables' shape: the audit log's, the server's, a pulled one's. */
export type ChainedRow = AuditEntry & { seq: number; prev_hash: string; hash: string };

/** A log entry as the sync protocol carries it (src-shared/sync-protocol.ts). */
export function logEntryOf(row: ChainedRow): LogEntry {
  return {
    seq: row.seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    operationId: row.operation_id,
    at: row.at,
    deskId: row.desk_id,
    userId: row.user_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    beforeJson: row.before_json,
    afterJson: row.after_json,
    opVersion: row.op_version,
  };
}

/** What `entryHash` covers of a protocol entry, in the tables' shape. */
export function auditFieldsOf(entry: LogEntry): AuditEntry {
  return {
    operation_id: entry.operationId,
    at: entry.at,
    desk_id: entry.deskId,
    user_id: entry.userId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: entry.beforeJson,
    after_json: entry.afterJson,
    op_version: entry.opVersion,
  };
}
