import type { Transaction } from 'kysely';
import { entryHash, GENESIS_HASH, operationOf } from '../src-main/core/ledger/audit.js';
import { auditFieldsOf } from '../src-main/core/ledger/log-entry.js';
import { keyFingerprint, type KeyRing } from '../src-main/core/privacy/sealing.js';
import { boxOwner, sealedFieldsOf } from '../src-shared/personal-data.js';
import { operationSchema, SERVER_WRITTEN_KINDS, type Operation } from '../src-shared/operations/index.js';
import { businessDate, businessDateOf, isIsoDate } from '../src-shared/dates.js';
import { clubSettings } from './clubs.js';
import { decide, DECIDING_KINDS } from './decisions.js';
import { ComptoirError, isComptoirError } from '../src-shared/errors.js';
import { pushRequestSchema, type Attachment, type LogEntry, type MemberKey, type PushResponse } from '../src-shared/sync-protocol.js';
import { EMAILING_KINDS, queueEmails } from './mail/queue.js';
import { jsonOrNull, parseInput, unstorableText } from '../src-shared/validation.js';
import type { Dialect, ServerDb } from './db/open.js';
import { appendServerOperations, lockHead } from './server-author.js';
import { insertRows, whileWriting } from './db/bulk.js';
import type { ChainProblemTable, DeskTable, OperationTable, ServerDatabase, ServerMemberTable } from './db/schema.js';
import { insertMembers, keyRingFor, loggedMemberRow, newMemberRow, type LoggedMember } from './members.js';

type Problem = Pick<ChainProblemTable, 'seq' | 'problem' | 'detail'>;

/** A push the desk's chain refuses: recorded for the administrator after the batch rolled back. */
class ChainRefusal extends Error {
  constructor(readonly found: Problem) {
    super(found.detail);
  }
}

/**
 * The business day a sale or a drawer's operation belongs to, when it reaches the server after
 * that day (America/Toronto): the treasurer may have reconciled the day already, so it is kept
 * and marked late, never lost.
 */
function lateFor(entry: LogEntry, now: Date): string | null {
  if (!entry.action.startsWith('order.') && !entry.action.startsWith('cash_session.')) return null;
  // Not JSON: the entry is refused when read (`readOperation`); its day is its instant's meanwhile.
  const facts = jsonOrNull(entry.afterJson) as { order?: { businessDate?: unknown }; businessDate?: unknown } | null;
  const stated = facts?.order?.businessDate ?? facts?.businessDate;
  const day = typeof stated === 'string' && isIsoDate(stated) ? stated : businessDateOf(entry.at);
  return day < businessDate(now) ? day : null;
}

/**
 * Applies a desk's pushed log entries, exactly once, in one transaction (docs/SYNC.md, Push):
 * repeats already held with the same hash are skipped; the next entry must follow the desk's
 * chain head (previous hash, recomputed hash, next seq); a gap, a fork, a rewritten entry or an
 * operation id the club already holds refuses the whole batch and is recorded in
 * `chain_problem`. Member keys are stored once, and only those that sealed the batch's entries.
 *
 * @throws INVALID_INPUT on a malformed body; ENTRY_OF_ANOTHER_DESK; CHAIN_BROKEN;
 *   OPERATION_ID_REUSED.
 */
