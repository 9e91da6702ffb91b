import type { Reader } from '../db/sql.js';
import type { AuditLogTable } from '../db/schema.js';
import { logEntryOf } from '../core/ledger/log-entry.js';
import { sealedMemberIds } from '../../src-shared/personal-data.js';
import type { LogEntry, MemberKey } from '../../src-shared/sync-protocol.js';

/**
 * The next entries of this desk's log to push, after the last one the server acknowledged,
 * with the keys of the members whose personal fields they seal (the server needs them to hand
 * those fields to the club's other desks).
 */
export function entriesToPush(r: Reader, afterSeq: number, limit: number): { entries: LogEntry[]; keys: MemberKey[] } {
  const rows = r.rawAll<AuditLogTable>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', afterSeq, limit);
  const memberIds = sealedMemberIds(...rows.flatMap((row) => [row.after_json, row.before_json]));
  const keys: MemberKey[] = [];
  for (const memberId of memberIds) {
    const row = r.rawGet<{ key: Buffer }>('SELECT key FROM member_key WHERE member_id = ?', memberId);
    if (row) keys.push({ memberId, key: row.key.toString('base64') });
  }
  return { entries: rows.map(logEntryOf), keys };
}
