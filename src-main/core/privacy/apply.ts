import type { MemberTable } from '../../db/schema.js';
import type { OperationHandlers } from '../../../src-shared/operations/index.js';
import { ERASED_HOUSEHOLD_NAME, ERASED_MEMBER } from '../../../src-shared/personal-data.js';
import type { ApplyContext } from '../ledger/apply.js';
import { memberHandlers } from '../members/apply.js';

export const privacyTableHandlers = {
  /**
   * The member's personal fields take their erased values (through « Modifier »'s own handler, so
   * the search keys and derived columns follow), they leave their household, and a household left
   * with no one whose data is kept loses its family name.
   */
  'member.erase': ({ memberId }, ctx) => {
    const member = ctx.w.rawGet<MemberTable>('SELECT * FROM member WHERE id = ?', memberId);
    if (!member) throw new Error(`member ${memberId} is not on this desk`);
    memberHandlers['member.update']({ kind: 'member.update', version: 1, memberId, changes: { ...ERASED_MEMBER, householdId: null }, household: null }, ctx);
    ctx.w.rawRun('UPDATE member SET erased_at = ? WHERE id = ?', ctx.at, memberId);
    if (member.household_id) {
      ctx.w.rawRun(
        'UPDATE household SET name = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM member WHERE household_id = ? AND erased_at IS NULL)',
        ERASED_HOUSEHOLD_NAME,
        member.household_id,
        member.household_id,
      );
    }
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
