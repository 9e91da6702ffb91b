import type { Desk } from '../core/desk/desk.js';
import { systemUserId } from '../core/desk/setup.js';
import { addServerNumberBlock, NUMBERS_LOW, numbersLeft } from '../core/members/member-numbers.js';
import { ComptoirError, isComptoirError } from '../../src-shared/errors.js';
import { numberBlockResponseSchema, type NumberBlockResponse } from '../../src-shared/sync-protocol.js';
import { callFailure, callServer, type CallOutcome, type SyncTarget } from './transport.js';

/**
 * Asks the club's server for the next block of member numbers while this desk still has
 * `NUMBERS_LOW` left, so that it never runs out offline. Nothing to do (`enough`) most of the
 * time; a block that meets numbers this desk already has is kept out and said (try later).
 */
export async function ensureMemberNumbers(
  desk: Desk,
  target: SyncTarget,
  fetchImpl: typeof fetch = fetch,
): Promise<{ kind: 'enough' | 'added' } | Exclude<CallOutcome, { kind: 'ok' }>> {
  if (numbersLeft(desk.reader) >= NUMBERS_LOW) return { kind: 'enough' };
  const outcome = await callServer(target, '/v1/number-blocks', { method: 'POST', body: {}, answer: numberBlockResponseSchema }, fetchImpl);
  if (outcome.kind !== 'ok') return outcome;
  try {
    addBlock(desk, outcome.body);
  } catch (error) {
    // Said on the sync screen; the push goes on with the numbers the desk has.
    return { kind: 'retry', reason: (error as Error).message };
  }
  return { kind: 'added' };
}

/**
 * Reserves blocks from the club's server until this desk can give `count` more member numbers:
 * before an import or the demo club, which need more than one block at once.
 *
 * @throws SERVER_REFUSED or SERVER_UNREACHABLE when the server cannot give a block;
 *   SERVER_ANSWER_INVALID when its answer is not a block; SERVER_NUMBER_BLOCK_OVERLAP when the
 *   block meets numbers this desk already has.
 */
export async function reserveMemberNumbers(desk: Desk, target: SyncTarget, count: number, fetchImpl: typeof fetch = fetch): Promise<void> {
  while (numbersLeft(desk.reader) < count) {
    const outcome = await callServer(target, '/v1/number-blocks', { method: 'POST', body: {}, answer: numberBlockResponseSchema }, fetchImpl);
    if (outcome.kind !== 'ok') throw callFailure(outcome, target.address);
    addBlock(desk, outcome.body);
  }
}

/**
 * A block from the server recorded on this desk.
 *
 * @throws SERVER_NUMBER_BLOCK_OVERLAP when it meets a block, a block id or a number this desk
 *   already has: the server gave numbers it had given before (its database restored from an old
 *   copy, say); nothing is recorded, and the desk goes on with the numbers it has.
 */
function addBlock(desk: Desk, block: NumberBlockResponse): void {
  // A block id this desk already holds: the same nonsense as numbers it already has.
  if (desk.reader.rawGet('SELECT 1 AS here FROM member_number_block WHERE id = ?', block.blockId)) {
    throw new ComptoirError('SERVER_NUMBER_BLOCK_OVERLAP', { first: block.first, last: block.last });
  }
  try {
    addServerNumberBlock(desk, { userId: systemUserId(desk) }, { id: block.blockId, first: block.first, last: block.last });
  } catch (error) {
    if (isComptoirError(error) && error.code === 'NUMBER_BLOCK_OVERLAP') throw new ComptoirError('SERVER_NUMBER_BLOCK_OVERLAP', { first: block.first, last: block.last });
    throw error;
  }
}
