import type { Writer } from '../../db/sql.js';
import { dispatch, type Operation, type OperationHandlers } from '../../../src-shared/operations/index.js';
import { activityHandlers } from '../activities/apply.js';
import { cashHandlers } from '../cash/apply.js';
import { deskHandlers, pulledDeskHandlers } from '../desk/apply.js';
import { emailHandlers } from '../email/apply.js';
import { memberHandlers, pulledMemberHandlers } from '../members/apply.js';
import { privacyTableHandlers, pulledPrivacyHandlers } from '../privacy/apply.js';
import { saleHandlers } from '../sales/apply.js';
import { userHandlers } from '../users/apply.js';

/** The envelope of an operation being applied: where, when and by whom it was written. */
export interface ApplyContext {
  readonly w: Writer;
  readonly operationId: string;
  /** The instant of the write, ISO-8601 UTC; every row of the write carries the same one. */
  readonly at: string;
  readonly deskId: string;
  readonly userId: string;
  /**
   * Set when the operation came from another desk or from the server (pulled.ts, replay): the
   * few rules that differ — a registration that meets one this desk holds live — read it.
   */
  readonly pulled?: true;
}

/**
 * How the desk's tables take each kind of operation. A write applies its own operation through
 * these handlers, and a replay (verify, or a scratch copy) applies the log through the same ones:
 * the tables are what the log says, by construction. Derived columns (search keys, a member's
 * expiry, counters) are worked out here too. Each domain owns its handlers; TypeScript refuses
 * this map if a kind has none.
 */
export const deskTableHandlers = {
  ...deskHandlers,
  ...userHandlers,
  ...memberHandlers,
  ...activityHandlers,
  ...cashHandlers,
  ...saleHandlers,
  ...privacyTableHandlers,
  ...emailHandlers,
} satisfies OperationHandlers<ApplyContext>;

export function applyOperation(op: Operation, ctx: ApplyContext): void {
  dispatch(deskTableHandlers, op, ctx);
}

/**
 * How the tables take an operation pulled from the server (another desk's, or the server's
 * own): the same handlers, but for what is a desk's own identity — its set-up and its number
 * blocks (docs/SYNC.md).
 */
export const pulledTableHandlers = {
  ...deskTableHandlers,
  ...pulledDeskHandlers,
  ...pulledMemberHandlers,
  ...pulledPrivacyHandlers,
} satisfies OperationHandlers<ApplyContext>;

export function applyPulledOperation(op: Operation, ctx: ApplyContext): void {
  dispatch(pulledTableHandlers, op, ctx);
}
