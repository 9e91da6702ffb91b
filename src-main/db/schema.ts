import type { Language } from '../../src-shared/language.js';
import type { LineKind, OrderKind, PaymentMethod, RegistrationStatus, Role } from '../../src-shared/words.js';
import type { EmailFailure, EmailKind } from '../../src-shared/operations/email.js';

export type { Language, LineKind, OrderKind, PaymentMethod, RegistrationStatus };
export type UserRole = Role;
/** What an access to personal data was (privacy/access-log.ts). */
export type AccessKind = 'profile' | 'card' | 'receipt' | 'search' | 'list' | 'export';
export type RegistrationSource = 'desk' | 'online' | 'leader';

/**
 * Every table's columns as SQLite stores them (STRICT): integers for booleans and cents,
 * ISO-8601 text for timestamps (UTC) and calendar dates (YYYY-MM-DD, the club's time zone).
 * Written once, here: the row types below are inferred from it, and a test checks it column by
 * column (name, type, NULL or not) against a freshly migrated database.
 */
export interface Column<T> {
  readonly type: 'TEXT' | 'INTEGER' | 'BLOB';
  readonly nullable: boolean;
  /** Only carries the TypeScript type of the column's values. */
  readonly value?: T;
}

const text = <T extends string = string>(): Column<T> => ({ type: 'TEXT', nullable: false });
const nullableText = <T extends string = string>(): Column<T | null> => ({ type: 'TEXT', nullable: true });
const integer = (): Column<number> => ({ type: 'INTEGER', nullable: false });
const nullableInteger = (): Column<number | null> => ({ type: 'INTEGER', nullable: true });
const blob = (): Column<Buffer> => ({ type: 'BLOB', nullable: false });

