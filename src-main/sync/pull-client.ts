import type { Desk } from '../core/desk/desk.js';
import { applyPulledPage, type PulledOutcome } from '../core/ledger/pulled.js';
import { recordSyncAttempt } from '../core/ledger/sync-progress.js';
import { isComptoirError } from '../../src-shared/errors.js';
import { MAX_PULL_WAIT_SECONDS, pullResponseSchema } from '../../src-shared/sync-protocol.js';
import { callServer, foreign, type CallOutcome, type SyncTarget } from './transport.js';

/** What a pull came to: pages applied up to the server's head, refused, or to try again later. */
export type PullOutcome = ({ kind: 'pulled'; cursor: number; head: number } & PulledOutcome) | Exclude<CallOutcome, { kind: 'ok' }>;

function pullCursor(desk: Desk): number {
  return desk.reader.rawGet<{ pull_cursor: number }>('SELECT pull_cursor FROM sync_state WHERE id = 1')?.pull_cursor ?? 0;
}

/** Most pages one pull reads (a million entries): a club's first pull starts from its snapshot, far below this. */
export const MAX_PAGES_PER_PULL = 1000;

/**
 * Pulls the club's changes since this desk's cursor, page after page, and applies each
 * (core/ledger/pulled.ts) until the server's head. With `waitSeconds`, the first request waits
 * on the server for the next change (long-poll): an online desk always has one waiting, so
 * another desk's write shows here within about a second.
 */
export async function pullChanges(desk: Desk, target: SyncTarget, options: { waitSeconds?: number; fetch?: typeof fetch; signal?: AbortSignal } = {}): Promise<PullOutcome> {
  const total: PulledOutcome = { applied: 0, refused: [] };
  let wait = Math.min(options.waitSeconds ?? 0, MAX_PULL_WAIT_SECONDS);
  let pages = 0;
  for (;;) {
    const cursor = pullCursor(desk);
    const outcome = await callServer(
      target,
      `/v1/pull?after=${cursor}&wait=${wait}`,
      { method: 'GET', answer: pullResponseSchema, timeoutMs: (wait + 30) * 1000, ...(options.signal ? { signal: options.signal } : {}) },
      options.fetch ?? fetch,
    );
    const at = desk.clock.now().toISOString();
    // « More » from a cursor that does not move on is no answer a Comptoir server gives: asked again, it would never end.
    const page = outcome.kind === 'ok' && outcome.body.more && outcome.body.cursor <= cursor ? foreign(target.address) : outcome;
    if (page.kind !== 'ok') {
      recordSyncAttempt(desk, at, { unreachable: page.kind === 'retry' ? page.reason : page.error.message });
      return page;
    }
    let applied: PulledOutcome;
    try {
      applied = applyPulledPage(desk, page.body);
    } catch (error) {
      // A page that cannot be applied as it is (a broken chain): said, and asked again later.
      if (!isComptoirError(error)) throw error;
      recordSyncAttempt(desk, at, { unreachable: error.message });
      return { kind: 'retry', reason: error.message };
    }
    total.applied += applied.applied;
    total.refused.push(...applied.refused);
    // A server that always has « more » keeps no desk pulling for ever: the sync engine asks again later.
    if (!page.body.more || ++pages >= MAX_PAGES_PER_PULL) return { kind: 'pulled', cursor: page.body.cursor, head: page.body.head, ...total };
    wait = 0;
  }
}
