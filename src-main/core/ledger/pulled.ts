import { ComptoirError, isComptoirError } from '../../../src-shared/errors.js';
import type { Desk } from '../desk/desk.js';
import type { Reader, Writer } from '../../db/sql.js';
import type { AuditLogTable, PulledEntryTable } from '../../db/schema.js';
import type { PullResponse, PulledEntry } from '../../../src-shared/sync-protocol.js';
import type { KeyRing } from '../privacy/sealing.js';
import { withinDrift } from '../../../src-shared/hlc.js';
import { applyPulledOperation } from './apply.js';
import { entryHash, GENESIS_HASH, operationOf } from './audit.js';
import { auditFieldsOf } from './log-entry.js';

/** A pulled entry as the audit log's row shape, for the functions that read entries. */
export function asAuditRow(entry: Pick<PulledEntryTable, Exclude<keyof PulledEntryTable, 'server_seq' | 'after_local_seq' | 'applied_at' | 'problem'>>): AuditLogTable {
  return { ...entry, seq: entry.desk_seq, redacted_by: null };
}

function toRow(entry: PulledEntry, afterLocalSeq: number, appliedAt: string, problem: string | null): PulledEntryTable {
  return {
    ...auditFieldsOf(entry),
    server_seq: entry.serverSeq,
    desk_seq: entry.seq,
    prev_hash: entry.prevHash,
    hash: entry.hash,
    after_local_seq: afterLocalSeq,
    applied_at: appliedAt,
    problem,
  };
}

/** Whether the entry follows what this desk already holds of its origin's chain; why not, if it does not. */
function chainProblem(w: Writer, entry: PulledEntry): string | null {
  const last = w.rawGet<{ desk_seq: number; hash: string }>('SELECT desk_seq, hash FROM pulled_entry WHERE desk_id = ? ORDER BY desk_seq DESC LIMIT 1', entry.deskId);
  const expectedSeq = (last?.desk_seq ?? 0) + 1;
  if (entry.seq !== expectedSeq) return `entry ${entry.seq} of desk ${entry.deskId} arrived where ${expectedSeq} was expected`;
  if (entry.prevHash !== (last?.hash ?? GENESIS_HASH)) return `entry ${entry.seq} of desk ${entry.deskId} does not follow the one before`;
  const row = asAuditRow(toRow(entry, 0, '', null));
  if (entryHash(entry.prevHash, row) !== entry.hash) return `entry ${entry.seq} of desk ${entry.deskId} does not give its hash`;
  return null;
}

export interface PulledOutcome {
  applied: number;
  /** Entries kept but not applied (a local rule refused them), with why: shown « à vérifier ». */
  refused: { serverSeq: number; action: string; problem: string }[];
}

/**
 * Applies a page the server answered (docs/SYNC.md, Pull), in one transaction: the member keys
 * first, then each entry not already here, in the server's order, through the handlers this
 * desk's own writes use (for pulled entries: `pulledTableHandlers`). Each origin's hash chain
 * is checked again here. An entry a local rule refuses is kept with its reason and the rest go
 * on; the cursor moves past the page.
 *
 * @throws when an entry does not follow its origin's chain (nothing of the page is applied).
 */
export function applyPulledPage(desk: Desk, page: PullResponse): PulledOutcome {
  const appliedAt = desk.clock.now().toISOString();
  const localDeskId = desk.id;
  return desk.connection.transaction((w) => {
    // The page's keys open its entries' sealed fields; each is stored once its member exists here
    // (member_key points to member).
    // Looked up one member at a time: loading every key of a big club for each page would make a
    // first pull quadratic.
    const pageKeys = new Map(page.keys.map(({ memberId, key }) => [memberId, Buffer.from(key, 'base64')]));
    const held = new Map<string, Buffer | null>();
    const keys: KeyRing = (memberId) => {
      if (!held.has(memberId)) held.set(memberId, w.rawGet<{ key: Buffer }>('SELECT key FROM member_key WHERE member_id = ?', memberId)?.key ?? null);
      return held.get(memberId) ?? pageKeys.get(memberId) ?? null;
    };
    // No local write happens inside this transaction: every entry of the page follows the same one.
    const afterLocalSeq = w.rawGet<{ seq: number | null }>('SELECT max(seq) AS seq FROM audit_log')?.seq ?? 0;
    const outcome: PulledOutcome = { applied: 0, refused: [] };
    for (const entry of page.entries) {
      if (entry.deskId === localDeskId) continue;
      if (w.rawGet('SELECT 1 AS here FROM pulled_entry WHERE operation_id = ?', entry.operationId)) continue;
      const broken = chainProblem(w, entry);
      // The server checked every desk's chain as it came: a page that breaks one is not applied at all.
      if (broken) throw new ComptoirError('PULLED_CHAIN_BROKEN', { seq: entry.seq, deskId: entry.deskId }, { problem: broken });
      let problem: string | null = null;
      w.rawRun('SAVEPOINT pulled');
      try {
        const row = asAuditRow(toRow(entry, afterLocalSeq, appliedAt, null));
        applyPulledOperation(operationOf(row, keys), { w, operationId: entry.operationId, at: entry.at, deskId: entry.deskId, userId: entry.userId, pulled: true });
        w.rawRun('RELEASE pulled');
        outcome.applied++;
      } catch (error) {
        w.rawRun('ROLLBACK TO pulled');
        w.rawRun('RELEASE pulled');
        // Said in French on the sync screen, whatever threw: the desk's own refusals are, anything else is wrapped.
        problem = isComptoirError(error) ? error.message : new ComptoirError('PULLED_NOT_APPLICABLE', { action: entry.action, detail: (error as Error).message }).message;
        outcome.refused.push({ serverSeq: entry.serverSeq, action: entry.action, problem });
      }
      w.insert('pulled_entry', toRow(entry, afterLocalSeq, appliedAt, problem));
    }
    for (const [memberId, key] of pageKeys) {
      w.rawRun(
        // Never for a member erased here: a key another desk still held must not bring them back.
        'INSERT OR IGNORE INTO member_key (member_id, key, created_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM member WHERE id = ? AND erased_at IS NULL)',
        memberId,
        key,
        appliedAt,
        memberId,
      );
    }
    // Other desks' instants move this desk's hybrid clock, unless they are too far ahead.
    const wallMs = desk.clock.now().getTime();
    const seen = page.entries.filter((e) => e.deskId !== localDeskId && withinDrift(e.at, wallMs)).map((e) => e.at).sort().at(-1) ?? null;
    if (seen) w.rawRun('UPDATE sync_state SET latest_seen_at = max(coalesce(latest_seen_at, ?), ?) WHERE id = 1', seen, seen);
    w.rawRun(
      'UPDATE sync_state SET pull_cursor = max(pull_cursor, ?), server_head = ?, last_pull_at = ?, attempts = 0, last_error = NULL WHERE id = 1',
      page.cursor,
      page.head,
      appliedAt,
    );
    return outcome;
  });
}

/** Pulled entries that were applied, in the order a replay applies them: after the local entry they followed, then by server order. */
export function appliedPulledEntries(r: Reader): PulledEntryTable[] {
  // Read whole: a replay walks them beside the log's own iterator, and one connection runs one
  // statement at a time.
  return r.rawAll<PulledEntryTable>('SELECT * FROM pulled_entry WHERE problem IS NULL ORDER BY after_local_seq, server_seq');
}
