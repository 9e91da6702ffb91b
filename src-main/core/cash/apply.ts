import type { OperationHandlers } from '../../../src-shared/operations/index.js';
import type { ApplyContext } from '../ledger/apply.js';
import { countTotal, type CashCount } from './cash-sessions.js';

export const cashHandlers = {
  'cash_session.open': (op, { w, at, userId, deskId }) => {
    w.insert('cash_session', {
      id: op.sessionId,
      desk_id: deskId,
      business_date: op.businessDate,
      opened_at: at,
      opened_by: userId,
      float_cents: countTotal(op.floatCount as CashCount),
      float_count: JSON.stringify(op.floatCount),
      closed_at: null,
      closed_by: null,
      counted_cents: null,
      closing_count: null,
      expected_cents: null,
      difference_cents: null,
      difference_reason: null,
    });
  },
  'cash_session.movement': (op, { w, at, userId }) => {
    w.insert('cash_movement', {
      id: op.movementId,
      cash_session_id: op.sessionId,
      kind: op.direction,
      amount_cents: op.amountCents,
      reason: op.reason,
      created_at: at,
      created_by: userId,
    });
  },
  'cash_session.close': (op, { w, at, userId }) => {
    const counted = countTotal(op.closingCount as CashCount);
    w.run(
      w.qb
        .updateTable('cash_session')
        .set({
          closed_at: at,
          closed_by: userId,
          counted_cents: counted,
          closing_count: JSON.stringify(op.closingCount),
          expected_cents: op.expectedCents,
          difference_cents: counted - op.expectedCents,
          difference_reason: op.reason,
        })
        .where('id', '=', op.sessionId),
    );
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