export const TABLES = {
  setting: { key: text(), value: text() },
  desk: { id: text(), name: text(), receipt_prefix: text(), next_receipt_seq: integer(), created_at: text() },
  app_user: {
    id: text(),
    name: text(),
    role: text<UserRole>(),
    pin_hash: nullableText(),
    failed_attempts: integer(),
    locked_until: nullableText(),
    active: integer(),
    created_at: text(),
  },
  member_number_block: {
    id: text(),
    first_number: integer(),
    last_number: integer(),
    next_number: integer(),
    source: text<'local' | 'server'>(),
    created_at: text(),
  },
  household: { id: text(), name: text(), created_at: text() },
  member: {
    id: text(),
    number: integer(),
    first_name: text(),
    last_name: text(),
    /** "last first", folded: the member list's order and the duplicate check's key. */
    sort_name: text(),
    birth_date: nullableText(),
    email: nullableText(),
    phone: nullableText(),
    /** The phone's digits, for look-ups by phone. */
    phone_digits: nullableText(),
    address: nullableText(),
    city: nullableText(),
    postal_code: nullableText(),
    language: text<Language>(),
    household_id: nullableText(),
    notes: nullableText(),
    /** The latest end of the member's non-voided periods (a cache `verify` checks). */
    expires_on: nullableText(),
    created_at: text(),
    created_by: text(),
    updated_at: text(),
    /** When the member's personal data was erased (on request, or past the club's retention). */
    erased_at: nullableText(),
    /** Each detail's last write stamp (JSON, src-shared/hlc.ts `writeStamp`): field-level last writer wins across desks. */
    field_stamps: nullableText(),
  },
  /** Each member's own key: their personal fields in the log are sealed with it (privacy/sealing.ts). */
  member_key: { member_id: text(), key: blob(), created_at: text() },
  /** Folded prefixes a member can be found by; `kind` orders the results (lower first). */
  member_search_key: { kind: integer(), key: text(), member_id: text() },
  activity: {
    id: text(),
    code: text(),
    name: text(),
    season: text(),
    leader: nullableText(),
    schedule: nullableText(),
    place: nullableText(),
    price_cents: integer(),
    capacity: nullableInteger(),
    membership_required: integer(),
    starts_on: nullableText(),
    ends_on: nullableText(),
    created_at: text(),
    created_by: text(),
  },
  cash_session: {
    id: text(),
    desk_id: text(),
    business_date: text(),
    opened_at: text(),
    opened_by: text(),
    float_cents: integer(),
    /** The float's count by denomination (JSON). */
    float_count: text(),
    closed_at: nullableText(),
    closed_by: nullableText(),
    counted_cents: nullableInteger(),
    closing_count: nullableText(),
    expected_cents: nullableInteger(),
    difference_cents: nullableInteger(),
    difference_reason: nullableText(),
  },
  cash_movement: {
    id: text(),
    cash_session_id: text(),
    kind: text<'in' | 'out'>(),
    amount_cents: integer(),
    reason: text(),
    created_at: text(),
    created_by: text(),
  },
  sale_order: {
    id: text(),
    desk_id: text(),
    receipt_seq: integer(),
    receipt_number: text(),
    kind: text<OrderKind>(),
    original_order_id: nullableText(),
    cash_session_id: nullableText(),
    member_id: nullableText(),
    total_cents: integer(),
    reason: nullableText(),
    business_date: text(),
    created_at: text(),
    created_by: text(),
  },
  order_line: {
    id: text(),
    order_id: text(),
    position: integer(),
    kind: text<LineKind>(),
    /** The French words Comptoir 0.1 stored; empty since (the kind and the activity give the words). */
    description: text(),
    member_id: nullableText(),
    activity_id: nullableText(),
    amount_cents: integer(),
    original_line_id: nullableText(),
    /** The club's price when a volunteer changed it (a discount); NULL when sold at the club's price. */
    list_price_cents: nullableInteger(),
    /** Why the price was changed, for the treasurer; NULL with list_price_cents. */
    price_reason: nullableText(),
  },
  payment: {
    id: text(),
    order_id: text(),
    position: integer(),
    method: text<PaymentMethod>(),
    amount_cents: integer(),
    tendered_cents: nullableInteger(),
    change_cents: nullableInteger(),
    cheque_number: nullableText(),
    cheque_bank: nullableText(),
    card_brand: nullableText(),
    card_last4: nullableText(),
    card_auth_code: nullableText(),
    card_terminal: nullableText(),
    card_transaction_id: nullableText(),
    original_payment_id: nullableText(),
  },
  membership_period: {
    id: text(),
    member_id: text(),
    starts_on: text(),
    ends_on: text(),
    order_line_id: nullableText(),
    voided_by_order_id: nullableText(),
    created_at: text(),
  },
  registration: {
    id: text(),
    activity_id: text(),
    member_id: text(),
    status: text<RegistrationStatus>(),
    source: text<RegistrationSource>(),
    order_line_id: nullableText(),
    waitlisted_at: nullableText(),
    registered_at: nullableText(),
    cancelled_at: nullableText(),
    created_at: text(),
    created_by: text(),
  },
  credit_movement: { id: text(), member_id: text(), order_id: text(), amount_cents: integer(), created_at: text() },
  /** The hash-chained log: each entry is one write's operation (see src-shared/operations). */
  audit_log: {
    seq: integer(),
    prev_hash: text(),
    hash: text(),
    operation_id: text(),
    at: text(),
    desk_id: text(),
    user_id: text(),
    /** The operation's kind. */
    action: text(),
    entity_type: text(),
    entity_id: text(),
    /** What the audit reader sees as « before » (a member's old values); replay never needs it. */
    before_json: nullableText(),
    /** The operation's facts (JSON); for 0.1 entries, the rows written. */
    after_json: nullableText(),
    /** The operation's version; null for the row-shaped entries Comptoir 0.1 wrote. */
    op_version: nullableInteger(),
    /** The erasure entry that rewrote this entry's personal fields (entries written in the clear). */
    redacted_by: nullableInteger(),
  },
  /** Who looked at whose personal data (privacy/access-log.ts); append-only, not replayed. */
  access_log: {
    seq: integer(),
    at: text(),
    desk_id: text(),
    user_id: text(),
    what: text<AccessKind>(),
    member_id: nullableText(),
    detail: nullableText(),
  },
  sync_state: {
    id: integer(),
    /** The last outbox seq the central server acknowledged. */
    acknowledged_seq: integer(),
    attempts: integer(),
    last_error: nullableText(),
    last_attempt_at: nullableText(),
    /** The server sequence this desk has pulled up to. */
    pull_cursor: integer(),
    /** The server's latest sequence, as the last pull saw it. */
    server_head: integer(),
    last_push_at: nullableText(),
    last_pull_at: nullableText(),
    /** The club's server this desk joined; null for a desk on its own (« Poste autonome »). */
    server_address: nullableText(),
    desk_credential: nullableText(),
    /** Why the server last refused a push (4xx): kept until a push goes through. */
    push_refusal: nullableText(),
    /** The latest instant of another desk seen within the allowed drift (src-shared/hlc.ts). */
    latest_seen_at: nullableText(),
    /** This desk's clock minus the server's at the last push, in ms; null before any. */
    clock_offset_ms: nullableInteger(),
  },
  /** What the server flagged for the treasurer (docs/SYNC.md, Conflicts). */
  treasurer_flag: {
    id: text(),
    reason: text<'double_renewal' | 'over_capacity' | 'double_registration'>(),
    member_id: text(),
    /** JSON array of the orders concerned. */
    order_ids: text(),
    registration_id: nullableText(),
    created_at: text(),
  },
  /** What became of an email the server sent (docs/SYNC.md, Email), as it reported. */
  email_delivery: {
    email_id: text(),
    email_kind: text<EmailKind>(),
    order_id: text(),
    status: text<'sent' | 'failed'>(),
    failure: nullableText<EmailFailure>(),
    smtp_code: nullableInteger(),
    attempts: integer(),
    at: text(),
  },
  /** Other desks' and the server's entries, pulled and applied here (docs/SYNC.md). */
  pulled_entry: {
    server_seq: integer(),
    desk_id: text(),
    desk_seq: integer(),
    operation_id: text(),
    prev_hash: text(),
    hash: text(),
    at: text(),
    user_id: text(),
    action: text(),
    entity_type: text(),
    entity_id: text(),
    before_json: nullableText(),
    after_json: nullableText(),
    op_version: nullableInteger(),
    /** This desk's last log entry when the pulled one was applied: where a replay applies it. */
    after_local_seq: integer(),
    applied_at: text(),
    /** Why it could not be applied (kept, shown « à vérifier »); null when applied. */
    problem: nullableText(),
  },
  schema_migration: { version: integer(), name: text(), applied_at: text() },
} as const;

