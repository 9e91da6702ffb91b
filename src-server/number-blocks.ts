import type { Transaction } from 'kysely';
import { newId } from '../src-main/core/ids.js';
import { ComptoirError } from '../src-shared/errors.js';
import { MAX_MEMBER_NUMBER } from '../src-shared/validation.js';
import type { MemberNumberBlockTable, ServerDatabase } from './db/schema.js';

/** Member numbers start here in every club (the numbers the old platform gave stay below). */
export const FIRST_MEMBER_NUMBER = 100_000;
/** A block lasts a desk several registration days: a busy day creates about fifty members. */
export const NUMBER_BLOCK_SIZE = 1_000;

/**
 * Reserves the club's next block of member numbers for a desk. Blocks are handed out one after
 * the other; two allocations racing for the same block meet the `(club_id, first)` unique
 * constraint and the later one fails (its transaction retries or reports), so no two desks ever
 * hold the same number.
 *
 * @throws NO_MEMBER_NUMBERS_LEFT once the club's blocks reach MAX_MEMBER_NUMBER.
 */
export async function allocateNumberBlock(
  trx: Transaction<ServerDatabase>,
  clubId: string,
  deskId: string,
  now: Date,
  size = NUMBER_BLOCK_SIZE,
): Promise<MemberNumberBlockTable> {
  const last = await trx
    .selectFrom('member_number_block')
    .select((eb) => eb.fn.max('last').as('last'))
    .where('club_id', '=', clubId)
    .executeTakeFirst();
  const first = last?.last == null ? FIRST_MEMBER_NUMBER : Number(last.last) + 1;
  // Nine digits are all a card and a receipt hold: a club that gave them all gives no more.
  if (first + size - 1 > MAX_MEMBER_NUMBER) throw new ComptoirError('NO_MEMBER_NUMBERS_LEFT');
  const block: MemberNumberBlockTable = { id: newId(now.getTime()), club_id: clubId, desk_id: deskId, first, last: first + size - 1, created_at: now.toISOString() };
  await trx.insertInto('member_number_block').values(block).execute();
  return block;
}
