import type { Language } from '../../src-shared/language.js';

export type { Language };

/**
 * Row types of every table, as SQLite stores them (STRICT): integers for booleans and cents,
 * ISO-8601 text for timestamps (UTC) and calendar dates (YYYY-MM-DD, the club's time zone).
 */

export interface SettingTable {
  key: string;
  value: string;
}

export interface DeskTable {
  id: string;
  name: string;
  receipt_prefix: string;
  next_receipt_seq: number;
  created_at: string;
}

export type UserRole = 'volunteer' | 'treasurer' | 'admin';

export interface AppUserTable {
  id: string;
  name: string;
  role: UserRole;
  pin_hash: string | null;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
  created_at: string;
}

export interface MemberNumberBlockTable {
  id: string;
  first_number: number;
  last_number: number;
  next_number: number;
  source: 'local' | 'server';
  created_at: string;
}

export interface HouseholdTable {
  id: string;
  name: string;
  created_at: string;
}


export interface MemberTable {
  id: string;
  number: number;
  first_name: string;
  last_name: string;
  sort_name: string;
  birth_date: string | null;
  email: string | null;
  phone: string | null;
  phone_digits: string | null;
  address: string | null;
  city: string | null;
  postal_code: string | null;
  language: Language;
  household_id: string | null;
  notes: string | null;
  expires_on: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface MemberSearchKeyTable {
  kind: number;
  key: string;
  member_id: string;
}

export interface ActivityTable {
  id: string;
  code: string;
  name: string;
  season: string;
  leader: string | null;
  schedule: string | null;
  place: string | null;
  price_cents: number;
  capacity: number | null;
  membership_required: number;
  starts_on: string | null;
  ends_on: string | null;
  created_at: string;
  created_by: string;
}

export interface CashSessionTable {
  id: string;
  desk_id: string;
  business_date: string;
  opened_at: string;
  opened_by: string;
  float_cents: number;
  float_count: string;
  closed_at: string | null;
  closed_by: string | null;
  counted_cents: number | null;
  closing_count: string | null;
  expected_cents: number | null;
  difference_cents: number | null;
  difference_reason: string | null;
}

export interface CashMovementTable {
  id: string;
  cash_session_id: string;
  kind: 'in' | 'out';
  amount_cents: number;
  reason: string;
  created_at: string;
  created_by: string;
}

export type OrderKind = 'sale' | 'void' | 'refund';

export interface SaleOrderTable {
  id: string;
  desk_id: string;
  receipt_seq: number;
  receipt_number: string;
  kind: OrderKind;
  original_order_id: string | null;
  cash_session_id: string | null;
  member_id: string | null;
  total_cents: number;
  reason: string | null;
  business_date: string;
  created_at: string;
  created_by: string;
}

export type LineKind = 'membership' | 'activity' | 'donation' | 'credit' | 'rounding';

export interface OrderLineTable {
  id: string;
  order_id: string;
  position: number;
  kind: LineKind;
  description: string;
  member_id: string | null;
  activity_id: string | null;
  amount_cents: number;
  original_line_id: string | null;
}

export type PaymentMethod = 'cash' | 'cheque' | 'card' | 'credit';

export interface PaymentTable {
  id: string;
  order_id: string;
  position: number;
  method: PaymentMethod;
  amount_cents: number;
  tendered_cents: number | null;
  change_cents: number | null;
  cheque_number: string | null;
  cheque_bank: string | null;
  card_brand: string | null;
  card_last4: string | null;
  card_auth_code: string | null;
  card_terminal: string | null;
  card_transaction_id: string | null;
  original_payment_id: string | null;
}

export interface MembershipPeriodTable {
  id: string;
  member_id: string;
  starts_on: string;
  ends_on: string;
  order_line_id: string | null;
  voided_by_order_id: string | null;
  created_at: string;
}

export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';
export type RegistrationSource = 'desk' | 'online' | 'leader';

export interface RegistrationTable {
  id: string;
  activity_id: string;
  member_id: string;
  status: RegistrationStatus;
  source: RegistrationSource;
  order_line_id: string | null;
  waitlisted_at: string | null;
  registered_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  created_by: string;
}

export interface CreditMovementTable {
  id: string;
  member_id: string;
  order_id: string;
  amount_cents: number;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  operation_id: string;
  at: string;
  desk_id: string;
  user_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  /** The operation's version; null for the row-shaped entries Comptoir 0.1 wrote. */
  op_version: number | null;
  /** What the audit reader sees as « before » (a member's old values); replay never needs it. */
  before_json: string | null;
  /** The operation's facts (JSON); for 0.1 entries, the rows written. */
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** A view: this desk's audit entries, as operations for the central server. */
export interface OutboxView {
  seq: number;
  operation_id: string;
  desk_id: string;
  action: string;
  op_version: number | null;
  entity_type: string;
  entity_id: string;
  created_at: string;
  payload: string;
}

export interface SyncStateTable {
  id: number;
  /** The last outbox seq the central server acknowledged. */
  acknowledged_seq: number;
  attempts: number;
  last_error: string | null;
  last_attempt_at: string | null;
}

export interface Database {
  setting: SettingTable;
  desk: DeskTable;
  app_user: AppUserTable;
  member_number_block: MemberNumberBlockTable;
  household: HouseholdTable;
  member: MemberTable;
  member_search_key: MemberSearchKeyTable;
  activity: ActivityTable;
  cash_session: CashSessionTable;
  cash_movement: CashMovementTable;
  sale_order: SaleOrderTable;
  order_line: OrderLineTable;
  payment: PaymentTable;
  membership_period: MembershipPeriodTable;
  registration: RegistrationTable;
  credit_movement: CreditMovementTable;
  audit_log: AuditLogTable;
  outbox: OutboxView;
  sync_state: SyncStateTable;
}
