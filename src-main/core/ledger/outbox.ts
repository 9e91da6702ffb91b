import type { Reader } from '../../db/sql.js';

/**
 * The outbox: each write's audit entry is the operation the central server replays, so there is
 * nothing to queue beside it (one write, one row). What is pending is what comes after the last
 * operation the server acknowledged.
 */
export interface PendingOperation {
  seq: number;
  operationId: string;
  deskId: string;
  action: string;
  /** The operation's version; null for an entry Comptoir 0.1 wrote (rows, read by the upcaster). */
  version: number | null;
  entityType: string;
  entityId: string;
  createdAt: string;
  /** The write as the audit log holds it (JSON). */
  payload: string;
}

/** Operations the server has not acknowledged yet, oldest first. */
export function pendingOperations(r: Reader, limit = 100): PendingOperation[] {
  return r.rawAll<PendingOperation>(
    `SELECT seq, operation_id AS operationId, desk_id AS deskId, action, op_version AS version, entity_type AS entityType,
       entity_id AS entityId, created_at AS createdAt, payload
     FROM outbox WHERE seq > (SELECT acknowledged_seq FROM sync_state WHERE id = 1) ORDER BY seq LIMIT ?`,
    limit,
  );
}
