import type { Connection } from '../../db/connection.js';
import type { Reader } from '../../db/sql.js';
import { applyOperation, applyPulledOperation } from './apply.js';
import { appliedPulledEntries, asAuditRow } from './pulled.js';
import { auditEntries, operationOf } from './audit.js';
import { keyRingOf } from '../privacy/sealing.js';

/**
 * The tables a desk's log accounts for: everything but the log itself and the bookkeeping of
 * this file (its migrations, its sync cursor).
 */
export const REPLAYED_TABLES = [
  'setting',
  'desk',
  'app_user',
  'member_number_block',
  'household',
  'member',
  'member_search_key',
  'activity',
  'cash_session',
  'cash_movement',
  'sale_order',
  'order_line',
  'payment',
  'membership_period',
  'registration',
  'credit_movement',
  'treasurer_flag',
  'email_delivery',
] as const;
export type ReplayedTable = (typeof REPLAYED_TABLES)[number];

/**
 * Applies a log's operations, oldest first, to `target` (a freshly migrated, empty database),
 * through the same handlers the desk's own writes use: the result is what the log says the
 * tables are. Entries pulled from the server are applied where they were, after the local entry
 * they followed (pulled.ts). One transaction, so a replay that fails leaves nothing behind.
 *
 * @throws the first operation that cannot be read or applied, with its sequence number.
 */
export function replayLog(source: Reader, target: Connection): { operations: number } {
  let operations = 0;
  const keys = keyRingOf(source);
  const pulled = appliedPulledEntries(source);
  let next = 0;
  target.transaction((w) => {
    const applyPulledUpTo = (localSeq: number) => {
      for (; next < pulled.length && pulled[next]!.after_local_seq <= localSeq; next++) {
        const entry = pulled[next]!;
        try {
          applyPulledOperation(operationOf(asAuditRow(entry), keys), { w, operationId: entry.operation_id, at: entry.at, deskId: entry.desk_id, userId: entry.user_id, pulled: true });
        } catch (error) {
          throw new Error(`pulled operation ${entry.server_seq} (${entry.action}) cannot be replayed: ${(error as Error).message}`, { cause: error });
        }
        operations++;
      }
    };
    for (const entry of auditEntries(source)) {
      applyPulledUpTo(entry.seq - 1);
      try {
        applyOperation(operationOf(entry, keys), { w, operationId: entry.operation_id, at: entry.at, deskId: entry.desk_id, userId: entry.user_id });
      } catch (error) {
        throw new Error(`operation ${entry.seq} (${entry.action}) cannot be replayed: ${(error as Error).message}`, { cause: error });
      }
      operations++;
    }
    applyPulledUpTo(Number.MAX_SAFE_INTEGER);
  });
  return { operations };
}

export interface TableDifference {
  table: ReplayedTable;
  /** Rows in the first database that the second lacks, and the reverse (a few of each, as JSON). */
  onlyInFirst: string[];
  onlyInSecond: string[];
}

/** Columns left out of a comparison, by table. */
export type IgnoredColumns = Partial<Record<ReplayedTable, readonly string[]>>;

function rowsOf(r: Reader, table: ReplayedTable, ignored: readonly string[]): string[] {
  const columns = r
    .rawAll<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .map((c) => c.name)
    .filter((name) => !ignored.includes(name));
  const list = columns.map((c) => `"${c}"`).join(', ');
  return r.rawAll<{ row: string }>(`SELECT json_array(${list}) AS row FROM ${table} ORDER BY ${list}`).map(({ row }) => row);
}

/** Compares two databases table by table (rows as sets), and lists what differs. */
export function tableDifferences(first: Reader, second: Reader, ignore: IgnoredColumns = {}, sample = 5): TableDifference[] {
  const differences: TableDifference[] = [];
  for (const table of REPLAYED_TABLES) {
    const a = rowsOf(first, table, ignore[table] ?? []);
    const b = rowsOf(second, table, ignore[table] ?? []);
    const inB = new Set(b);
    const inA = new Set(a);
    const onlyInFirst = a.filter((row) => !inB.has(row));
    const onlyInSecond = b.filter((row) => !inA.has(row));
    if (onlyInFirst.length || onlyInSecond.length) {
      differences.push({ table, onlyInFirst: onlyInFirst.slice(0, sample), onlyInSecond: onlyInSecond.slice(0, sample) });
    }
  }
  return differences;
}
