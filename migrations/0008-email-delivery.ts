/**
 * What became of the emails the club's server sent for this desk and the others (docs/SYNC.md,
 * Email): one row per email the server reports on (`email.delivery`), pulled like any entry.
 * Never the address: the request holds it, sealed, in the log.
 */
export const emailDelivery = `
CREATE TABLE email_delivery (
  email_id TEXT PRIMARY KEY,
  email_kind TEXT NOT NULL CHECK (email_kind IN ('receipt', 'membership')),
  order_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
  failure TEXT,
  smtp_code INTEGER,
  attempts INTEGER NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX email_delivery_order ON email_delivery (order_id);
`;
