import type { OperationHandlers } from '../../../src-shared/operations/index.js';
import type { ApplyContext } from '../ledger/apply.js';

/**
 * Emails on the desk: the requests live in the log itself (`receipt.email`; a membership sold
 * is its own request), and the server's word on each, once it has one, in `email_delivery`.
 */
export const emailHandlers = {
  'receipt.email': () => {},
  'email.delivery': (op, { w, at }) => {
    // A later word on the same email (sent after all) replaces the earlier one.
    w.rawRun('DELETE FROM email_delivery WHERE email_id = ?', op.emailId);
    w.insert('email_delivery', {
      email_id: op.emailId,
      email_kind: op.emailKind,
      order_id: op.orderId,
      status: op.status,
      failure: op.failure,
      smtp_code: op.smtpCode,
      attempts: op.attempts,
      at,
    });
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
