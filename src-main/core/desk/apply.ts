import type { OperationHandlers, OperationOf } from '../../../src-shared/operations/index.js';
import type { Writer } from '../../db/sql.js';
import type { ApplyContext } from '../ledger/apply.js';
import { insertNumberBlock } from '../members/apply.js';

/** A desk's row and its command-line administrator (who has no PIN: nobody signs in as it). */
function insertDesk(w: Writer, op: OperationOf<'desk.init'>, at: string, systemUserName: string): void {
  w.insert('desk', { id: op.desk.id, name: op.desk.name, receipt_prefix: op.desk.receiptPrefix, next_receipt_seq: 1, created_at: at });
  w.insert('app_user', { id: op.systemUser.id, name: systemUserName, role: 'admin', pin_hash: null, failed_attempts: 0, locked_until: null, active: 1, created_at: at });
}

export const deskHandlers = {
  'desk.init': (op, { w, at }) => {
    insertDesk(w, op, at, op.systemUser.name);
    w.insert('setting', { key: 'local_desk_id', value: JSON.stringify(op.desk.id) });
    w.insert('setting', { key: 'club', value: JSON.stringify(op.club) });
    insertNumberBlock(w, { id: op.memberNumbers.blockId, first: op.memberNumbers.first, last: op.memberNumbers.last, source: 'local', at });
  },
  'settings.update': (op, { w }) => {
    w.rawRun("UPDATE setting SET value = ? WHERE key = 'club'", JSON.stringify(op.settings));
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;

/**
 * Another desk's `desk.init`, pulled from the server: that desk and its command-line user join
 * this desk's tables (its receipts and sales name them); this desk's identity, the club's
 * settings it started with and its number blocks stay its own. Every desk's command-line user
 * has the same name: the other desk's is told apart by its desk (user names are unique).
 */
export const pulledDeskHandlers = {
  'desk.init': (op, { w, at }) => insertDesk(w, op, at, `${op.systemUser.name} — ${op.desk.name} (${op.desk.receiptPrefix})`),
} satisfies Partial<OperationHandlers<ApplyContext>>;
