import type { ClubSettings } from '../club-settings.js';
import type { Language } from '../language.js';
import type { LineKind, PaymentMethod } from '../words.js';
import type { Operation, OperationOf } from './index.js';

/**
 * Comptoir 0.1 logged each write as an action name and the table rows it wrote (`after_json`,
 * snake_case, some JSON inside JSON). This upcaster reads those entries as today's operations,
 * so a desk that ran 0.1 keeps replaying and syncing its whole history. Two facts 0.1 never
 * logged cannot be recovered: the PIN hash of a user (the replayed user has none until an
 * administrator sets a PIN) and the id of the desk's first number block (taken from the entry's
 * operation id). And 0.1 stored each line's French words, which the kind now gives.
 */
export interface LegacyEntry {
  operationId: string;
  action: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

type Row = Record<string, unknown>;
const text = (row: Row, key: string) => row[key] as string;
const maybe = (row: Row, key: string) => (row[key] ?? null) as string | null;
const int = (row: Row, key: string) => row[key] as number;

function order(row: Row) {
  return {
    id: text(row, 'id'),
    receiptNumber: text(row, 'receipt_number'),
    receiptSeq: int(row, 'receipt_seq'),
    cashSessionId: maybe(row, 'cash_session_id'),
    memberId: maybe(row, 'member_id'),
    totalCents: int(row, 'total_cents'),
    businessDate: text(row, 'business_date'),
    originalOrderId: maybe(row, 'original_order_id'),
    reason: maybe(row, 'reason'),
  };
}

function line(row: Row) {
  return {
    id: text(row, 'id'),
    position: int(row, 'position'),
    kind: row.kind as LineKind,
    memberId: maybe(row, 'member_id'),
    activityId: maybe(row, 'activity_id'),
    amountCents: int(row, 'amount_cents'),
    originalLineId: maybe(row, 'original_line_id'),
  };
}

function payment(row: Row) {
  return {
    id: text(row, 'id'),
    position: int(row, 'position'),
    method: row.method as PaymentMethod,
    amountCents: int(row, 'amount_cents'),
    tenderedCents: (row.tendered_cents ?? null) as number | null,
    changeCents: (row.change_cents ?? null) as number | null,
    chequeNumber: maybe(row, 'cheque_number'),
    chequeBank: maybe(row, 'cheque_bank'),
    cardBrand: maybe(row, 'card_brand'),
    cardLast4: maybe(row, 'card_last4'),
    cardAuthCode: maybe(row, 'card_auth_code'),
    cardTerminal: maybe(row, 'card_terminal'),
    cardTransactionId: maybe(row, 'card_transaction_id'),
    originalPaymentId: maybe(row, 'original_payment_id'),
  };
}

const credit = (row: Row) => ({ id: text(row, 'id'), memberId: text(row, 'member_id'), amountCents: int(row, 'amount_cents') });

function household(value: unknown) {
  if (!value) return null;
  const row = value as Row;
  return { id: text(row, 'id'), name: text(row, 'name'), memberIds: row.memberIds as string[] };
}

/** 0.1's member columns and the fields they are today. */
const MEMBER_COLUMNS = {
  first_name: 'firstName',
  last_name: 'lastName',
  birth_date: 'birthDate',
  email: 'email',
  phone: 'phone',
  address: 'address',
  city: 'city',
  postal_code: 'postalCode',
  language: 'language',
  notes: 'notes',
  household_id: 'householdId',
} as const;

function memberFields(row: Row) {
  const fields: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(MEMBER_COLUMNS)) if (column in row) fields[field] = row[column] ?? null;
  return fields as OperationOf<'member.update'>['changes'];
}

function correction(kind: 'order.void' | 'order.refund', after: Row): Operation {
  return {
    kind,
    version: 1,
    order: order(after.order as Row),
    lines: (after.lines as Row[]).map(line),
    payments: (after.payments as Row[]).map(payment),
    voidedPeriodIds: after.voidedPeriods as string[],
    cancelledRegistrationIds: after.cancelledRegistrations as string[],
    movedUpRegistrationIds: after.movedUp as string[],
    credit: (after.credit as Row[]).map(credit),
  };
}