export async function acceptPush(sdb: ServerDb, desk: DeskTable, input: unknown, now = new Date()): Promise<PushResponse> {
  const request = parseInput(pushRequestSchema, input);
  const entries = [...request.entries].sort((a, b) => a.seq - b.seq);
  const foreign = entries.find((entry) => entry.deskId !== desk.id);
  if (foreign) throw new ComptoirError('ENTRY_OF_ANOTHER_DESK', { seq: foreign.seq });
  // The server's own decisions, from a desk: other desks would apply them as the server's.
  const decision = entries.find((entry) => SERVER_WRITTEN_KINDS.has(entry.action));
  if (decision) {
    throw new ComptoirError('INVALID_INPUT', {
      fr: `l'opération ${decision.seq} (${decision.action}) est une décision que seul le serveur du club écrit. Rien n'a été enregistré.`,
      en: `operation ${decision.seq} (${decision.action}) is a decision only the club's server writes. Nothing was recorded.`,
    });
  }
  // Facts with a NUL character or half a character inside (the body's own text was checked on
  // arrival, app.ts): no desk writes either, and neither would be stored as it came.
  for (const entry of entries) {
    const unstorable = unstorableText(entry.afterJson ?? '') ?? unstorableText(entry.beforeJson ?? '');
    if (unstorable) {
      throw new ComptoirError('INVALID_INPUT', {
        fr: `l'opération ${entry.seq} contient ${unstorable.fr}, qu'aucun poste n'écrit. Rien n'a été enregistré.`,
        en: `operation ${entry.seq} holds ${unstorable.en}, which no desk writes. Nothing was recorded.`,
      });
    }
  }
  try {
    const applied = await sdb.db.transaction().execute((trx) => applyBatch(trx, sdb.dialect, desk, entries, request, now));
    return { ...applied, clockOffsetMs: request.sentAt ? Date.parse(request.sentAt) - now.getTime() : null };
  } catch (caught) {
    let error = caught;
    if (isConstraintViolation(error)) {
      // Which entry reused an operation id is found here, after the rollback, rather than looked
      // for in every push beforehand.
      const reused = await operationIdHeldElsewhere(sdb, desk, entries);
      // Otherwise an id the club already holds for another thing (a registration, a sale): what no desk writes.
      if (!reused) {
        throw new ComptoirError('INVALID_INPUT', {
          fr: "une opération reprend l'identifiant de quelque chose que le club a déjà. Rien n'a été enregistré.",
          en: 'an operation reuses the id of something the club already holds. Nothing was recorded.',
        });
      }
      error = new ChainRefusal({ seq: reused.seq, problem: 'reused_id', detail: `operation id ${reused.operationId} is already in the club's log` });
    }
    if (!(error instanceof ChainRefusal)) throw error;
    await sdb.db
      .insertInto('chain_problem')
      .values({ club_id: desk.club_id, desk_id: desk.id, ...error.found, at: now.toISOString() })
      .execute();
    if (error.found.problem === 'reused_id') throw new ComptoirError('OPERATION_ID_REUSED', { seq: error.found.seq });
    throw new ComptoirError('CHAIN_BROKEN', { desk: desk.name, seq: error.found.seq, problem: error.found.problem });
  }
}

