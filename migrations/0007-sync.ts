import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { writeStamp } from '../src-shared/hlc.js';
import { operationFromLegacy } from '../src-shared/operations/legacy.js';

/**
 * Entries pulled from the club's central server (docs/SYNC.md): other desks' operations and the
 * server's own, applied to this desk's tables through the same handlers as its own writes.
 * Each keeps its origin's hash chain, and `after_local_seq` — this desk's last log entry when it
 * was applied — so that a replay applies it at the same place. `problem` holds why an entry
 * could not be applied (kept, never dropped, shown « à vérifier »). The sync state gains the
 * pull cursor, the server's head, when the last push and pull succeeded, and — on a desk that
 * joined a club's server — the server's address and the desk's credential (in the encrypted file,
 * like everything else the desk holds); `push_refusal` keeps why the server last refused a push
 * (« à vérifier ») apart from `last_error`, which says why it could not be reached.
 */
export const sync = `
CREATE TABLE pulled_entry (
  server_seq INTEGER PRIMARY KEY,
  desk_id TEXT NOT NULL,
  desk_seq INTEGER NOT NULL,
  operation_id TEXT NOT NULL UNIQUE,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  op_version INTEGER,
  after_local_seq INTEGER NOT NULL,
  applied_at TEXT NOT NULL,
  problem TEXT,
  UNIQUE (desk_id, desk_seq)
) STRICT;
CREATE INDEX pulled_entry_entity ON pulled_entry (entity_type, entity_id);
CREATE INDEX pulled_entry_replay ON pulled_entry (after_local_seq, server_seq);
CREATE TRIGGER pulled_entry_append_only_d BEFORE DELETE ON pulled_entry BEGIN SELECT RAISE(ABORT, 'append-only: pulled_entry'); END;

-- What the server flagged for the treasurer (docs/SYNC.md, Conflicts): a likely double payment,
-- a paid place that became a waitlist place, a paid registration made twice. order_ids is a JSON array.
CREATE TABLE treasurer_flag (
  id TEXT PRIMARY KEY,
  reason TEXT NOT NULL CHECK (reason IN ('double_renewal', 'over_capacity', 'double_registration')),
  member_id TEXT NOT NULL REFERENCES member(id),
  order_ids TEXT NOT NULL,
  registration_id TEXT REFERENCES registration(id),
  created_at TEXT NOT NULL
) STRICT;

ALTER TABLE sync_state ADD COLUMN pull_cursor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN server_head INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN last_push_at TEXT;
ALTER TABLE sync_state ADD COLUMN last_pull_at TEXT;
ALTER TABLE sync_state ADD COLUMN server_address TEXT;
ALTER TABLE sync_state ADD COLUMN desk_credential TEXT;
ALTER TABLE sync_state ADD COLUMN push_refusal TEXT;
-- The hybrid logical clock (src-shared/hlc.ts): the latest other desk's instant seen within the
-- allowed drift, and how far this desk's clock is from the server's (ms, + ahead) at the last push.
ALTER TABLE sync_state ADD COLUMN latest_seen_at TEXT;
ALTER TABLE sync_state ADD COLUMN clock_offset_ms INTEGER;
-- Field-level last-writer-wins for member details: each field's last write stamp (JSON).
ALTER TABLE member ADD COLUMN field_stamps TEXT;
`;

/**
 * Every member's field stamps as the member handlers write them today (core/members/apply.ts):
 * for each field a `member.update` changed, the stamp of its last write. Derived from the log, so
 * that verify's replay finds the same; 0.1's row-shaped entries are read through the upcaster.
 */
export function rebuildFieldStamps(sqlite: BetterSqlite3.Database): void {
  const stamps = new Map<string, Record<string, string>>();
  const entries = sqlite
    .prepare("SELECT operation_id, at, desk_id, action, entity_id, before_json, after_json, op_version FROM audit_log WHERE action = 'member.update' ORDER BY seq")
    .all() as { operation_id: string; at: string; desk_id: string; action: string; entity_id: string; before_json: string | null; after_json: string | null; op_version: number | null }[];
  for (const entry of entries) {
    const changes =
      entry.op_version === null
        ? (operationFromLegacy({ operationId: entry.operation_id, action: entry.action, entityId: entry.entity_id, before: entry.before_json && JSON.parse(entry.before_json), after: entry.after_json && JSON.parse(entry.after_json) }) as { changes?: object }).changes
        : (JSON.parse(entry.after_json ?? '{}') as { changes?: object }).changes;
    const memberId = entry.op_version === null ? entry.entity_id : ((JSON.parse(entry.after_json ?? '{}') as { memberId?: string }).memberId ?? entry.entity_id);
    const stamp = writeStamp(entry.at, entry.desk_id);
    const fields = stamps.get(memberId) ?? {};
    for (const [field, value] of Object.entries(changes ?? {})) {
      if (value === undefined || (fields[field] ?? '') > stamp) continue;
      fields[field] = stamp;
    }
    stamps.set(memberId, fields);
  }
  const update = sqlite.prepare('UPDATE member SET field_stamps = ? WHERE id = ?');
  for (const [memberId, fields] of stamps) update.run(JSON.stringify(fields), memberId);
}
