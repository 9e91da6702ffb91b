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
-- a paid place that became a waitlist place. order_ids is a JSON array.
CREATE TABLE treasurer_flag (
  id TEXT PRIMARY KEY,
  reason TEXT NOT NULL CHECK (reason IN ('double_renewal', 'over_capacity')),
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
`;
