import type { Reader, Writer } from '../db/sql.js';

export interface OutboxOperation {
  operationId: string;
  deskId: string;
  action: string;
  entityType: string;
  entityId: string;
  createdAt: string;
}

/**
 * Queues a write for the central server, in the same transaction as the write itself. What the
 * server needs to replay it is the write's audit entry (after_json), joined when it is sent.
 */
export function enqueueOperation(w: Writer, operation: OutboxOperation): void {
  // seq is the rowid: SQLite gives max + 1, in commit order.
  w.insert('outbox', {
    operation_id: operation.operationId,
    desk_id: operation.deskId,
    action: operation.action,
    entity_type: operation.entityType,
    entity_id: operation.entityId,
    created_at: operation.createdAt,
  });
}

export interface PendingOperation {
  seq: number;
  operationId: string;
  deskId: string;
  action: string;
  entityType: string;
  entityId: string;
  createdAt: string;
  attempts: number;
  /** The write as the audit log holds it (JSON). */
  payload: string;
}

/** Operations not yet acknowledged by the server, oldest first, with their payloads. */
export function pendingOperations(r: Reader, limit = 100): PendingOperation[] {
  return r.rawAll<PendingOperation>(
    `SELECT o.seq, o.operation_id AS operationId, o.desk_id AS deskId, o.action, o.entity_type AS entityType,
       o.entity_id AS entityId, o.created_at AS createdAt, o.attempts, a.after_json AS payload
     FROM outbox o JOIN audit_log a ON a.operation_id = o.operation_id
     WHERE o.sent_at IS NULL ORDER BY o.seq LIMIT ?`,
    limit,
  );
}
