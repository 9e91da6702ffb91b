import type { Writer } from '../../db/sql.js';
import type { UserRole } from '../../db/schema.js';
import { appendAudit } from './audit.js';
import { businessDate } from '../../../src-shared/dates.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { newId } from '../ids.js';

/** Who is doing a write: every write records it. */
export interface Actor {
  userId: string;
}

/** What a write hands its work function: the transaction and the facts of this operation. */
export interface WriteContext {
  readonly w: Writer;
  readonly desk: Desk;
  readonly operationId: string;
  /** The instant of the write, ISO-8601 UTC; every row of the write carries the same one. */
  readonly at: string;
  /** The club's calendar date of the write. */
  readonly today: string;
  readonly userId: string;
  /** The user's name, as receipts print it. */
  readonly userName: string;
  readonly role: UserRole;
  newId(): string;
}

/** The audit entry and outbox operation that describe one write. */
export interface Change {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after: unknown;
}

export interface WriteOptions {
  /** Roles allowed to do this write; any active user when absent. */
  roles?: readonly UserRole[];
}

/**
 * The one way to change the desk's data. The state change and its audit entry (which is
 * also the outbox operation the server replays) are written in ONE synchronous transaction: after a crash or a power cut, either
 * all three are there or none is. Work functions must not await: better-sqlite3 transactions
 * are synchronous by design and an await would commit half a write.
 */
export function commitWrite<T>(
  desk: Desk,
  actor: Actor,
  work: (ctx: WriteContext) => { change: Change | null; result: T },
  options: WriteOptions = {},
): T {
  return desk.connection.transaction((w) => {
    const user = w.rawGet<{ id: string; name: string; role: UserRole; active: number }>(
      'SELECT id, name, role, active FROM app_user WHERE id = ?',
      actor.userId,
    );
    if (!user || user.active !== 1) throw new ComptoirError('USER_NOT_FOUND');
    if (options.roles && !options.roles.includes(user.role)) {
      throw new ComptoirError('FORBIDDEN', { roles: options.roles });
    }
    const ctx = writeContext(desk, w, user);
    const { change, result } = work(ctx);
    // null: the work found nothing to change (e.g. "Sauvegarder" with no edit) and wrote nothing.
    if (change) recordChange(ctx, change);
    return result;
  });
}

export function writeContext(desk: Desk, w: Writer, user: { id: string; name: string; role: UserRole }): WriteContext {
  const now = desk.clock.now();
  return {
    w,
    desk,
    operationId: newId(now.getTime()),
    at: now.toISOString(),
    today: businessDate(now),
    userId: user.id,
    userName: user.name,
    role: user.role,
    newId: () => newId(now.getTime()),
  };
}

/** Appends the write's audit entry, which is also its outbox operation (inside its transaction). */
export function recordChange(ctx: WriteContext, change: Change): void {
  appendAudit(ctx.w, {
    operation_id: ctx.operationId,
    at: ctx.at,
    desk_id: ctx.desk.id,
    user_id: ctx.userId,
    action: change.action,
    entity_type: change.entityType,
    entity_id: change.entityId,
    before_json: change.before === undefined ? null : JSON.stringify(change.before),
    after_json: JSON.stringify(change.after ?? null),
  });
}
