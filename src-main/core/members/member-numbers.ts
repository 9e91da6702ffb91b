import { z } from 'zod';
import type { Reader } from '../../db/sql.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { MAX_MEMBER_NUMBER, parseInput } from '../../../src-shared/validation.js';
import { commitWrite, type Actor } from '../ledger/write.js';

/**
 * Member numbers are what members know and what their card shows, so an offline desk must still
 * hand out real ones: each desk draws from blocks reserved for it (set at desk set-up for now;
 * the central server will allocate them). A number is never given twice, even after a crash,
 * because the block's counter moves in the same transaction as the new member.
 */
export function nextMemberNumber(r: Reader): number {
  const blocks = r.all(
    r.qb.selectFrom('member_number_block').selectAll().whereRef('next_number', '<=', 'last_number').orderBy('first_number'),
  );
  for (const block of blocks) {
    // A number may already be taken by a member that came from elsewhere (an import): skip it.
    for (let number = block.next_number; number <= block.last_number; number++) {
      if (!r.get(r.qb.selectFrom('member').select('id').where('number', '=', number))) return number;
    }
  }
  throw new ComptoirError('NO_MEMBER_NUMBERS_LEFT');
}

export const numberBlockSchema = z
  .object({ first: z.number().int().min(1).max(MAX_MEMBER_NUMBER), last: z.number().int().min(1).max(MAX_MEMBER_NUMBER) })
  .strict()
  .refine((b) => b.last >= b.first, { message: 'last >= first', path: ['last'] });

/** @throws NUMBER_BLOCK_OVERLAP when the block meets another block or a number already given. */
export function checkNewBlock(r: Reader, first: number, last: number): void {
  const overlap = r.get(r.qb.selectFrom('member_number_block').select('id').where('first_number', '<=', last).where('last_number', '>=', first));
  const used = r.get(r.qb.selectFrom('member').select('id').where('number', '>=', first).where('number', '<=', last).limit(1));
  if (overlap || used) throw new ComptoirError('NUMBER_BLOCK_OVERLAP', { first, last });
}

/** Reserves a further local block (admin), e.g. when the desk runs out while offline. */
export function addLocalNumberBlock(desk: Desk, actor: Actor, input: unknown): { id: string; first: number; last: number } {
  const { first, last } = parseInput(numberBlockSchema, input);
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      checkNewBlock(ctx.r, first, last);
      const id = ctx.newId();
      ctx.record({ kind: 'number_block.add', version: 1, blockId: id, first, last, source: 'local' });
      return { id, first, last };
    },
    { roles: ['admin'] },
  );
}

/**
 * Records a block the club's server reserved for this desk (docs/SYNC.md): no other desk holds
 * it, so it is taken as given, under the server's id. Written as the command-line administrator.
 *
 * @throws NUMBER_BLOCK_OVERLAP when it meets a block or a number this desk already has.
 */
export function addServerNumberBlock(desk: Desk, actor: Actor, block: { id: string; first: number; last: number }): void {
  const { first, last } = parseInput(numberBlockSchema, { first: block.first, last: block.last });
  commitWrite(
    desk,
    actor,
    (ctx) => {
      checkNewBlock(ctx.r, first, last);
      ctx.record({ kind: 'number_block.add', version: 1, blockId: block.id, first, last, source: 'server' });
    },
    { roles: ['admin'] },
  );
}

/** Below this many numbers left, a desk joined to a server asks it for the next block. */
export const NUMBERS_LOW = 200;

/** How many member numbers this desk's blocks still hold. */
export function numbersLeft(r: Reader): number {
  const row = r.rawGet<{ left: number | null }>(
    'SELECT SUM(last_number - next_number + 1) AS left FROM member_number_block',
  );
  return row?.left ?? 0;
}
