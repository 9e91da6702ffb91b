import type { Generated } from 'kysely';

/**
 * The central server's tables (docs/SYNC.md, « What the server keeps »). Every row belongs to a
 * club. Instants are ISO-8601 text and JSON is text, alike on SQLite and PostgreSQL; sequences
 * are numbers (PostgreSQL's bigint read as a JS number: exact up to 2^53).
 */
export interface ServerDatabase {
  club: ClubTable;
  enrollment_code: EnrollmentCodeTable;
  desk: DeskTable;
  desk_chain: DeskChainTable;
  operation: OperationTable;
  member_number_block: MemberNumberBlockTable;
  chain_problem: ChainProblemTable;
  server_period: ServerPeriodTable;
  server_activity: ServerActivityTable;
  server_registration: ServerRegistrationTable;
  server_member: ServerMemberTable;
  email_message: EmailMessageTable;
  email_attachment: EmailAttachmentTable;
  club_snapshot: ClubSnapshotTable;
  club_snapshot_chunk: ClubSnapshotChunkTable;
  club_snapshot_build: ClubSnapshotBuildTable;
}

export interface ClubTable {
  id: string;
  /** The club's short name in commands and addresses (`demo`). */
  slug: string;
  name: string;
  /** The club's settings (src-shared/club-settings.ts), JSON. */
  settings_json: string;
  /** The club's latest server sequence: the log's entries are numbered 1, 2, 3… per club, without gaps. */
  head_seq: number;
  created_at: string;
}

export interface EnrollmentCodeTable {
  /** SHA-256 of the code: the code itself is shown once and never stored. */
  code_hash: string;
  club_id: string;
  desk_name: string;
  expires_at: string;
  used_at: string | null;
  desk_id: string | null;
  created_at: string;
  /** SHA-256 of the attempt that used the code (`enrollRequestSchema`): the same attempt may ask again. */
  attempt_hash: string | null;
}

export interface DeskTable {
  id: string;
  club_id: string;
  name: string;
  /** Unique in the club: receipt numbers are the prefix and the desk's own counter. */
  receipt_prefix: string;
  /** SHA-256 of the desk's credential. */
  credential_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** How far the server holds each desk's hash chain. */
export interface DeskChainTable {
  desk_id: string;
  club_id: string;
  last_seq: number;
  last_hash: string;
}

/** The club's log: every entry accepted from a desk, numbered by the server. */
export interface OperationTable {
  club_id: string;
  server_seq: number;
  desk_id: string;
  desk_seq: number;
  operation_id: string;
  prev_hash: string;
  hash: string;
  at: string;
  user_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  op_version: number | null;
  received_at: string;
  /** The business date (YYYY-MM-DD) of a sale or drawer operation that arrived after that day; null when on time. */
  late_for: string | null;
}

export interface MemberNumberBlockTable {
  id: string;
  club_id: string;
  desk_id: string;
  first: number;
  last: number;
  created_at: string;
}

/** A push refused because the desk's chain did not follow what the server held: for the administrator. */
export interface ChainProblemTable {
  id: Generated<number>;
  club_id: string;
  desk_id: string;
  seq: number;
  problem: 'gap' | 'fork' | 'rewritten' | 'reused_id';
  detail: string;
  at: string;
}

/** A membership period as the server knows it, to find two offline desks selling the same one. */
export interface ServerPeriodTable {
  club_id: string;
  id: string;
  member_id: string;
  order_id: string;
  order_line_id: string;
  starts_on: string;
  ends_on: string;
  voided: number;
}

export interface ServerActivityTable {
  club_id: string;
  id: string;
  capacity: number | null;
}

/** A registration as the server knows it: the server has the last word on capacity. */
export interface ServerRegistrationTable {
  club_id: string;
  id: string;
  activity_id: string;
  member_id: string;
  status: 'registered' | 'waitlisted' | 'cancelled';
  /** The sale that paid the place, if any: refunded when the place is taken back. */
  order_id: string | null;
}

/** A member's details as the club's log leaves them: the same merge as on every desk (src-shared/member-details.ts). */
export interface ServerMemberTable {
  club_id: string;
  id: string;
  number: number;
  /**
   * The member's details (MemberDetails), JSON, their personal fields in one `$sealed` box under
   * the member's key (core/privacy/sealing.ts) when `sealed_by` is set; null once erased.
   */
  details_json: string | null;
  /** The operation id the sealed box is bound to; null when the details are in clear (a member without a key). */
  sealed_by: string | null;
  /** Each detail's last writer (FieldStamps), JSON. */
  field_stamps: string;
  erased_at: string | null;
  /**
   * The member's AES-256 key, base64, which seals the member's personal fields in the club's log
   * and here; null for a member written before sealing existed, and once erased (the key
   * destroyed: every copy of those fields is unreadable). Kept in the member's row, not a table
   * of its own: a club's first push stores thousands of members, and one row each is half the
   * writes.
   */
  key: string | null;
}

/**
 * An email the server sends for the desks (docs/SYNC.md, Email): a receipt a volunteer asked to
 * email (its id is the request's operation id) or a membership's confirmation (its id is the
 * period's). `queued` until sent or given up; a sender holds it until `claimed_until`.
 */
export interface EmailMessageTable {
  club_id: string;
  id: string;
  kind: 'receipt' | 'membership';
  /** The log entry that asked for it: the `receipt.email`, or the sale. */
  operation_id: string;
  order_id: string;
  /** A membership's line: its period (or the period after it, when the server added one). */
  order_line_id: string | null;
  member_id: string | null;
  receipt_number: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  failure: string | null;
  smtp_code: number | null;
  /** The mail server's last words, for the administrator; never sent to desks (they may name the member). */
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** A receipt's PDF as the desk rendered it, base64, kept until its email is sent or given up. */
export interface EmailAttachmentTable {
  club_id: string;
  email_id: string;
  filename: string;
  content_base64: string;
}

/** A snapshot of the club for new desks (docs/SYNC.md, Bootstrap): a desk-schema SQLite file, gzipped, in chunks. */
export interface ClubSnapshotTable {
  club_id: string;
  /** The club's log is in it up to this server sequence. */
  server_seq: number;
  created_at: string;
  /** Size of the SQLite file, and of it gzipped, in bytes. */
  bytes: number;
  gzipped_bytes: number;
  /** SHA-256 of the gzipped bytes (what a desk downloads), hex. */
  sha256: string;
  /** How many chunks the gzipped bytes are cut into (club_snapshot_chunk, n = 0…). */
  chunks: number;
}

export interface ClubSnapshotChunkTable {
  club_id: string;
  server_seq: number;
  n: number;
  data: Buffer;
}

/** The lease of the club's snapshot builder: one at a time, taken by a conditional UPDATE. */
export interface ClubSnapshotBuildTable {
  club_id: string;
  /** Who builds now (a random id per build), or null. */
  holder: string | null;
  /** ISO instant the lease ends unless renewed: a builder that died frees it then. */
  expires_at: string | null;
}
