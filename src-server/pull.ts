import { pullQuerySchema, type PullResponse, type PulledEntry } from '../src-shared/sync-protocol.js';
import { logEntryOf } from '../src-main/core/ledger/log-entry.js';
import { sealedMemberIds } from '../src-shared/personal-data.js';
import { parseInput } from '../src-shared/validation.js';
import type { ServerDb } from './db/open.js';
import type { DeskTable, OperationTable } from './db/schema.js';

/** How often a waiting pull looks for a change, in milliseconds: in the database, so a write made by another server process is seen too. */
export const PULL_POLL_MS = 200;

function toPulled(row: OperationTable): PulledEntry {
  return { ...logEntryOf({ ...row, seq: Number(row.desk_seq) }), serverSeq: Number(row.server_seq) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The club's log after a cursor, oldest first (docs/SYNC.md, Pull): other desks' entries with
 * the member keys their sealed fields need; the desk's own are skipped but the cursor moves past
 * them. With `wait` seconds and nothing new, waits for the next entry (or until `signal` aborts).
 *
 * @throws INVALID_INPUT on a malformed query.
 */
export async function pullChanges(sdb: ServerDb, desk: DeskTable, query: unknown, signal?: AbortSignal): Promise<PullResponse> {
  const { after, limit, wait } = parseInput(pullQuerySchema, query);
  const head = async () =>
    Number((await sdb.db.selectFrom('club').select('head_seq').where('id', '=', desk.club_id).executeTakeFirstOrThrow()).head_seq);

  let latest = await head();
  const deadline = Date.now() + wait * 1000;
  while (latest <= after && Date.now() < deadline && !signal?.aborted) {
    await sleep(PULL_POLL_MS);
    latest = await head();
  }

  const rows = await sdb.db
    .selectFrom('operation')
    .selectAll()
    .where('club_id', '=', desk.club_id)
    .where('server_seq', '>', after)
    .orderBy('server_seq')
    .limit(limit)
    .execute();
  const cursor = rows.length > 0 ? Number(rows[rows.length - 1]!.server_seq) : after;
  const entries = rows.filter((row) => row.desk_id !== desk.id).map(toPulled);

  const memberIds = sealedMemberIds(...entries.flatMap((entry) => [entry.afterJson, entry.beforeJson]));
  const keys =
    memberIds.size === 0
      ? []
      : (await sdb.db.selectFrom('member_key').select(['member_id', 'key']).where('club_id', '=', desk.club_id).where('member_id', 'in', [...memberIds]).execute()).map(
          (row) => ({ memberId: row.member_id, key: row.key }),
        );
  return { entries, keys, cursor, head: Math.max(latest, cursor), more: cursor < Math.max(latest, cursor) };
}
