import type { Reader, Writer } from '../db/sql.js';
import type { Selectable } from 'kysely';
import type { OutboxTable } from '../db/schema.js';

export interface OutboxOperation {
  operationId: string;
  deskId: string;
  action: string;
  entityType: string;
  entityId: string;
  /** What the central server needs to replay this write. */
  data: unknown;
  createdAt: string;
}

/** Queues a write for the central server, in the same transaction as the write itself. */
export function enqueueOperation(w: Writer, operation: OutboxOperation, payloadJson?: string): void {
  // seq is the rowid: SQLite gives max + 1, in commit order.
  w.insert('outbox', {
      operation_id: operation.operationId,
      desk_id: operation.deskId,
      action: operation.action,
      entity_type: operation.entityType,
      entity_id: operation.entityId,
      payload: payloadJson ?? JSON.stringify(operation.data),
      created_at: operation.createdAt,
  });
}

/** Operations not yet acknowledged by the server, oldest first. */
export function pendingOperations(r: Reader, limit = 100): Selectable<OutboxTable>[] {
  return r.all(r.qb.selectFrom('outbox').selectAll().where('sent_at', 'is', null).orderBy('seq').limit(limit));
}
