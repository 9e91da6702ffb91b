import { z } from 'zod';
import { activityCreateV1, registrationCancelV1, registrationCreateV1 } from './activities.js';
import { cashSessionCloseV1, cashSessionMovementV1, cashSessionOpenV1 } from './cash.js';
import { deskInitV1, settingsUpdateV1, userCreateV1, userSignInV1, userUnlockV1 } from './desk.js';
import { memberCreateV1, memberUpdateV1, numberBlockAddV1 } from './members.js';
import { emailDeliveryV1 } from './email.js';
import { memberEraseV1 } from './privacy.js';
import { periodAddedV1, registrationDuplicateV1, registrationWaitlistedV1, treasurerFlagV1 } from './server.js';
import { cardApprovedV1, orderRefundV1, orderSaleV1, orderSaleV2, orderVoidV1, receiptEmailV1, saleV1AsV2 } from './sales.js';

/**
 * Every operation a desk can log, one schema per kind and version: the hash-chained audit log
 * stores them, the central server replays them (an exhaustive handler map), and the desk's
 * `verify` replays them to prove its tables. A kind's shape never changes once shipped: a new
 * shape is a new version, and older versions are read through an upcaster to the newest.
 */
export const operationSchema = z.discriminatedUnion('kind', [
  deskInitV1,
  settingsUpdateV1,
  userCreateV1,
  userSignInV1,
  userUnlockV1,
  memberCreateV1,
  memberUpdateV1,
  numberBlockAddV1,
  activityCreateV1,
  registrationCreateV1,
  registrationCancelV1,
  cashSessionOpenV1,
  cashSessionMovementV1,
  cashSessionCloseV1,
  orderSaleV2,
  orderVoidV1,
  orderRefundV1,
  cardApprovedV1,
  receiptEmailV1,
  memberEraseV1,
  periodAddedV1,
  registrationWaitlistedV1,
  registrationDuplicateV1,
  treasurerFlagV1,
  emailDeliveryV1,
]);

export type Operation = z.infer<typeof operationSchema>;
export type OperationKind = Operation['kind'];

/**
 * What only the club's server writes, on its own chain (docs/SYNC.md, Conflicts and Email): its
 * decisions and what became of an email. Desks apply them as pulled and never log them; a push
 * that holds one is refused.
 */
export const SERVER_WRITTEN_KINDS: ReadonlySet<string> = new Set<OperationKind>(['period.added', 'registration.waitlisted', 'registration.duplicate', 'treasurer.flag', 'email.delivery']);
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;
/** An operation as the desk writes it: its kind and version, then its facts. */
export type OperationBody<K extends OperationKind> = Omit<OperationOf<K>, 'kind' | 'version'>;

/**
 * One handler per kind, for whoever replays operations (the desk's tables, the server's):
 * TypeScript refuses a map that forgets a kind.
 */
export type OperationHandlers<Context> = { [K in OperationKind]: (op: OperationOf<K>, context: Context) => void };

/** Runs the handler of an operation's kind. */
export function dispatch<Context>(handlers: OperationHandlers<Context>, op: Operation, context: Context): void {
  (handlers[op.kind] as (op: Operation, context: Context) => void)(op, context);
}

/** What an operation is about, as the audit log files it: « member 0193… », « order 0193… ». */
export function entityOf(op: Operation): { type: string; id: string } {
  switch (op.kind) {
    case 'desk.init':
      return { type: 'desk', id: op.desk.id };
    case 'settings.update':
      return { type: 'settings', id: 'club' };
    case 'user.create':
      return { type: 'user', id: op.user.id };
    case 'user.sign_in':
    case 'user.unlock':
      return { type: 'user', id: op.userId };
    case 'member.create':
      return { type: 'member', id: op.member.id };
    case 'member.update':
    case 'member.erase':
      return { type: 'member', id: op.memberId };
    case 'number_block.add':
      return { type: 'number_block', id: op.blockId };
    case 'activity.create':
      return { type: 'activity', id: op.activity.id };
    case 'registration.create':
      return { type: 'registration', id: op.registrationId };
    case 'registration.cancel':
      return { type: 'registration', id: op.registrationId };
    case 'cash_session.open':
    case 'cash_session.close':
      return { type: 'cash_session', id: op.sessionId };
    case 'cash_session.movement':
      return { type: 'cash_movement', id: op.movementId };
    case 'order.sale':
    case 'order.void':
    case 'order.refund':
      return { type: 'order', id: op.order.id };
    case 'card.approved':
      return { type: 'card_approval', id: op.approvalId };
    case 'receipt.email':
      return { type: 'order', id: op.orderId };
    case 'period.added':
      return { type: 'membership_period', id: op.periodId };
    case 'registration.waitlisted':
      return { type: 'registration', id: op.registrationId };
    case 'registration.duplicate':
      return { type: 'registration', id: op.cancelledRegistrationId };
    case 'treasurer.flag':
      return { type: 'treasurer_flag', id: op.flagId };
    case 'email.delivery':
      return { type: 'email', id: op.emailId };
  }
}


/**
 * A version a kind no longer writes: its schema, and how to read it as the next version. When a
 * kind's shape changes, its old schema moves here and the union above gets the new one.
 */
export interface PastVersion {
  schema: z.ZodType;
  upcast: (older: Record<string, unknown>) => Record<string, unknown>;
}
export type PastVersions = Partial<Record<string, Record<number, PastVersion>>>;

/** The versions of each kind the log may hold besides the current ones. */
export const PAST_VERSIONS: PastVersions = {
  // v2 (issue 9): a line keeps the club's price and the reason when the desk lowered it.
  'order.sale': { 1: { schema: orderSaleV1, upcast: saleV1AsV2 } },
};

/**
 * A reader of logged operations: the current version of a kind is parsed against the union,
 * an older one against its own schema, then upcast step by step to the current one.
 */
export function operationReader<T>(current: z.ZodType<T>, past: PastVersions): (kind: string, version: number, payload: string | object) => T {
  return (kind, version, payload) => {
    const stored = (typeof payload === 'string' ? JSON.parse(payload) : payload) as Record<string, unknown>;
    let facts: Record<string, unknown> = { ...stored, kind, version };
    for (let step = 0; step < 100; step++) {
      const older = past[kind]?.[facts.version as number];
      if (!older) break;
      facts = { ...older.upcast(older.schema.parse(facts) as Record<string, unknown>), kind };
    }
    return current.parse(facts);
  };
}

/**
 * Reads an operation back from the log. Throws a zod error when the stored facts do not fit the
 * schema of their kind and version (an entry edited by hand, or written by a newer Comptoir).
 */
export const parseOperation = operationReader(operationSchema, PAST_VERSIONS);
