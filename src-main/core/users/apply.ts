import type { OperationHandlers } from '../../../src-shared/operations/index.js';
import type { ApplyContext } from '../ledger/apply.js';

export const userHandlers = {
  'user.create': ({ user }, { w, at }) => {
    w.insert('app_user', { id: user.id, name: user.name, role: user.role, pin_hash: user.pinHash, failed_attempts: 0, locked_until: null, active: 1, created_at: at });
  },
  'user.sign_in': (op, { w }) => {
    w.rawRun('UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?', op.failedAttempts, op.lockedUntil, op.userId);
  },
  'user.unlock': (op, { w }) => {
    w.rawRun('UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?', op.userId);
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
