import { ComptoirError } from '../../../src-shared/errors.js';
import type { MemberTable } from '../../db/schema.js';
import type { Writer } from '../../db/sql.js';
import { writeStamp } from '../../../src-shared/hlc.js';
import { winningChanges, type FieldStamps } from '../../../src-shared/member-details.js';
import type { OperationHandlers, OperationOf } from '../../../src-shared/operations/index.js';
import { fold, phoneDigits } from '../../../src-shared/text.js';
import type { ApplyContext } from '../ledger/apply.js';
import { indexMemberForSearch } from './search.js';

/** "Léveillé-Côté Françoise", folded: the order of the member list and the duplicate check's key. */
export function sortNameOf(firstName: string, lastName: string): string {
  return fold(`${lastName} ${firstName}`);
}

/** A number block as reserved: its counter starts at its first number. */
export function insertNumberBlock(w: Writer, block: { id: string; first: number; last: number; source: 'local' | 'server'; at: string }): void {
  w.insert('member_number_block', {
    id: block.id,
    first_number: block.first,
    last_number: block.last,
    next_number: block.first,
    source: block.source,
    created_at: block.at,
  });
}

/**
 * The household as the write left it: created when new, and everyone it names moved into it
 * (joining a member who had none creates one and moves them in too).
 */
function placeHousehold(ctx: ApplyContext, household: OperationOf<'member.create'>['household'], exceptId: string): void {
  if (!household) return;
  const { w, at } = ctx;
  if (!w.rawGet('SELECT 1 FROM household WHERE id = ?', household.id)) {
    w.insert('household', { id: household.id, name: household.name, created_at: at });
  }
  for (const memberId of household.memberIds) {
    if (memberId === exceptId) continue;
    w.rawRun('UPDATE member SET household_id = ?, updated_at = ? WHERE id = ? AND household_id IS NOT ?', household.id, at, memberId, household.id);
  }
}

/** The block a number came from moves past it: a number is never given twice. */
function advanceBlock(w: Writer, number: number): void {
  w.rawRun(
    'UPDATE member_number_block SET next_number = ? WHERE first_number <= ? AND last_number >= ? AND next_number <= ?',
    number + 1,
    number,
    number,
    number,
  );
}

const COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  email: 'email',
  phone: 'phone',
  address: 'address',
  city: 'city',
  postalCode: 'postal_code',
  language: 'language',
  notes: 'notes',
  householdId: 'household_id',
} as const satisfies Record<keyof OperationOf<'member.update'>['changes'], keyof MemberTable>;

export const memberHandlers = {
  'member.create': ({ member, household }, ctx) => {
    const { w, at, userId } = ctx;
    placeHousehold(ctx, household, member.id);
    const row: MemberTable = {
      id: member.id,
      number: member.number,
      first_name: member.firstName,
      last_name: member.lastName,
      sort_name: sortNameOf(member.firstName, member.lastName),
      birth_date: member.birthDate,
      email: member.email,
      phone: member.phone,
      phone_digits: member.phone ? phoneDigits(member.phone) : null,
      address: member.address,
      city: member.city,
      postal_code: member.postalCode,
      language: member.language,
      household_id: member.householdId,
      notes: member.notes,
      expires_on: null,
      created_at: at,
      created_by: userId,
      updated_at: at,
      erased_at: null,
      field_stamps: null,
    };
    w.insert('member', row);
    indexMemberForSearch(w, row);
    advanceBlock(w, member.number);
  },
  'member.update': ({ memberId, changes, household }, ctx) => {
    const { w, at, deskId } = ctx;
    const current = w.rawGet<MemberTable>('SELECT * FROM member WHERE id = ?', memberId);
    if (!current) throw new ComptoirError('MEMBER_NOT_ON_DESK', { memberId });
    // Field-level last writer wins (src-shared/member-details.ts): the server follows the same rule.
    const { winning, stamps } = winningChanges(JSON.parse(current.field_stamps ?? '{}') as FieldStamps, changes, writeStamp(at, deskId));
    const next: MemberTable = { ...current, updated_at: at > current.updated_at ? at : current.updated_at };
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = winning[field as keyof typeof winning];
      if (value !== undefined) (next as unknown as Record<string, unknown>)[column] = value;
    }
    const householdWins = winning.householdId !== undefined;
    if (householdWins) placeHousehold(ctx, household, memberId);
    next.field_stamps = JSON.stringify(stamps);
    next.sort_name = sortNameOf(next.first_name, next.last_name);
    next.phone_digits = next.phone ? phoneDigits(next.phone) : null;
    w.run(
      w.qb
        .updateTable('member')
        .set({
          first_name: next.first_name,
          last_name: next.last_name,
          sort_name: next.sort_name,
          birth_date: next.birth_date,
          email: next.email,
          phone: next.phone,
          phone_digits: next.phone_digits,
          address: next.address,
          city: next.city,
          postal_code: next.postal_code,
          language: next.language,
          household_id: next.household_id,
          notes: next.notes,
          updated_at: next.updated_at,
          field_stamps: next.field_stamps,
        })
        .where('id', '=', memberId),
    );
    indexMemberForSearch(w, next);
  },
  'number_block.add': (op, { w, at }) => insertNumberBlock(w, { id: op.blockId, first: op.first, last: op.last, source: op.source, at }),
} satisfies Partial<OperationHandlers<ApplyContext>>;

/** Another desk's block of numbers, pulled: its numbers are that desk's to give, never this one's. */
export const pulledMemberHandlers = {
  'number_block.add': () => {},
} satisfies Partial<OperationHandlers<ApplyContext>>;
