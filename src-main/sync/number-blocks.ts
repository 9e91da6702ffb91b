import type { Desk } from '../core/desk/desk.js';
import { systemUserId } from '../core/desk/setup.js';
import { addServerNumberBlock, NUMBERS_LOW, numbersLeft } from '../core/members/member-numbers.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { numberBlockResponseSchema } from '../../src-shared/sync-protocol.js';
import { callServer, readAnswer, type CallOutcome, type SyncTarget } from './transport.js';

/**
 * Asks the club's server for the next block of member numbers while this desk still has
 * `NUMBERS_LOW` left, so that it never runs out offline. Nothing to do (`enough`) most of the time.
 */
export async function ensureMemberNumbers(
  desk: Desk,
  target: SyncTarget,
  fetchImpl: typeof fetch = fetch,
): Promise<{ kind: 'enough' | 'added' } | Exclude<CallOutcome, { kind: 'ok' }>> {
  if (numbersLeft(desk.reader) >= NUMBERS_LOW) return { kind: 'enough' };
  const outcome = await callServer(target, '/v1/number-blocks', { method: 'POST', body: {} }, fetchImpl);
  if (outcome.kind !== 'ok') return outcome;
  const answer = numberBlockResponseSchema.safeParse(outcome.body);
  // Said like any answer that does not fit: the sync screen shows it, and the desk tries again later.
  if (!answer.success) return { kind: 'retry', reason: new ComptoirError('SERVER_ANSWER_INVALID', { address: target.address }).message };
  const block = answer.data;
  addServerNumberBlock(desk, { userId: systemUserId(desk) }, { id: block.blockId, first: block.first, last: block.last });
  return { kind: 'added' };
}

/**
 * Reserves blocks from the club's server until this desk can give `count` more member numbers:
 * before an import or the demo club, which need more than one block at once.
 *
 * @throws SERVER_REFUSED or SERVER_UNREACHABLE when the server cannot give a block;
 *   SERVER_ANSWER_INVALID when its answer is not a block.
 */
export async function reserveMemberNumbers(desk: Desk, target: SyncTarget, count: number, fetchImpl: typeof fetch = fetch): Promise<void> {
  while (numbersLeft(desk.reader) < count) {
    const outcome = await callServer(target, '/v1/number-blocks', { method: 'POST', body: {} }, fetchImpl);
    if (outcome.kind === 'retry' && !outcome.error) throw new ComptoirError('SERVER_UNREACHABLE', { address: target.address });
    if (outcome.kind !== 'ok') throw new ComptoirError('SERVER_REFUSED', { fr: outcome.error!.message, en: outcome.error!.messageEn });
    const block = readAnswer(numberBlockResponseSchema, outcome.body, target.address);
    addServerNumberBlock(desk, { userId: systemUserId(desk) }, { id: block.blockId, first: block.first, last: block.last });
  }
}
