import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppUserTable, UserRole } from '../../db/schema.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { parseInput, pin, text } from '../../../src-shared/validation.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';

/** After this many wrong PINs in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

// scrypt with N=2^15, r=8: ~32 MiB and tens of milliseconds per try, so a stolen database
// does not give away 4-digit PINs in seconds. The parameters travel with each hash.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;

export function hashPin(value: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(value, salt, SCRYPT.keyLength, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: 128 * SCRYPT.N * SCRYPT.r * 2,
  });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function pinMatches(value: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(value, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 128 * Number(n) * Number(r) * 2,
  });
  return timingSafeEqual(actual, expected);
}

export interface User {
  id: string;
  name: string;
  role: UserRole;
  active: boolean;
  lockedUntil: string | null;
}

function toUser(row: AppUserTable): User {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1, lockedUntil: row.locked_until };
}

const roleSchema = z.enum(['volunteer', 'treasurer', 'admin']);
export const createUserSchema = z.object({ name: text(80), role: roleSchema, pin }).strict();

/** Inserts a user inside an ongoing write; `pinHash` null makes a user that cannot sign in. */
export function insertUser(ctx: WriteContext, name: string, role: UserRole, pinHash: string | null): User {
  const taken = ctx.w.get(ctx.w.qb.selectFrom('app_user').select('id').where('name', '=', name));
  if (taken) throw new ComptoirError('USER_NAME_TAKEN', { name });
  const row: AppUserTable = {
    id: ctx.newId(),
    name,
    role,
    pin_hash: pinHash,
    failed_attempts: 0,
    locked_until: null,
    active: 1,
    created_at: ctx.at,
  };
  ctx.w.insert('app_user', row);
  return toUser(row);
}

export function createUser(desk: Desk, actor: Actor, input: unknown): User {
  const { name, role, pin: newPin } = parseInput(createUserSchema, input);
  const pinHash = hashPin(newPin); // slow on purpose: computed before the write lock is taken
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      const user = insertUser(ctx, name, role, pinHash);
      return { change: { action: 'user.create', entityType: 'user', entityId: user.id, after: user }, result: user };
    },
    { roles: ['admin'] },
  );
}

/** Active users, by name: the sign-in screen's list. */
export function listUsers(desk: Desk): User[] {
  const r = desk.reader;
  return r
    .all(r.qb.selectFrom('app_user').selectAll().where('active', '=', 1).where('pin_hash', 'is not', null).orderBy('name'))
    .map(toUser);
}

export const signInSchema = z.object({ userId: z.string().min(1), pin: z.string().min(1).max(20) }).strict();

/**
 * Checks a volunteer's PIN. Wrong PINs count; the fifth in a row locks the account for
 * LOCK_MINUTES. Both outcomes are written to the audit log.
 */
export function signIn(desk: Desk, input: unknown): User {
  const { userId, pin: typed } = parseInput(signInSchema, input);
  const r = desk.reader;
  const row = r.get(r.qb.selectFrom('app_user').selectAll().where('id', '=', userId));
  if (!row || row.active !== 1 || !row.pin_hash) throw new ComptoirError('USER_NOT_FOUND');
  const now = desk.clock.now();
  if (row.locked_until && row.locked_until > now.toISOString()) {
    throw new ComptoirError('USER_LOCKED', { until: formatTime(row.locked_until) });
  }
  const ok = pinMatches(typed, row.pin_hash);
  const outcome = commitWrite(desk, { userId }, (ctx) => {
    const current = ctx.w.get(ctx.w.qb.selectFrom('app_user').select('failed_attempts').where('id', '=', userId));
    const failures = ok ? 0 : (current?.failed_attempts ?? 0) + 1;
    const lockedUntil =
      failures >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    ctx.w.run(
      ctx.w.qb
        .updateTable('app_user')
        .set({ failed_attempts: lockedUntil ? 0 : failures, locked_until: lockedUntil })
        .where('id', '=', userId),
    );
    return {
      change: {
        action: ok ? 'user.sign_in' : lockedUntil ? 'user.locked' : 'user.sign_in_failed',
        entityType: 'user',
        entityId: userId,
        after: { failedAttempts: failures, lockedUntil },
      },
      result: { failures, lockedUntil },
    };
  });
  if (ok) return toUser({ ...row, failed_attempts: 0, locked_until: null });
  if (outcome.lockedUntil) throw new ComptoirError('USER_LOCKED', { until: formatTime(outcome.lockedUntil) });
  throw new ComptoirError('WRONG_PIN', { left: MAX_FAILED_ATTEMPTS - outcome.failures });
}

export function unlockUser(desk: Desk, actor: Actor, userId: string): void {
  commitWrite(
    desk,
    actor,
    (ctx) => {
      const result = ctx.w.run(
        ctx.w.qb.updateTable('app_user').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId),
      );
      if (result.changes === 0) throw new ComptoirError('USER_NOT_FOUND');
      return { change: { action: 'user.unlock', entityType: 'user', entityId: userId, after: { lockedUntil: null } }, result: undefined };
    },
    { roles: ['admin'] },
  );
}

function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-CA', { timeZone: 'America/Toronto', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}
