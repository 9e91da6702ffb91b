import type { Reader } from '../../db/sql.js';
import type { Desk } from '../desk/desk.js';

/**
 * How far the central server holds this desk's log (docs/SYNC.md): the last seq it
 * acknowledged, and how the last attempts went. Bookkeeping beside the log, not an operation of
 * the club: it is written without an audit entry, like the access log.
 */
export interface SyncProgress {
  acknowledgedSeq: number;
  /** Attempts that failed since the last success (the retry timer backs off with them). */
  attempts: number;
  /** The last refusal or failure, in French; null after a success. */
  lastError: string | null;
  /** ISO instant of the last attempt, successful or not. */
  lastAttemptAt: string | null;
}

export function readSyncProgress(r: Reader): SyncProgress {
  const row = r.rawGet<{ acknowledged_seq: number; attempts: number; last_error: string | null; last_attempt_at: string | null }>(
    'SELECT acknowledged_seq, attempts, last_error, last_attempt_at FROM sync_state WHERE id = 1',
  );
  return {
    acknowledgedSeq: row?.acknowledged_seq ?? 0,
    attempts: row?.attempts ?? 0,
    lastError: row?.last_error ?? null,
    lastAttemptAt: row?.last_attempt_at ?? null,
  };
}

/**
 * Records an attempt to push: with `acknowledgedSeq` the server's answer (the cursor only moves
 * forward, and never past this desk's last entry), with `error` why it failed.
 */
export function recordPushAttempt(desk: Desk, at: string, outcome: { acknowledgedSeq: number } | { error: string }): void {
  desk.connection.transaction((w) => {
    if ('acknowledgedSeq' in outcome) {
      w.rawRun(
        `UPDATE sync_state SET attempts = 0, last_error = NULL, last_attempt_at = ?, last_push_at = ?,
           acknowledged_seq = max(acknowledged_seq, min(?, (SELECT coalesce(max(seq), 0) FROM outbox)))
         WHERE id = 1`,
        at,
        at,
        outcome.acknowledgedSeq,
      );
    } else {
      w.rawRun('UPDATE sync_state SET attempts = attempts + 1, last_error = ?, last_attempt_at = ? WHERE id = 1', outcome.error, at);
    }
  });
}