/** Reads one 0.1 entry as an operation. Throws on an action 0.1 never wrote. */
export function operationFromLegacy(entry: LegacyEntry): Operation {
  const after = (entry.after ?? {}) as Row;
  switch (entry.action) {
    case 'desk.init': {
      const numbers = after.memberNumbers as { first: number; last: number };
      return {
        kind: 'desk.init',
        version: 1,
        desk: { id: text(after, 'deskId'), name: text(after, 'name'), receiptPrefix: text(after, 'receiptPrefix') },
        club: after.club as ClubSettings,
        systemUser: { id: text(after, 'systemUserId'), name: 'Administration (ligne de commande)' },
        memberNumbers: { blockId: `${entry.operationId}:numbers`, first: numbers.first, last: numbers.last },
      };
    }
    case 'settings.update':
      return { kind: 'settings.update', version: 1, settings: after as unknown as ClubSettings };
    case 'user.create':
      return {
        kind: 'user.create',
        version: 1,
        user: { id: text(after, 'id'), name: text(after, 'name'), role: after.role as 'volunteer' | 'treasurer' | 'admin', pinHash: null },
      };
    case 'user.sign_in':
    case 'user.sign_in_failed':
    case 'user.locked': {
      const lockedUntil = maybe(after, 'lockedUntil');
      const outcome = entry.action === 'user.sign_in' ? 'signed_in' : entry.action === 'user.locked' ? 'locked' : 'wrong_pin';
      // 0.1 logged the count of failures before a lock reset it to zero.
      return { kind: 'user.sign_in', version: 1, userId: entry.entityId, outcome, failedAttempts: lockedUntil ? 0 : int(after, 'failedAttempts'), lockedUntil };
    }
    case 'user.unlock':
      return { kind: 'user.unlock', version: 1, userId: entry.entityId };
    case 'member.create':
      return {
        kind: 'member.create',
        version: 1,
        member: { id: text(after, 'id'), number: int(after, 'number'), ...(memberFields(after) as Required<OperationOf<'member.update'>['changes']>) },
        household: household(after.household),
      };
    case 'member.update': {
      const { household: joined, ...columns } = after;
      return { kind: 'member.update', version: 1, memberId: entry.entityId, changes: memberFields(columns), household: household(joined) };
    }
    case 'number_block.add':
      return { kind: 'number_block.add', version: 1, blockId: text(after, 'id'), first: int(after, 'first'), last: int(after, 'last'), source: 'local' };
    case 'activity.create':
      return {
        kind: 'activity.create',
        version: 1,
        activity: {
          id: text(after, 'id'),
          code: text(after, 'code'),
          name: text(after, 'name'),
          season: text(after, 'season'),
          leader: maybe(after, 'leader'),
          schedule: maybe(after, 'schedule'),
          place: maybe(after, 'place'),
          priceCents: int(after, 'price_cents'),
          capacity: (after.capacity ?? null) as number | null,
          membershipRequired: after.membership_required === 1,
          startsOn: maybe(after, 'starts_on'),
          endsOn: maybe(after, 'ends_on'),
        },
      };
    case 'registration.create':
      return {
        kind: 'registration.create',
        version: 1,
        registrationId: text(after, 'id'),
        activityId: text(after, 'activity_id'),
        memberId: text(after, 'member_id'),
        status: after.status as 'registered' | 'waitlisted',
        source: after.source as 'desk' | 'online' | 'leader',
      };
    case 'registration.cancel':
      return { kind: 'registration.cancel', version: 1, registrationId: entry.entityId, movedUpRegistrationId: maybe(after, 'movedUp') };
    case 'cash_session.open':
      return {
        kind: 'cash_session.open',
        version: 1,
        sessionId: text(after, 'id'),
        businessDate: text(after, 'business_date'),
        floatCount: JSON.parse(text(after, 'float_count')) as Record<string, number>,
      };
    case 'cash_movement.in':
    case 'cash_movement.out':
      return {
        kind: 'cash_session.movement',
        version: 1,
        movementId: text(after, 'id'),
        sessionId: text(after, 'cash_session_id'),
        direction: after.kind as 'in' | 'out',
        amountCents: int(after, 'amount_cents'),
        reason: text(after, 'reason'),
      };
    case 'cash_session.close':
      return {
        kind: 'cash_session.close',
        version: 1,
        sessionId: entry.entityId,
        closingCount: JSON.parse(text(after, 'closing_count')) as Record<string, number>,
        expectedCents: int(after, 'expected_cents'),
        reason: maybe(after, 'difference_reason'),
      };
    case 'order.sale':
      // 0.1 knew no lowered prices: its sales read as v2 with every line at the club's price.
      return {
        kind: 'order.sale',
        version: 2,
        order: order(after.order as Row),
        lines: (after.lines as Row[]).map((row) => ({ ...line(row), listPriceCents: null, priceReason: null })),
        payments: (after.payments as Row[]).map(payment),
        periods: (after.periods as Row[]).map((p) => ({
          id: text(p, 'id'),
          memberId: text(p, 'memberId'),
          orderLineId: text(p, 'orderLineId'),
          startsOn: text(p, 'startsOn'),
          endsOn: text(p, 'endsOn'),
        })),
        registrations: (after.registrations as Row[]).map((r) => ({
          id: text(r, 'id'),
          activityId: text(r, 'activity_id'),
          memberId: text(r, 'member_id'),
          orderLineId: text(r, 'order_line_id'),
        })),
        credit: (after.credit as Row[]).map(credit),
      };
    case 'order.void':
    case 'order.refund':
      return correction(entry.action, after);
    case 'card.approved': {
      const approval = after.approval as Row;
      return {
        kind: 'card.approved',
        version: 1,
        approvalId: text(after, 'id'),
        amountCents: int(after, 'amountCents'),
        reference: text(after, 'reference'),
        approval: {
          // Comptoir 0.1 had only the standalone terminal (a slip typed in) and did not log its name.
          terminal: maybe(approval, 'terminal') ?? 'standalone',
          authCode: text(approval, 'authCode'),
          brand: maybe(approval, 'brand'),
          last4: maybe(approval, 'last4'),
          transactionId: maybe(approval, 'transactionId'),
        },
      };
    }
    case 'receipt.email':
      return {
        kind: 'receipt.email',
        version: 1,
        orderId: text(after, 'orderId'),
        receiptNumber: text(after, 'receiptNumber'),
        email: text(after, 'email'),
        language: after.language as Language,
      };
    default:
      throw new Error(`unknown 0.1 action ${entry.action}`);
  }
}
