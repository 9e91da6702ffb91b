/**
 * A fourth role, the activity leader (« responsable d'activité »), who registers members to their
 * own activities. SQLite cannot change a CHECK constraint in place: the users' table is rebuilt,
 * every row copied as it was (SQLite's documented twelve steps). The tables that point to it keep
 * pointing to it by name; the migrator checks every foreign key before the rebuild commits.
 */
export const leaderRole = `
CREATE TABLE app_user_with_leader (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('volunteer', 'leader', 'treasurer', 'admin')),
  pin_hash TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO app_user_with_leader (id, name, role, pin_hash, failed_attempts, locked_until, active, created_at)
  SELECT id, name, role, pin_hash, failed_attempts, locked_until, active, created_at FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_with_leader RENAME TO app_user;
`;
