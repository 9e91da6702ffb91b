/**
 * Privacy (Québec's Law 25):
 * - `member_key`: each member's own key. New log entries hold a member's personal fields sealed
 *   with it (AES-256-GCM); erasing the member destroys the key, and with it every copy of those
 *   fields in the log, without touching the hash chain (src-main/core/privacy/sealing.ts).
 * - `audit_log.redacted_by`: entries written before sealing existed hold personal fields in the
 *   clear; erasing the member rewrites those fields, and only those, in place, naming the erasure
 *   entry that did it. The one UPDATE the log ever accepts.
 * - `member.erased_at`: when the member's personal data was erased (on request or for retention).
 * - `access_log`: who looked at whose personal data, when (profiles, cards, lists, exports); the
 *   privacy officer reads it. Append-only, like the audit log; not an operation (nothing replays it).
 * - `secure_delete` is switched on by the connection, so a destroyed key leaves no copy in free pages.
 */
export const privacy = `
CREATE TABLE member_key (
  member_id TEXT PRIMARY KEY REFERENCES member(id),
  key BLOB NOT NULL CHECK (length(key) = 32),
  created_at TEXT NOT NULL
) STRICT;

ALTER TABLE member ADD COLUMN erased_at TEXT;

ALTER TABLE audit_log ADD COLUMN redacted_by INTEGER;
DROP TRIGGER audit_log_append_only_u;
CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log
  WHEN NOT (
    OLD.redacted_by IS NULL AND NEW.redacted_by IS NOT NULL AND NEW.redacted_by > OLD.seq
    AND NEW.seq = OLD.seq AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
    AND NEW.operation_id = OLD.operation_id AND NEW.at = OLD.at AND NEW.desk_id = OLD.desk_id
    AND NEW.user_id = OLD.user_id AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
    AND NEW.entity_id = OLD.entity_id AND NEW.op_version IS OLD.op_version
  )
BEGIN SELECT RAISE(ABORT, 'append-only: audit_log'); END;

CREATE TABLE access_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  desk_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  what TEXT NOT NULL CHECK (what IN ('profile', 'card', 'receipt', 'search', 'list', 'export')),
  member_id TEXT,
  detail TEXT
) STRICT;
CREATE INDEX access_log_member ON access_log(member_id, seq);
CREATE TRIGGER access_log_append_only_u BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'append-only: access_log'); END;
CREATE TRIGGER access_log_append_only_d BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'append-only: access_log'); END;
`;
