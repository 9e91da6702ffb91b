import type { Connection } from '../../db/connection.js';
import type { Reader, Writer } from '../../db/sql.js';
import type { UserRole } from '../../db/schema.js';
import { businessDate } from '../../../src-shared/dates.js';
import { hybridInstant } from '../../../src-shared/hlc.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { entityOf, operationSchema, type Operation, type OperationKind, type OperationOf } from '../../../src-shared/operations/index.js';
import type { Desk } from '../desk/desk.js';
import { newId } from '../ids.js';
import { applyOperation, type ApplyContext } from './apply.js';
import { appendAudit } from './audit.js';
import { destroyKey, sealForLog, storeKey } from '../privacy/sealing.js';
import { redactEntries } from '../privacy/redaction.js';

/** Who is doing a write: every write records it. */
export interface Actor {
  userId: string;
}

/**
 * What a write hands its work function: a read handle on the transaction, the facts of this
 * write, and how to record it. The work decides; only `record` changes the tables (through the
 * operation's handler), so nothing a write does escapes the log.
 */
export interface WriteContext extends Omit<ApplyContext, 'w'> {
  /** Reads inside the write's transaction (it sees what the write did so far). */
  readonly r: Reader;
  readonly desk: Desk;
  /** The club's calendar date of the write. */
  readonly today: string;
  /** The user's name, as receipts print it. */
  readonly userName: string;
  readonly role: UserRole;
  newId(): string;
  /**
   * Logs the write's operation (its hash-chained audit entry, which is also the outbox
   * operation the server replays) and applies it to the tables, through the same handlers a
   * replay uses. Once per write; a write that records nothing changes nothing.
   */
  record<K extends OperationKind>(op: OperationOf<K>, audit?: { before?: unknown }): void;
}

export interface WriteOptions {
  /** Roles allowed to do this write; any active user when absent. */
  roles?: readonly UserRole[];
}

type User = { id: string; name: string; role: UserRole };

function activeUser(w: Writer, actor: Actor, options: WriteOptions): User {
  const user = w.rawGet<User & { active: number }>('SELECT id, name, role, active FROM app_user WHERE id = ?', actor.userId);
  if (!user || user.active !== 1) throw new ComptoirError('USER_NOT_FOUND');
  if (options.roles && !options.roles.includes(user.role)) throw new ComptoirError('FORBIDDEN', { roles: options.roles });
  return user;
}

function writeContext(desk: Desk, w: Writer, user: User): WriteContext {
  const now = desk.clock.now();
  const clocks = w.rawGet<{ own: string | null; seen: string | null }>(
    'SELECT (SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1) AS own, latest_seen_at AS seen FROM sync_state WHERE id = 1',
  );
  // The hybrid logical clock (src-shared/hlc.ts): field-level last-writer-wins across desks needs it.
  const at = hybridInstant(now.getTime(), clocks?.own ?? null, clocks?.seen ?? null);
  let recorded = false;
  const ctx: WriteContext = {
    r: w.readOnly(),
    desk,
    deskId: desk.id,
    operationId: newId(now.getTime()),
    at,
    today: businessDate(now),
    userId: user.id,
    userName: user.name,
    role: user.role,
    newId: () => newId(now.getTime()),
    record(op, audit) {
      if (recorded) throw new Error('a write records one operation');
      recorded = true;
      logAndApply({ ...ctx, w }, op, audit?.before);
    },
  };
  return ctx;
}

function logAndApply(ctx: ApplyContext, op: Operation, before: unknown): void {
  // Checked against its kind's schema before it is logged: an operation that a replay (the
  // desk's verify, the central server) could not read back must never enter the chain. What is
  // logged and applied is the schema's output, exactly what a replay will read.
  const checked = operationSchema.parse(op);
  const logged = sealForLog(ctx.w, checked, before, ctx.operationId);
  const entity = entityOf(op);
  const seq = appendAudit(ctx.w, {
    operation_id: ctx.operationId,
    at: ctx.at,
    desk_id: ctx.deskId,
    user_id: ctx.userId,
    action: checked.kind,
    op_version: checked.version,
    entity_type: entity.type,
    entity_id: entity.id,
    before_json: logged.before,
    after_json: logged.after,
  });
  applyOperation(checked, ctx);
  storeKey(ctx.w, logged.newKey, ctx.at);
  if (checked.kind === 'member.erase') {
    // Shredding happens with the write that logs it: the key goes, the fields once logged in
    // the clear are rewritten, in the same transaction as the erasure entry that names them.
    destroyKey(ctx.w, checked.memberId);
    redactEntries(ctx.w, checked.redacted, seq);
  }
}

/**
 * The one way to change the desk's data. The state change and its audit entry (which is also
 * the outbox operation the server replays) are written in ONE synchronous transaction: after a
 * crash or a power cut, either both are there or neither is. Work functions must not await:
 * better-sqlite3 transactions are synchronous by design and an await would commit half a write.
 * Called inside {@link commitBatch} (or another write), it joins that transaction.
 *
 * @throws USER_NOT_FOUND when the actor is not an active user; FORBIDDEN when their role may not.
 */
export function commitWrite<T>(desk: Desk, actor: Actor, work: (ctx: WriteContext) => T, options: WriteOptions = {}): T {
  return desk.connection.transaction((w) => work(writeContext(desk, w, activeUser(w, actor, options))));
}

/**
 * Several writes, one commit: the sanctioned path for batches (the demo club, an import, a
 * drawer opened for the command line's sale). Each write still gets its own operation id and
 * audit entry; if any throws, none of them is kept.
 */
export function commitBatch<R>(desk: Desk, actor: Actor, batch: (write: <T>(work: (ctx: WriteContext) => T) => T) => R, options: WriteOptions = {}): R {
  return desk.connection.transaction((w) => {
    const user = activeUser(w, actor, options);
    return batch((work) => work(writeContext(desk, w, user)));
  });
}

/**
 * The desk's very first write, before any desk or user exists to check: its set-up. `guard`
 * runs first inside the transaction (to refuse a desk already set up).
 */
export function commitSetup(connection: Connection, now: Date, op: OperationOf<'desk.init'>, guard: (w: Writer) => void): void {
  connection.transaction((w) => {
    guard(w);
    const ctx: ApplyContext = { w, operationId: newId(now.getTime()), at: now.toISOString(), deskId: op.desk.id, userId: op.systemUser.id };
    logAndApply(ctx, op, undefined);
  });
}
