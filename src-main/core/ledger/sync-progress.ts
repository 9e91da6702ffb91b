import type { Reader } from '../../db/sql.js';
import { MAX_CLOCK_DRIFT_MS } from '../../../src-shared/hlc.js';
import { readSetting, type Desk } from '../desk/desk.js';

/**
 * How far the central server holds this desk's log (docs/SYNC.md): the last seq it
 * acknowledged, and how the last attempts went. Bookkeeping beside the log, not an operation of
 * the club: it is written without an audit entry, like the access log.
 */
export interface SyncProgress {
  acknowledgedSeq: number;
  /** Attempts that failed since the last success (the retry timer backs off with them). */
  attempts: number;
  /** Why the server could not be reached, in French; null after a success. */
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
 * Records how a call to the server went: a push the server acknowledged (the cursor only moves
 * forward, never past this desk's last entry), a push it refused (`refused`: kept for the sync
 * screen until a push goes through), or a server that could not be reached (`unreachable`: the
 * retry timer backs off with `attempts`).
 */
export function recordSyncAttempt(
  desk: Desk,
  at: string,
  outcome: { acknowledgedSeq: number; clockOffsetMs?: number | null } | { refused: string } | { unreachable: string },
): void {
  desk.connection.transaction((w) => {
    if ('acknowledgedSeq' in outcome) {
      w.rawRun(
        `UPDATE sync_state SET attempts = 0, last_error = NULL, push_refusal = NULL, last_attempt_at = ?, last_push_at = ?,
           acknowledged_seq = max(acknowledged_seq, min(?, (SELECT coalesce(max(seq), 0) FROM outbox))),
           clock_offset_ms = coalesce(?, clock_offset_ms)
         WHERE id = 1`,
        at,
        at,
        outcome.acknowledgedSeq,
        outcome.clockOffsetMs ?? null,
      );
    } else if ('refused' in outcome) {
      w.rawRun('UPDATE sync_state SET attempts = 0, last_error = NULL, push_refusal = ?, last_attempt_at = ? WHERE id = 1', outcome.refused, at);
    } else {
      w.rawRun('UPDATE sync_state SET attempts = attempts + 1, last_error = ?, last_attempt_at = ? WHERE id = 1', outcome.unreachable, at);
    }
  });
}

/** The club's server this desk joined, and its credential; null for a desk on its own. */
export function readSyncTarget(r: Reader): { address: string; deskId: string; credential: string } | null {
  const row = r.rawGet<{ server_address: string | null; desk_credential: string | null }>('SELECT server_address, desk_credential FROM sync_state WHERE id = 1');
  const deskId = readSetting<string>(r, 'local_desk_id');
  if (!row?.server_address || !row.desk_credential || !deskId) return null;
  return { address: row.server_address, deskId, credential: row.desk_credential };
}

/** Remembers the club's server and this desk's credential, once, when the desk joins it. */
export function recordSyncTarget(desk: Desk, target: { address: string; credential: string }): void {
  desk.connection.transaction((w) => {
    w.rawRun('UPDATE sync_state SET server_address = ?, desk_credential = ? WHERE id = 1', target.address, target.credential);
  });
}

/**
 * What the header and the sync screen say (docs/SYNC.md): whether the desk joined a server,
 * how many of its operations wait, what was refused, when it last heard from the server.
 * `synced` is true only when the server acknowledged every operation of this desk and the desk
 * pulled up to the server's head as last seen.
 */
export interface SyncStatus {
  joined: boolean;
  address: string | null;
  /** This desk's operations the server has not acknowledged yet. */
  waiting: number;
  /** Pulled entries kept but not applied (a local rule refused them): « à vérifier ». */
  toCheck: number;
  /** Why the server refused this desk's last push (its operations stay here): « à vérifier ». */
  pushRefusal: string | null;
  lastError: string | null;
  /** Failed attempts in a row. */
  attempts: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  /** ISO instant since when the server has not answered (its last answer to a push or a pull), or null while it answers. */
  offlineSince: string | null;
  /** This desk's clock minus the server's (ms) when it is off by more than the allowed drift; null when right. */
  clockOffMs: number | null;
  synced: boolean;
}

export function readSyncStatus(r: Reader): SyncStatus {
  const row = r.rawGet<{
    acknowledged_seq: number;
    attempts: number;
    last_error: string | null;
    last_attempt_at: string | null;
    last_push_at: string | null;
    last_pull_at: string | null;
    pull_cursor: number;
    server_head: number;
    server_address: string | null;
    push_refusal: string | null;
    clock_offset_ms: number | null;
  }>('SELECT * FROM sync_state WHERE id = 1')!;
  const last = r.rawGet<{ seq: number | null }>('SELECT max(seq) AS seq FROM outbox')?.seq ?? 0;
  const refusedPulled = r.rawGet<{ n: number }>('SELECT count(*) AS n FROM pulled_entry WHERE problem IS NOT NULL')!.n;
  const waiting = Math.max(0, last - row.acknowledged_seq);
  const joined = row.server_address !== null;
  return {
    joined,
    address: row.server_address,
    waiting,
    toCheck: refusedPulled,
    pushRefusal: row.push_refusal,
    lastError: row.last_error,
    attempts: row.attempts,
    lastPushAt: row.last_push_at,
    lastPullAt: row.last_pull_at,
    // The server last answered at the later of the last push and the last pull (an online desk
    // always has a pull waiting, so that is within seconds of the connection dropping).
    offlineSince: row.attempts > 0 ? ([row.last_push_at, row.last_pull_at].filter((at) => at !== null).sort().at(-1) ?? row.last_attempt_at) : null,
    clockOffMs: row.clock_offset_ms !== null && Math.abs(row.clock_offset_ms) > MAX_CLOCK_DRIFT_MS ? row.clock_offset_ms : null,
    synced: joined && waiting === 0 && row.attempts === 0 && row.push_refusal === null && row.last_pull_at !== null && row.pull_cursor >= row.server_head,
  };
}

/** A pulled entry this desk kept without applying it, and why (the sync screen's list). */
export interface RefusedPulledEntry {
  serverSeq: number;
  action: string;
  /** ISO instant it was written at its desk. */
  at: string;
  problem: string;
}

/** The sync screen: the status, and the pulled entries kept « à vérifier », newest first (50 at most). */
export function readSyncDetails(r: Reader): SyncStatus & { refused: RefusedPulledEntry[] } {
  const refused = r.rawAll<RefusedPulledEntry>(
    'SELECT server_seq AS serverSeq, action, at, problem FROM pulled_entry WHERE problem IS NOT NULL ORDER BY server_seq DESC LIMIT 50',
  );
  return { ...readSyncStatus(r), refused };
}