/** Views: this desk's audit entries, as operations for the central server. */
export const VIEWS = {
  outbox: {
    seq: integer(),
    operation_id: text(),
    desk_id: text(),
    action: text(),
    op_version: nullableInteger(),
    entity_type: text(),
    entity_id: text(),
    created_at: text(),
    payload: text(),
  },
} as const;

type Row<Columns> = { -readonly [C in keyof Columns]: Columns[C] extends Column<infer T> ? T : never };

export type SettingTable = Row<typeof TABLES.setting>;
export type DeskTable = Row<typeof TABLES.desk>;
export type AppUserTable = Row<typeof TABLES.app_user>;
export type MemberNumberBlockTable = Row<typeof TABLES.member_number_block>;
export type HouseholdTable = Row<typeof TABLES.household>;
export type MemberTable = Row<typeof TABLES.member>;
export type MemberSearchKeyTable = Row<typeof TABLES.member_search_key>;
export type ActivityTable = Row<typeof TABLES.activity>;
export type CashSessionTable = Row<typeof TABLES.cash_session>;
export type CashMovementTable = Row<typeof TABLES.cash_movement>;
export type SaleOrderTable = Row<typeof TABLES.sale_order>;
export type OrderLineTable = Row<typeof TABLES.order_line>;
export type PaymentTable = Row<typeof TABLES.payment>;
export type MembershipPeriodTable = Row<typeof TABLES.membership_period>;
export type RegistrationTable = Row<typeof TABLES.registration>;
export type CreditMovementTable = Row<typeof TABLES.credit_movement>;
export type AuditLogTable = Row<typeof TABLES.audit_log>;
export type SyncStateTable = Row<typeof TABLES.sync_state>;
export type PulledEntryTable = Row<typeof TABLES.pulled_entry>;
export type EmailDeliveryTable = Row<typeof TABLES.email_delivery>;
export type MemberKeyTable = Row<typeof TABLES.member_key>;
export type AccessLogTable = Row<typeof TABLES.access_log>;
export type OutboxView = Row<typeof VIEWS.outbox>;

/** The database as Kysely sees it: every table and view, with its row type. */
export type Database = { [T in keyof typeof TABLES]: Row<(typeof TABLES)[T]> } & { [V in keyof typeof VIEWS]: Row<(typeof VIEWS)[V]> };
