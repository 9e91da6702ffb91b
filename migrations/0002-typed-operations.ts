/**
 * Typed operations. From this version on, each audit entry stores an operation of the shared
 * catalogue (src-shared/operations): `action` is its kind, `op_version` its version and
 * `after_json` its facts. Entries written by 0.1 keep a NULL version and are read through the
 * legacy upcaster. Order lines no longer store French words (the kind and the activity give
 * them in the reader's language): new lines leave `description` empty.
 */
export const typedOperations = `
ALTER TABLE audit_log ADD COLUMN op_version INTEGER CHECK (op_version IS NULL OR op_version >= 1);

DROP VIEW outbox;
CREATE VIEW outbox AS
  SELECT a.seq, a.operation_id, a.desk_id, a.action, a.op_version, a.entity_type, a.entity_id, a.at AS created_at,
    a.after_json AS payload
  FROM audit_log a
  WHERE a.desk_id = (SELECT json_extract(value, '$') FROM setting WHERE key = 'local_desk_id');
`;