async function applyBatch(
  trx: Transaction<ServerDatabase>,
  dialect: Dialect,
  desk: DeskTable,
  entries: LogEntry[],
  { keys, attachments }: { keys: MemberKey[]; attachments: Attachment[] },
  now: Date,
): Promise<Omit<PushResponse, 'clockOffsetMs'>> {
  const headSeq = await lockHead(trx, dialect, desk.club_id);
  const chain = await trx.selectFrom('desk_chain').select(['last_seq', 'last_hash']).where('desk_id', '=', desk.id).executeTakeFirst();
  let lastSeq = chain ? Number(chain.last_seq) : 0;
  let lastHash = chain?.last_hash ?? GENESIS_HASH;

  const repeats = entries.filter((entry) => entry.seq <= lastSeq);
  if (repeats.length > 0) {
    const held = new Map(
      (
        await trx
          .selectFrom('operation')
          .select(['desk_seq', 'hash'])
          .where('desk_id', '=', desk.id)
          .where('desk_seq', 'in', repeats.map((entry) => entry.seq))
          .execute()
      ).map((row) => [Number(row.desk_seq), row.hash]),
    );
    for (const entry of repeats) {
      if (held.get(entry.seq) !== entry.hash) {
        throw new ChainRefusal({ seq: entry.seq, problem: 'rewritten', detail: `entry ${entry.seq} differs from the one received before (${held.get(entry.seq)?.slice(0, 12)}…, now ${entry.hash.slice(0, 12)}…)` });
      }
    }
  }

  const fresh: OperationTable[] = [];
  for (const entry of entries.filter((e) => e.seq > lastSeq)) {
    if (entry.seq > lastSeq + 1) throw new ChainRefusal({ seq: entry.seq, problem: 'gap', detail: `expected entry ${lastSeq + 1}, received ${entry.seq}` });
    if (entry.prevHash !== lastHash) throw new ChainRefusal({ seq: entry.seq, problem: 'fork', detail: `entry ${entry.seq} does not follow entry ${lastSeq}` });
    if (entryHash(entry.prevHash, auditFieldsOf(entry)) !== entry.hash) {
      throw new ChainRefusal({ seq: entry.seq, problem: 'fork', detail: `entry ${entry.seq}'s content does not give its hash` });
    }
    fresh.push({
      club_id: desk.club_id,
      server_seq: headSeq + fresh.length + 1,
      desk_seq: entry.seq,
      prev_hash: entry.prevHash,
      hash: entry.hash,
      ...auditFieldsOf(entry),
      received_at: now.toISOString(),
      late_for: lateFor(entry, now),
    });
    lastSeq = entry.seq;
    lastHash = entry.hash;
  }
  if (fresh.length === 0) return { acknowledgedSeq: lastSeq, serverSeq: headSeq };
  const inBatch = new Set<string>();
  for (const op of fresh) {
    if (inBatch.has(op.operation_id)) throw new ChainRefusal({ seq: op.desk_seq, problem: 'reused_id', detail: `operation id ${op.operation_id} appears twice in the batch` });
    inBatch.add(op.operation_id);
  }

  // The log goes to the database while the new members are read, once, in the desks' current form:
  // their rows, and the boxes their keys sealed. On PostgreSQL both run at once.
  const loggedMembers = await whileWriting(insertRows(trx, 'operation', fresh), () =>
    new Map(fresh.filter((entry) => entry.action === 'member.create').map((entry) => [entry.operation_id, loggedMemberRow(desk.club_id, entry)])),
  );
  const newMemberKeys = await keepMemberKeys(trx, desk.club_id, fresh, loggedMembers, keys);
  await trx
    .insertInto('desk_chain')
    .values({ desk_id: desk.id, club_id: desk.club_id, last_seq: lastSeq, last_hash: lastHash })
    .onConflict((oc) => oc.column('desk_id').doUpdateSet({ last_seq: lastSeq, last_hash: lastHash }))
    .execute();
  // What the server decides about them (docs/SYNC.md, Conflicts), on its own chain right after.
  const club = await trx.selectFrom('club').selectAll().where('id', '=', desk.club_id).executeTakeFirstOrThrow();
  const settings = clubSettings(club);
  // Keys to open what the server reads: not new members, whose fields are stored still sealed.
  const heldKeys = await keyRingFor(
    trx,
    desk.club_id,
    fresh.filter((entry) => entry.action !== 'member.create' && (DECIDING_KINDS.has(entry.action) || EMAILING_KINDS.has(entry.action))),
  );
  const keyRing: KeyRing = (memberId) => heldKeys(memberId) ?? newMemberKeys.get(memberId) ?? null;
  const decisions: Operation[] = [];
  // New members go in together, before whatever follows them needs them: a club's first push holds thousands.
  let newMembers: ServerMemberTable[] = [];
  const addNewMembers = async () => {
    await insertMembers(trx, newMembers);
    newMembers = [];
  };
  for (const entry of fresh) {
    if (!DECIDING_KINDS.has(entry.action) && !EMAILING_KINDS.has(entry.action)) {
      // Kept as it came, once it reads as what a desk writes: other desks will apply it.
      readOperation(entry, keyRing);
      continue;
    }
    const logged = loggedMembers.get(entry.operation_id);
    if (logged) {
      newMembers.push(logged.row);
      continue;
    }
    const op = readOperation(entry, keyRing);
    if (op.kind === 'member.create') {
      newMembers.push({ ...newMemberRow(desk.club_id, op), key: newMemberKeys.get(op.member.id)?.toString('base64') ?? null });
      continue;
    }
    await addNewMembers();
    decisions.push(...(await decide(trx, desk.club_id, settings, op, { at: entry.at, deskId: entry.desk_id })));
    // After the decisions: a confirmation goes to the address the member's details now hold.
    await queueEmails(trx, desk.club_id, entry, op, attachments, now);
  }
  await addNewMembers();
  const decided = await appendServerOperations(trx, desk.club_id, headSeq + fresh.length, decisions, now);
  const serverSeq = headSeq + fresh.length + decided.length;
  await trx.updateTable('club').set({ head_seq: serverSeq }).where('id', '=', desk.club_id).execute();
  return { acknowledgedSeq: lastSeq, serverSeq };
}

