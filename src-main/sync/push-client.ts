import type { Desk } from '../core/desk/desk.js';
import { readSyncProgress, recordSyncAttempt } from '../core/ledger/sync-progress.js';
import { MAX_PUSH_ENTRIES, pushResponseSchema, type Attachment, type LogEntry, type MemberKey } from '../../src-shared/sync-protocol.js';
import { callServer, foreign, retryDelay, type CallOutcome, type SyncTarget } from './transport.js';
import { entriesToPush, receiptsToAttach } from './outgoing.js';
import { renderAttachments } from './attachments.js';
import { ensureMemberNumbers } from './number-blocks.js';

/** What a push attempt came to: all sent, refused (kept on the desk, « à vérifier »), or to try again later. */
export type PushOutcome = { kind: 'sent'; acknowledgedSeq: number } | Exclude<CallOutcome, { kind: 'ok' }>;

/**
 * Sends what the server has not acknowledged yet, batch after batch, until nothing is left or a
 * batch fails. A 4xx answer is a refusal: nothing is dropped, the entries stay in the log and
 * the reason is recorded for the sync screen. A 5xx answer or no answer means try again later.
 */
export async function pushPending(desk: Desk, target: SyncTarget, fetchImpl: typeof fetch = fetch): Promise<PushOutcome> {
  const at = () => desk.clock.now().toISOString();
  // The next block of member numbers is asked for while the desk is online, long before it runs out.
  await ensureMemberNumbers(desk, target, fetchImpl);
  let acknowledged = readSyncProgress(desk.reader).acknowledgedSeq;
  let next: Promise<OutgoingBatch> | null = null;
  for (;;) {
    const { batch, attachments } = await (next ?? readBatch(desk, acknowledged));
    next = null;
    if (batch.entries.length === 0) return { kind: 'sent', acknowledgedSeq: acknowledged };
    const last: number = batch.entries.at(-1)!.seq;
    const answering = callServer(target, '/v1/push', { method: 'POST', body: { ...batch, attachments, sentAt: desk.clock.now().toISOString() }, answer: pushResponseSchema }, fetchImpl);
    // The batch after this one is read while the server applies this one: the desk's work and the
    // server's overlap. Used only if the server takes this batch whole and it holds entries (a
    // write while this one travelled is then read again, after the answer).
    const following: Promise<OutgoingBatch> = afterATurn(() => readBatch(desk, last));
    following.catch(() => undefined);
    const outcome = await answering;
    if (outcome.kind !== 'ok') {
      recordSyncAttempt(desk, at(), outcome.kind === 'rejected' ? { refused: outcome.error.message } : { unreachable: outcome.reason });
      return outcome;
    }
    const answer = outcome.body;
    // Neither taken nor refused: a Comptoir server never answers so, and sending it again would never end.
    if (answer.acknowledgedSeq < batch.entries[0]!.seq) {
      const failed = foreign(target.address);
      recordSyncAttempt(desk, at(), { unreachable: failed.reason });
      return failed;
    }
    // Never past what was sent: entries the server says it holds beyond the batch (this desk's log
    // restored from a copy, say) are sent next, and checked against what it holds.
    acknowledged = Math.min(answer.acknowledgedSeq, last);
    recordSyncAttempt(desk, at(), { acknowledgedSeq: acknowledged, clockOffsetMs: answer.clockOffsetMs });
    if (acknowledged === last) {
      const read = await following.catch(() => null);
      if (read && read.batch.entries.length > 0) next = Promise.resolve(read);
    }
  }
}

/** A batch of the log to push, and the PDFs of the receipts it asks to email. */
interface OutgoingBatch {
  batch: { entries: LogEntry[]; keys: MemberKey[] };
  attachments: Attachment[];
}

async function readBatch(desk: Desk, afterSeq: number): Promise<OutgoingBatch> {
  const batch = entriesToPush(desk.reader, afterSeq, MAX_PUSH_ENTRIES);
  return { batch, attachments: await renderAttachments(desk, receiptsToAttach(desk.reader, batch.entries)) };
}

/** `work` after a turn of the event loop: a request just made leaves before the work holds the thread. */
async function afterATurn<T>(work: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setImmediate(resolve));
  return work();
}

/**
 * Keeps pushing on a timer: right away, then every `intervalMs` while all goes well, sooner when
 * `nudge()` says a write happened, later and later (retryDelay) while the server cannot be
 * reached. A refusal stops the timer until `nudge()`: sending the same thing again would be
 * refused again.
 */
export function startPushing(
  desk: Desk,
  target: SyncTarget,
  options: { intervalMs?: number; fetch?: typeof fetch; random?: () => number; onOutcome?: (outcome: PushOutcome) => void } = {},
): { nudge: () => void; stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let failures = 0;
  let again = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void attempt(), ms);
    timer.unref?.();
  };
  const attempt = async () => {
    if (stopped) return;
    if (running) {
      // A write while a push is on the way: one more round right after it.
      again = true;
      return;
    }
    running = (async () => {
      // A failure of the desk's own (its file busy, say) is one more reason to try again later.
      const outcome = await pushPending(desk, target, options.fetch ?? fetch).catch((error: unknown): PushOutcome => ({ kind: 'retry', reason: (error as Error).message }));
      options.onOutcome?.(outcome);
      if (again && outcome.kind !== 'retry') {
        again = false;
        schedule(0);
      } else if (outcome.kind === 'sent') {
        failures = 0;
        schedule(options.intervalMs ?? 30_000);
      } else if (outcome.kind === 'retry') {
        schedule(retryDelay(failures++, options.random));
      }
    })().finally(() => (running = null));
    await running;
  };
  schedule(0);
  return {
    nudge: () => schedule(0),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
