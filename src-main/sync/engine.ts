import type { Desk } from '../core/desk/desk.js';
import { pullChanges, type PullOutcome } from './pull-client.js';
import { startPushing, type PushOutcome } from './push-client.js';
import { retryDelay, type SyncTarget } from './transport.js';

/** The shortest time between two pulls that brought nothing, in ms. */
export const MIN_PULL_GAP_MS = 500;

export interface SyncEngine {
  /** A write happened: push it now rather than at the next tick. */
  nudge(): void;
  /** Stops both loops and waits for what is on the way (a pull answered mid-stop is applied or not at all). */
  stop(): Promise<void>;
}

/**
 * Keeps a desk in step with its club's server (docs/SYNC.md): a push loop (push-client.ts) and a
 * pull loop that always has a long-poll waiting on the server, so another desk's write shows
 * here within a second or two. Both back off with jitter while the server cannot be reached;
 * nothing is lost meanwhile: the desk works offline and catches up when the server answers.
 */
export function startSync(
  desk: Desk,
  target: SyncTarget,
  options: { fetch?: typeof fetch; waitSeconds?: number; random?: () => number; onPush?: (o: PushOutcome) => void; onPull?: (o: PullOutcome) => void } = {},
): SyncEngine {
  const pusher = startPushing(desk, target, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.onPush ? { onOutcome: options.onPush } : {}),
  });
  const stopping = new AbortController();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopping.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  const pulling = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      const started = Date.now();
      const outcome = await pullChanges(desk, target, {
        waitSeconds: options.waitSeconds ?? 25,
        signal: stopping.signal,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }).catch((error: unknown): PullOutcome => ({ kind: 'retry', reason: (error as Error).message }));
      if (stopping.signal.aborted) return;
      options.onPull?.(outcome);
      if (outcome.kind === 'pulled') {
        failures = 0;
        // Nothing new, and at once: a server that does not wait (or this desk's own entries) is
        // asked again after a short pause, never in a tight loop.
        const took = Date.now() - started;
        if (outcome.applied === 0 && took < MIN_PULL_GAP_MS) await pause(MIN_PULL_GAP_MS - took);
      } else await pause(retryDelay(failures++, options.random));
    }
  })();

  return {
    nudge: () => pusher.nudge(),
    stop: async () => {
      stopping.abort();
      await Promise.all([pusher.stop(), pulling]);
    },
  };
}