/**
 * Stores the member keys a push brought that it may bring (docs/SYNC.md, Push): each must be the
 * key that sealed the member's first box in the batch (`firstSealingKeys`), for a member created
 * in the batch or one the server holds without a key (written before sealing existed). A desk
 * cannot slip in a key for another member, nor one that would stand in the way of the real one;
 * a member erased (before or in this batch, even before the server heard of its creation) never
 * gets a key back. A new member's key goes in with its row (`insertMembers`: one already held
 * takes it only when it has none, is not erased and its details are in clear); any other is set
 * where the row has none, if its details are in clear or sealed with that very key.
 *
 * @returns the new members' keys, by member id (Comptoir 0.1's creations included): their rows
 *   are written later in the batch, and what follows them in it is read with these keys.
 */
async function keepMemberKeys(
  trx: Transaction<ServerDatabase>,
  clubId: string,
  fresh: OperationTable[],
  loggedMembers: Map<string, LoggedMember | null>,
  keys: MemberKey[],
): Promise<Map<string, Buffer>> {
  if (keys.length === 0) return new Map();
  const sealedBy = firstSealingKeys(fresh, loggedMembers);
  const erasedNow = new Set(fresh.filter((op) => op.action === 'member.erase').map((op) => op.entity_id));
  const kept = new Map<string, string>();
  for (const k of keys) {
    if (!erasedNow.has(k.memberId) && sealedBy.get(k.memberId) === keyFingerprint(Buffer.from(k.key, 'base64'))) kept.set(k.memberId, k.key);
  }
  // A new member's key goes in with its row: set on it here, or (a member created in Comptoir
  // 0.1's form, in clear, and sealed by an edit in the same batch) when the loop writes it.
  const taken = new Map<string, Buffer>();
  for (const op of fresh) {
    if (op.action !== 'member.create') continue;
    const logged = loggedMembers.get(op.operation_id);
    const memberId = logged?.row.id ?? op.entity_id;
    const key = kept.get(memberId);
    if (!key) continue;
    if (logged) logged.row.key = key;
    taken.set(memberId, Buffer.from(key, 'base64'));
    kept.delete(memberId);
  }
  for (const [memberId, key] of kept) {
    // A held member without a key: one whose details are in clear (written before sealing
    // existed) takes it; one whose details are sealed takes only the key that sealed them.
    const held = await trx.selectFrom('server_member').select(['details_json', 'sealed_by']).where('club_id', '=', clubId).where('id', '=', memberId).where('key', 'is', null).where('erased_at', 'is', null).executeTakeFirst();
    if (!held) continue;
    const sealedWith = boxOwner(sealedFieldsOf(parsedIfSealed(held.details_json))?.box ?? '')?.keyId;
    if (held.sealed_by && sealedWith !== keyFingerprint(Buffer.from(key, 'base64'))) continue;
    await trx.updateTable('server_member').set({ key }).where('club_id', '=', clubId).where('id', '=', memberId).where('key', 'is', null).execute();
  }
  return taken;
}

/**
 * The key that sealed each member's first box in the batch (key id by member id), a new member's
 * own box before any other: the one key a push may bring for that member. Boxes count only where
 * desks seal (core/privacy/sealing.ts `sealForLog`): a new member's own fields, the changes of a
 * member.update for the member it names, and the address of a receipt.email; text shaped like a
 * box anywhere else counts for nothing, and a second box with another key cannot displace the first.
 */
