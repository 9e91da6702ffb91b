import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { newId } from '../src-main/core/ids.js';
import { entryHash, GENESIS_HASH } from '../src-main/core/ledger/audit.js';
import { entityOf, operationSchema, type Operation } from '../src-shared/operations/index.js';
import type { Dialect, ServerDb } from './db/open.js';
import type { DeskTable, ServerDatabase } from './db/schema.js';

/** The club's server writes as a desk of its own: receipt prefix `SRV` (desks get A…ZZ), no credential anyone holds. */
export const SERVER_AUTHOR_PREFIX = 'SRV';
export const SERVER_AUTHOR_NAME = 'Serveur du club';
/** Who the server's entries are by: the command line or the server's own rules. */
export const SERVER_USER_ID = 'server';

async function serverAuthor(trx: Transaction<ServerDatabase>, clubId: string, now: Date): Promise<DeskTable> {
  const existing = await trx.selectFrom('desk').selectAll().where('club_id', '=', clubId).where('receipt_prefix', '=', SERVER_AUTHOR_PREFIX).executeTakeFirst();
  if (existing) return existing;
  const author: DeskTable = {
    id: newId(now.getTime()),
    club_id: clubId,
    name: SERVER_AUTHOR_NAME,
    receipt_prefix: SERVER_AUTHOR_PREFIX,
    // A hash of nothing anyone was given: this desk never signs in.
    credential_hash: randomBytes(32).toString('hex'),
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await trx.insertInto('desk').values(author).execute();
  return author;
}

/**
 * Records operations the server itself decides (a user the command line created, the conflict
 * decisions of decisions.ts) in the club's log, on the server's own hash chain, exactly like a
 * desk's: desks pull them like any other entry. In its own transaction.
 *
 * @throws when an operation does not match its kind's schema (a bug: nothing is written).
 */
export async function recordServerOperations(sdb: ServerDb, clubId: string, operations: Operation[], now = new Date()): Promise<number[]> {
  return sdb.db.transaction().execute(async (trx) => {
    const head = await lockHead(trx, sdb.dialect, clubId);
    const seqs = await appendServerOperations(trx, clubId, head, operations, now);
    await trx.updateTable('club').set({ head_seq: head + seqs.length }).where('id', '=', clubId).execute();
    return seqs;
  });
}

/**
 * Appends server operations after the club's server sequence `head`, inside the caller's
 * transaction (which holds the club's lock and moves `head_seq` past them). Returns their
 * server sequences.
 */
export async function appendServerOperations(trx: Transaction<ServerDatabase>, clubId: string, head: number, operations: Operation[], now: Date): Promise<number[]> {
  if (operations.length === 0) return [];
  const checked = operations.map((op) => operationSchema.parse(op));
  const author = await serverAuthor(trx, clubId, now);
  const chain = await trx.selectFrom('desk_chain').select(['last_seq', 'last_hash']).where('desk_id', '=', author.id).executeTakeFirst();
  let seq = chain ? Number(chain.last_seq) : 0;
  let prevHash = chain?.last_hash ?? GENESIS_HASH;
  const serverSeqs: number[] = [];
  for (const op of checked) {
    const { kind: _kind, version: _version, ...body } = op;
    const entity = entityOf(op);
    const row = {
      operation_id: newId(now.getTime()),
      at: now.toISOString(),
      desk_id: author.id,
      user_id: SERVER_USER_ID,
      action: op.kind,
      entity_type: entity.type,
      entity_id: entity.id,
      before_json: null,
      after_json: JSON.stringify(body),
      op_version: op.version,
    };
    const hash = entryHash(prevHash, row);
    seq += 1;
    const serverSeq = head + serverSeqs.length + 1;
    await trx
      .insertInto('operation')
      .values({ club_id: clubId, server_seq: serverSeq, desk_seq: seq, prev_hash: prevHash, hash, ...row, received_at: now.toISOString(), late_for: null })
      .execute();
    serverSeqs.push(serverSeq);
    prevHash = hash;
  }
  await trx
    .insertInto('desk_chain')
    .values({ desk_id: author.id, club_id: clubId, last_seq: seq, last_hash: prevHash })
    .onConflict((oc) => oc.column('desk_id').doUpdateSet({ last_seq: seq, last_hash: prevHash }))
    .execute();
  return serverSeqs;
}

/** Holds the club's row until the transaction commits: one writer at a time takes the club's next server sequences. */
export async function lockHead(trx: Transaction<ServerDatabase>, dialect: Dialect, clubId: string): Promise<number> {
  const query = trx.selectFrom('club').select('head_seq').where('id', '=', clubId);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return Number(row.head_seq);
}
