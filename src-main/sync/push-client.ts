import type { Desk } from '../core/desk/desk.js';
import { readSyncProgress, recordPushAttempt } from '../core/ledger/sync-progress.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { MAX_PUSH_ENTRIES, pushResponseSchema, serverErrorSchema, type ServerError } from '../../src-shared/sync-protocol.js';
import { entriesToPush } from './outgoing.js';

/** Where the club's server is and how this desk proves who it is (given at enrollment). */
export interface SyncTarget {
  /** The server's address, `https://…` (plain `http://` only on this computer: tests, the demo). */
  address: string;
  deskId: string;
  credential: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/**
 * The server's address, checked: production traffic is HTTPS; plain HTTP is allowed only on
 * loopback, where the demo and the tests run.
 *
 * @throws SERVER_ADDRESS_INSECURE for `http://` elsewhere or another scheme; INVALID_INPUT for
 *   something that is not an address.
 */
export function checkServerAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ComptoirError('INVALID_INPUT', { fr: `« ${address} » n’est pas une adresse`, en: `"${address}" is not an address` });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  throw new ComptoirError('SERVER_ADDRESS_INSECURE', { address });
}

/** What a push attempt came to: all sent, refused (kept on the desk, « à vérifier »), or to try again later. */
export type PushOutcome =
  | { kind: 'sent'; acknowledgedSeq: number }
  | { kind: 'rejected'; status: number; error: ServerError['error'] }
  | { kind: 'retry'; reason: string };

/**
 * Sends what the server has not acknowledged yet, batch after batch, until nothing is left or a
 * batch fails. A 4xx answer is a refusal: nothing is dropped, the entries stay in the log and
 * the reason is recorded for the sync screen. A 5xx answer or no answer means try again later.
 */
export async function pushPending(desk: Desk, target: SyncTarget, fetchImpl: typeof fetch = fetch): Promise<PushOutcome> {
  const url = new URL('/v1/push', checkServerAddress(target.address));
  const at = () => desk.clock.now().toISOString();
  let acknowledged = readSyncProgress(desk.reader).acknowledgedSeq;
  for (;;) {
    const batch = entriesToPush(desk.reader, acknowledged, MAX_PUSH_ENTRIES);
    if (batch.entries.length === 0) return { kind: 'sent', acknowledgedSeq: acknowledged };
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.deskId}.${target.credential}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      const reason = new ComptoirError('SERVER_UNREACHABLE', { address: target.address }).message;
      recordPushAttempt(desk, at(), { error: reason });
      return { kind: 'retry', reason };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const answer = pushResponseSchema.safeParse(body);
      if (!answer.success) {
        const reason = new ComptoirError('SERVER_FAILURE').message;
        recordPushAttempt(desk, at(), { error: reason });
        return { kind: 'retry', reason };
      }
      acknowledged = answer.data.acknowledgedSeq;
      recordPushAttempt(desk, at(), { acknowledgedSeq: acknowledged });
      continue;
    }
    const refusal = serverErrorSchema.safeParse(body);
    const error = refusal.success ? refusal.data.error : { code: 'SERVER_FAILURE', message: new ComptoirError('SERVER_FAILURE').message, messageEn: '' };
    recordPushAttempt(desk, at(), { error: error.message });
    if (response.status >= 400 && response.status < 500 && response.status !== 429) return { kind: 'rejected', status: response.status, error };
    return { kind: 'retry', reason: error.message };
  }
}

/**
 * The wait before the next attempt after `failures` failures in a row, in milliseconds:
 * exponential from 1 s up to 5 minutes, with "full jitter" (a random share of it) so that desks
 * that lost the network together do not all come back at the same instant.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
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
      const outcome = await pushPending(desk, target, options.fetch ?? fetch);
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
