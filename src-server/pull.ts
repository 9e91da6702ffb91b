import { MAX_PULL_PAGE_BYTES, pullQuerySchema, type PullResponse, type PulledEntry } from '../src-shared/sync-protocol.js';
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
  let latest = await clubHead(sdb, desk.club_id);
  const deadline = Date.now() + wait * 1000;
  while (latest <= after && Date.now() < deadline && !signal?.aborted) {
    await sleep(PULL_POLL_MS);
    latest = await clubHead(sdb, desk.club_id);
  }

  const page = await clubPage(sdb, desk.club_id, { after, limit, skipDeskId: desk.id });
  const head = Math.max(latest, page.cursor);
  return { ...page, head, more: page.cursor < head };
}

/** The club's latest server sequence (0 before its first entry). */
export async function clubHead(sdb: ServerDb, clubId: string): Promise<number> {
  return Number((await sdb.db.selectFrom('club').select('head_seq').where('id', '=', clubId).executeTakeFirstOrThrow()).head_seq);
}

/**
 * One page of the club's log after `after`, oldest first, as a pull answers it: the entries
 * (but `skipDeskId`'s own, which the cursor still moves past) and the member keys their sealed
 * fields need — only keys the server still holds, so never an erased member's. A page ends
 * before its entries' facts pass `maxBytes` (MAX_PULL_PAGE_BYTES; one entry at least). `head` and
 * `more` are worked out from the page alone; a pull fills them from the club's head.
 */
export async function clubPage(sdb: ServerDb, clubId: string, page: { after: number; limit: number; skipDeskId?: string; maxBytes?: number }): Promise<PullResponse> {
  const rows = await sdb.db
    .selectFrom('operation')
    .selectAll()
    .where('club_id', '=', clubId)
    .where('server_seq', '>', page.after)
    .orderBy('server_seq')
    .limit(page.limit)
    .execute();
  // Cut before the facts pass MAX_PULL_PAGE_BYTES (one entry at least): a desk reads no answer beyond a bound.
  let bytes = 0;
  let kept = 0;
  while (kept < rows.length) {
    bytes += (rows[kept]!.after_json?.length ?? 0) + (rows[kept]!.before_json?.length ?? 0);
    if (kept > 0 && bytes > (page.maxBytes ?? MAX_PULL_PAGE_BYTES)) break;
    kept++;
  }
  const cut = kept < rows.length;
  rows.length = kept;
  const cursor = rows.length > 0 ? Number(rows[rows.length - 1]!.server_seq) : page.after;
  const entries = rows.filter((row) => row.desk_id !== page.skipDeskId).map(toPulled);

  const memberIds = sealedMemberIds(...entries.flatMap((entry) => [entry.afterJson, entry.beforeJson]));
  const keys =
    memberIds.size === 0
      ? []
      : (await sdb.db.selectFrom('server_member').select(['id', 'key']).where('club_id', '=', clubId).where('id', 'in', [...memberIds]).where('key', 'is not', null).execute()).map(
          (row) => ({ memberId: row.id, key: row.key! }),
        );
  return { entries, keys, cursor, head: cursor, more: cut || rows.length === page.limit };
}