function firstSealingKeys(fresh: OperationTable[], loggedMembers: Map<string, LoggedMember | null>): Map<string, string> {
  const first = new Map<string, string>();
  const note = (box: string | null | undefined, forMember?: string) => {
    const owner = box ? boxOwner(box) : null;
    if (!owner || (forMember !== undefined && owner.memberId !== forMember) || first.has(owner.memberId)) return;
    first.set(owner.memberId, owner.keyId);
  };
  // A new member's own box first, wherever it stands in the batch: the key that sealed its creation is its key.
  for (const op of fresh) if (op.action === 'member.create') note(loggedMembers.get(op.operation_id)?.box);
  for (const op of fresh) {
    if (op.action !== 'member.update' && op.action !== 'receipt.email') continue;
    const after = parsedIfSealed(op.after_json) as { memberId?: unknown; changes?: unknown; household?: unknown } | null;
    if (op.action === 'receipt.email') {
      note(sealedFieldsOf(after)?.box);
    } else if (after?.memberId === op.entity_id) {
      // Its changes, the household it names, or the fields as they were (an edit of other fields).
      for (const sealed of [after.changes, after.household, parsedIfSealed(op.before_json)]) note(sealedFieldsOf(sealed)?.box, op.entity_id);
    }
  }
  return first;
}

/** A JSON text (logged facts, a member's details) that holds a sealed box, parsed; null otherwise, or when it is not JSON. */
function parsedIfSealed(json: string | null): unknown {
  return json?.includes('"$sealed"') ? jsonOrNull(json) : null;
}

/**
 * The first of a push's entries whose operation id the club's log holds as another entry (another
 * desk's, or another seq of this one): what a database refusal of the batch's log meant, if that.
 */
async function operationIdHeldElsewhere(sdb: ServerDb, desk: DeskTable, entries: LogEntry[]): Promise<{ seq: number; operationId: string } | null> {
  const held = new Map<string, { desk_id: string; desk_seq: number }>();
  for (let i = 0; i < entries.length; i += 500) {
    const rows = await sdb.db
      .selectFrom('operation')
      .select(['operation_id', 'desk_id', 'desk_seq'])
      .where('club_id', '=', desk.club_id)
      .where('operation_id', 'in', entries.slice(i, i + 500).map((entry) => entry.operationId))
      .execute();
    for (const row of rows) held.set(row.operation_id, { desk_id: row.desk_id, desk_seq: Number(row.desk_seq) });
  }
  const reused = entries.find((entry) => {
    const holder = held.get(entry.operationId);
    return holder !== undefined && (holder.desk_id !== desk.id || holder.desk_seq !== entry.seq);
  });
  return reused ? { seq: reused.seq, operationId: reused.operationId } : null;
}

/** A unique or foreign key refused by the database, on SQLite or PostgreSQL (SQLSTATE class 23). */
function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code));
}

/**
 * A log entry the server acts on, read as its operation.
 *
 * @throws INVALID_INPUT, in French, when it is not an operation the desks would have written
 *   (the batch is then refused whole and nothing is kept).
 */
function readOperation(entry: OperationTable, keyRing: KeyRing): Operation {
  try {
    // Checked whole, Comptoir 0.1's entries too (read without checks on a desk, which wrote them
    // itself): what the server stores from them must fit its columns, on PostgreSQL as on SQLite.
    return operationSchema.parse(operationOf({ ...entry, seq: entry.desk_seq, redacted_by: null }, keyRing));
  } catch (error) {
    if (isComptoirError(error)) throw error;
    throw new ComptoirError('INVALID_INPUT', {
      fr: `l'opération ${entry.desk_seq} (${entry.action}) n'a pas la forme qu'écrit un poste. Rien n'a été enregistré.`,
      en: `operation ${entry.desk_seq} (${entry.action}) is not in the form a desk writes. Nothing was recorded.`,
    });
  }
}
