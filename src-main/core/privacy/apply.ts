import { ComptoirError } from '../../../src-shared/errors.js';
import type { Language, MemberTable } from '../../db/schema.js';
import { householdName } from '../../../src-shared/words.js';
import type { OperationHandlers } from '../../../src-shared/operations/index.js';
import { ERASED_HOUSEHOLD_NAME, ERASED_MEMBER } from '../../../src-shared/personal-data.js';
import type { ApplyContext } from '../ledger/apply.js';
import { memberHandlers } from '../members/apply.js';
import { destroyKey } from './sealing.js';

export const privacyTableHandlers = {
  /**
   * The member's personal fields take their erased values (through « Modifier »'s own handler, so
   * the search keys and derived columns follow) and they leave their household. The household is
   * named again after whoever stays (the first by number), or « Ménage anonymisé » when no one does:
   * a family name that was the erased member's goes with them, and a replay, which may no longer
   * read the name the household was first given, names it the same way.
   */
  'member.erase': ({ memberId }, ctx) => {
    const member = ctx.w.rawGet<MemberTable>('SELECT * FROM member WHERE id = ?', memberId);
    if (!member) throw new ComptoirError('MEMBER_NOT_ON_DESK', { memberId });
    // An erasure wins over any earlier edit of the personal fields, whatever their stamps say
    // (field-level last-writer-wins, docs/SYNC.md): their stamps become the erasure's.
    const stamps = JSON.parse(member.field_stamps ?? '{}') as Record<string, string>;
    for (const field of [...Object.keys(ERASED_MEMBER), 'householdId']) delete stamps[field];
    ctx.w.rawRun('UPDATE member SET field_stamps = ? WHERE id = ?', JSON.stringify(stamps), memberId);
    memberHandlers['member.update']({ kind: 'member.update', version: 1, memberId, changes: { ...ERASED_MEMBER, householdId: null }, household: null }, ctx);
    ctx.w.rawRun('UPDATE member SET erased_at = ? WHERE id = ?', ctx.at, memberId);
    if (member.household_id) {
      const stays = ctx.w.rawGet<{ last_name: string; language: Language }>(
        'SELECT last_name, language FROM member WHERE household_id = ? AND erased_at IS NULL ORDER BY number LIMIT 1',
        member.household_id,
      );
      const name = stays ? householdName(stays.last_name, stays.language) : ERASED_HOUSEHOLD_NAME;
      ctx.w.rawRun('UPDATE household SET name = ? WHERE id = ?', name, member.household_id);
    }
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;

/**
 * Another desk's erasure, pulled: the same, and this desk destroys its copy of the member's key
 * too, so every copy of the sealed fields it holds — its own entries and the pulled ones — is
 * unreadable from now on (docs/PRIVACY.md).
 */
export const pulledPrivacyHandlers = {
  'member.erase': (op, ctx) => {
    privacyTableHandlers['member.erase'](op, ctx);
    destroyKey(ctx.w, op.memberId);
  },
} satisfies Partial<OperationHandlers<ApplyContext>>;
