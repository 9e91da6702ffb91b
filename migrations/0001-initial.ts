/**
 * The desk's first schema. Every table is STRICT so SQLite never coerces a string into a number.
 * Money tables are append-only: triggers refuse UPDATE and DELETE, so a correction can only be a
 * void or refund that points to the original.
 */
export const initialSchema = `
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE desk (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  receipt_prefix TEXT NOT NULL UNIQUE,
  next_receipt_seq INTEGER NOT NULL DEFAULT 1 CHECK (next_receipt_seq >= 1),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE app_user (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('volunteer', 'treasurer', 'admin')),
  pin_hash TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE member_number_block (
  id TEXT PRIMARY KEY,
  first_number INTEGER NOT NULL CHECK (first_number >= 1),
  last_number INTEGER NOT NULL,
  next_number INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('local', 'server')),
  created_at TEXT NOT NULL,
  CHECK (last_number >= first_number),
  CHECK (next_number BETWEEN first_number AND last_number + 1)
) STRICT;

CREATE TABLE household (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE member (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  birth_date TEXT,
  email TEXT,
  phone TEXT,
  phone_digits TEXT,
  address TEXT,
  city TEXT,
  postal_code TEXT,
  language TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
  household_id TEXT REFERENCES household(id),
  notes TEXT,
  expires_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES app_user(id),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX member_sort_name ON member(sort_name);
CREATE INDEX member_household ON member(household_id);
CREATE INDEX member_email ON member(email);
CREATE INDEX member_phone_digits ON member(phone_digits);
CREATE INDEX member_postal_code ON member(postal_code);
CREATE INDEX member_birth_date ON member(birth_date);

-- Folded prefixes a member can be found by; kind orders the results (lower first).
CREATE TABLE member_search_key (
  kind INTEGER NOT NULL,
  key TEXT NOT NULL,
  member_id TEXT NOT NULL REFERENCES member(id),
  PRIMARY KEY (kind, key, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_search_key_member ON member_search_key(member_id);

CREATE TABLE activity (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  season TEXT NOT NULL,
  leader TEXT,
  schedule TEXT,
  place TEXT,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
  membership_required INTEGER NOT NULL DEFAULT 1 CHECK (membership_required IN (0, 1)),
  starts_on TEXT,
  ends_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES app_user(id)
) STRICT;
CREATE INDEX activity_season ON activity(season);

CREATE TABLE cash_session (
  id TEXT PRIMARY KEY,
  desk_id TEXT NOT NULL REFERENCES desk(id),
  business_date TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL REFERENCES app_user(id),
  float_cents INTEGER NOT NULL CHECK (float_cents >= 0),
  float_count TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT REFERENCES app_user(id),
  counted_cents INTEGER,
  closing_count TEXT,
  expected_cents INTEGER,
  difference_cents INTEGER,
  difference_reason TEXT
) STRICT;
CREATE UNIQUE INDEX cash_session_one_open_per_desk ON cash_session(desk_id) WHERE closed_at IS NULL;
CREATE INDEX cash_session_date ON cash_session(business_date);

CREATE TABLE cash_movement (
  id TEXT PRIMARY KEY,
  cash_session_id TEXT NOT NULL REFERENCES cash_session(id),
  kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES app_user(id)
) STRICT, WITHOUT ROWID;
CREATE INDEX cash_movement_session ON cash_movement(cash_session_id);

CREATE TABLE sale_order (
  id TEXT PRIMARY KEY,
  desk_id TEXT NOT NULL REFERENCES desk(id),
  receipt_seq INTEGER NOT NULL,
  receipt_number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'void', 'refund')),
  original_order_id TEXT REFERENCES sale_order(id),
  cash_session_id TEXT REFERENCES cash_session(id),
  member_id TEXT REFERENCES member(id),
  total_cents INTEGER NOT NULL,
  reason TEXT,
  business_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES app_user(id),
  UNIQUE (desk_id, receipt_seq),
  CHECK ((kind = 'sale') = (original_order_id IS NULL))
) STRICT, WITHOUT ROWID;
-- Covering for the day report: a day's orders are read without visiting each row.
CREATE INDEX sale_order_business_date ON sale_order(business_date, cash_session_id, kind, total_cents, receipt_number);
CREATE INDEX sale_order_member ON sale_order(member_id);
CREATE INDEX sale_order_session ON sale_order(cash_session_id);
CREATE INDEX sale_order_original ON sale_order(original_order_id) WHERE original_order_id IS NOT NULL;

CREATE TABLE order_line (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES sale_order(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('membership', 'activity', 'donation', 'credit', 'rounding')),
  description TEXT NOT NULL,
  member_id TEXT REFERENCES member(id),
  activity_id TEXT REFERENCES activity(id),
  amount_cents INTEGER NOT NULL,
  original_line_id TEXT REFERENCES order_line(id),
  UNIQUE (order_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX order_line_original ON order_line(original_line_id) WHERE original_line_id IS NOT NULL;
CREATE INDEX order_line_activity ON order_line(activity_id) WHERE activity_id IS NOT NULL;

CREATE TABLE payment (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES sale_order(id),
  position INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('cash', 'cheque', 'card', 'credit')),
  amount_cents INTEGER NOT NULL,
  tendered_cents INTEGER,
  change_cents INTEGER,
  cheque_number TEXT,
  cheque_bank TEXT,
  card_brand TEXT,
  card_last4 TEXT,
  card_auth_code TEXT,
  card_terminal TEXT,
  card_transaction_id TEXT,
  original_payment_id TEXT REFERENCES payment(id),
  UNIQUE (order_id, position),
  CHECK (card_last4 IS NULL OR (length(card_last4) = 4 AND card_last4 NOT GLOB '*[^0-9]*'))
) STRICT, WITHOUT ROWID;

CREATE TABLE membership_period (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member(id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  order_line_id TEXT REFERENCES order_line(id),
  voided_by_order_id TEXT REFERENCES sale_order(id),
  created_at TEXT NOT NULL,
  CHECK (ends_on >= starts_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX membership_period_member ON membership_period(member_id, ends_on);
CREATE INDEX membership_period_order_line ON membership_period(order_line_id) WHERE order_line_id IS NOT NULL;

CREATE TABLE registration (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activity(id),
  member_id TEXT NOT NULL REFERENCES member(id),
  status TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
  source TEXT NOT NULL CHECK (source IN ('desk', 'online', 'leader')),
  order_line_id TEXT REFERENCES order_line(id),
  waitlisted_at TEXT,
  registered_at TEXT,
  cancelled_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES app_user(id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX registration_one_live_per_member
  ON registration(activity_id, member_id) WHERE status <> 'cancelled';
CREATE INDEX registration_activity_status ON registration(activity_id, status, waitlisted_at);
CREATE INDEX registration_member ON registration(member_id);
CREATE INDEX registration_order_line ON registration(order_line_id) WHERE order_line_id IS NOT NULL;

CREATE TABLE credit_movement (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member(id),
  order_id TEXT NOT NULL REFERENCES sale_order(id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX credit_movement_member ON credit_movement(member_id);

-- The hashes come first: finding the chain's head then never reads the JSON's overflow pages.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  operation_id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  desk_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
) STRICT;

-- The outbox: every write's audit entry is the operation the central server must replay (its
-- operation_id, action, entity and after_json), so the outbox is a view over the desk's own
-- entries and a cursor of what the server acknowledged. A sale writes its operation once.
CREATE VIEW outbox AS
  SELECT a.seq, a.operation_id, a.desk_id, a.action, a.entity_type, a.entity_id, a.at AS created_at, a.after_json AS payload
  FROM audit_log a
  WHERE a.desk_id = (SELECT json_extract(value, '$') FROM setting WHERE key = 'local_desk_id');

CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  acknowledged_seq INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_attempt_at TEXT
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

-- Append-only tables: a correction is a new row that points to the original.
CREATE TRIGGER sale_order_append_only_u BEFORE UPDATE ON sale_order BEGIN SELECT RAISE(ABORT, 'append-only: sale_order'); END;
CREATE TRIGGER sale_order_append_only_d BEFORE DELETE ON sale_order BEGIN SELECT RAISE(ABORT, 'append-only: sale_order'); END;
CREATE TRIGGER order_line_append_only_u BEFORE UPDATE ON order_line BEGIN SELECT RAISE(ABORT, 'append-only: order_line'); END;
CREATE TRIGGER order_line_append_only_d BEFORE DELETE ON order_line BEGIN SELECT RAISE(ABORT, 'append-only: order_line'); END;
CREATE TRIGGER payment_append_only_u BEFORE UPDATE ON payment BEGIN SELECT RAISE(ABORT, 'append-only: payment'); END;
CREATE TRIGGER payment_append_only_d BEFORE DELETE ON payment BEGIN SELECT RAISE(ABORT, 'append-only: payment'); END;
CREATE TRIGGER credit_movement_append_only_u BEFORE UPDATE ON credit_movement BEGIN SELECT RAISE(ABORT, 'append-only: credit_movement'); END;
CREATE TRIGGER credit_movement_append_only_d BEFORE DELETE ON credit_movement BEGIN SELECT RAISE(ABORT, 'append-only: credit_movement'); END;
CREATE TRIGGER cash_movement_append_only_u BEFORE UPDATE ON cash_movement BEGIN SELECT RAISE(ABORT, 'append-only: cash_movement'); END;
CREATE TRIGGER cash_movement_append_only_d BEFORE DELETE ON cash_movement BEGIN SELECT RAISE(ABORT, 'append-only: cash_movement'); END;
CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'append-only: audit_log'); END;
CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'append-only: audit_log'); END;
CREATE TRIGGER cash_session_no_delete BEFORE DELETE ON cash_session BEGIN SELECT RAISE(ABORT, 'append-only: cash_session'); END;
-- A closed session is locked; an open one may only be closed.
CREATE TRIGGER cash_session_locked BEFORE UPDATE ON cash_session
  WHEN OLD.closed_at IS NOT NULL
    OR NEW.float_cents IS NOT OLD.float_cents
    OR NEW.float_count IS NOT OLD.float_count
    OR NEW.opened_at IS NOT OLD.opened_at
    OR NEW.opened_by IS NOT OLD.opened_by
    OR NEW.desk_id IS NOT OLD.desk_id
BEGIN SELECT RAISE(ABORT, 'locked: cash_session'); END;
-- A voided period stays voided; its dates never change.
CREATE TRIGGER membership_period_locked BEFORE UPDATE ON membership_period
  WHEN OLD.voided_by_order_id IS NOT NULL
    OR NEW.starts_on IS NOT OLD.starts_on
    OR NEW.ends_on IS NOT OLD.ends_on
    OR NEW.member_id IS NOT OLD.member_id
    OR NEW.order_line_id IS NOT OLD.order_line_id
BEGIN SELECT RAISE(ABORT, 'locked: membership_period'); END;
CREATE TRIGGER membership_period_no_delete BEFORE DELETE ON membership_period BEGIN SELECT RAISE(ABORT, 'append-only: membership_period'); END;
CREATE TRIGGER member_no_delete BEFORE DELETE ON member BEGIN SELECT RAISE(ABORT, 'members are never deleted'); END;
`;
