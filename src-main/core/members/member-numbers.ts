import { z } from 'zod';
import type { Reader } from '../../db/sql.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { parseInput } from '../../../src-shared/validation.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';

/**
 * Member numbers are what members know and what their card shows, so an offline desk must still
 * hand out real ones: each desk draws from blocks reserved for it (set at desk set-up for now;
 * the central server will allocate them). A number is never given twice, even after a crash,
 * because the block's counter moves in the same transaction as the new member.
 */
export function takeMemberNumber(ctx: WriteContext): number {
  const { w } = ctx;
  for (;;) {
    const block = w.get(
      w.qb
        .selectFrom('member_number_block')
        .selectAll()
        .whereRef('next_number', '<=', 'last_number')
        .orderBy('first_number')
        .limit(1),
    );
    if (!block) throw new ComptoirError('NO_MEMBER_NUMBERS_LEFT');
    const number = block.next_number;
    w.run(w.qb.updateTable('member_number_block').set({ next_number: number + 1 }).where('id', '=', block.id));
    // A number may already be taken by a member that came from elsewhere (an import): skip it.
    const taken = w.get(w.qb.selectFrom('member').select('id').where('number', '=', number));
    if (!taken) return number;
  }
}

export const numberBlockSchema = z
  .object({ first: z.number().int().min(1).max(999_999_999), last: z.number().int().min(1).max(999_999_999) })
  .strict()
  .refine((b) => b.last >= b.first, { message: 'last >= first', path: ['last'] });

export function insertNumberBlock(ctx: WriteContext, first: number, last: number, source: 'local' | 'server'): string {
  const { w } = ctx;
  const overlap = w.get(
    w.qb
      .selectFrom('member_number_block')
      .select('id')
      .where('first_number', '<=', last)
      .where('last_number', '>=', first),
  );
  const used = w.get(
    w.qb.selectFrom('member').select('id').where('number', '>=', first).where('number', '<=', last).limit(1),
  );
  if (overlap || used) throw new ComptoirError('NUMBER_BLOCK_OVERLAP', { first, last });
  const id = ctx.newId();
  w.run(
    w.qb.insertInto('member_number_block').values({
      id,
      first_number: first,
      last_number: last,
      next_number: first,
      source,
      created_at: ctx.at,
    }),
  );
  return id;
}

/** Reserves a further local block (admin), e.g. when the desk runs out while offline. */
export function addLocalNumberBlock(desk: Desk, actor: Actor, input: unknown): { id: string; first: number; last: number } {
  const { first, last } = parseInput(numberBlockSchema, input);
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      const id = insertNumberBlock(ctx, first, last, 'local');
      const block = { id, first, last };
      return { change: { action: 'number_block.add', entityType: 'number_block', entityId: id, after: block }, result: block };
    },
    { roles: ['admin'] },
  );
}

export function numbersLeft(r: Reader): number {
  const row = r.rawGet<{ left: number | null }>(
    'SELECT SUM(last_number - next_number + 1) AS left FROM member_number_block',
  );
  return row?.left ?? 0;
}
