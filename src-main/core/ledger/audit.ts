import { createHash } from 'node:crypto';
import type { Reader, Writer } from '../../db/sql.js';
import type { AuditLogTable } from '../../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = Omit<AuditLogTable, 'seq' | 'prev_hash' | 'hash'>;

/**
 * The hash that links an entry to the one before it: edit or delete any row and the chain breaks.
 * Each field goes in with its length first, so no two different entries hash the same text.
 */
export function entryHash(prevHash: string, entry: AuditEntry): string {
  const hash = createHash('sha256').update(prevHash);
  for (const field of [
    entry.operation_id,
    entry.at,
    entry.desk_id,
    entry.user_id,
    entry.action,
    entry.entity_type,
    entry.entity_id,
    entry.before_json,
    entry.after_json,
  ]) {
    hash.update(field === null ? '-1:' : `${Buffer.byteLength(field)}:`).update(field ?? '');
  }
  return hash.digest('hex');
}

export function appendAudit(w: Writer, entry: AuditEntry): void {
  const last = w.rawGet<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const prevHash = last?.hash ?? GENESIS_HASH;
  w.insert('audit_log', { seq: (last?.seq ?? 0) + 1, prev_hash: prevHash, hash: entryHash(prevHash, entry), ...entry });
}

export type ChainBreak =
  | { seq: number; kind: 'missing'; missingSeq: number; problem: string }
  | { seq: number; kind: 'unlinked' | 'changed'; problem: string };

/** Walks the whole chain; returns where it is broken (an empty list when intact). */
export function verifyAuditChain(r: Reader): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of r.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditLogTable>) {
    if (row.seq !== expectedSeq) {
      breaks.push({ seq: row.seq, kind: 'missing', missingSeq: expectedSeq, problem: `entry ${expectedSeq} is missing` });
    }
    if (row.prev_hash !== prevHash) breaks.push({ seq: row.seq, kind: 'unlinked', problem: 'does not follow the previous entry' });
    if (entryHash(row.prev_hash, row) !== row.hash) breaks.push({ seq: row.seq, kind: 'changed', problem: 'content was changed' });
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  return breaks;
}
