import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppUserTable } from '../../db/schema.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { parseInput, pin, text } from '../../../src-shared/validation.js';
import { commitWrite, type Actor } from '../ledger/write.js';
import type { User } from './views.js';

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

function toUser(row: AppUserTable): User {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1, lockedUntil: row.locked_until };
}

const roleSchema = z.enum(['volunteer', 'treasurer', 'admin']);
export const createUserSchema = z.object({ name: text(80), role: roleSchema, pin }).strict();

export function createUser(desk: Desk, actor: Actor, input: unknown): User {
  const { name, role, pin: newPin } = parseInput(createUserSchema, input);
  const pinHash = hashPin(newPin); // slow on purpose: computed before the write lock is taken
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      const taken = ctx.r.get(ctx.r.qb.selectFrom('app_user').select('id').where('name', '=', name));
      if (taken) throw new ComptoirError('USER_NAME_TAKEN', { name });
      const id = ctx.newId();
      ctx.record({ kind: 'user.create', version: 1, user: { id, name, role, pinHash } });
      return { id, name, role, active: true, lockedUntil: null };
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
    throw new ComptoirError('USER_LOCKED', { until: row.locked_until });
  }
  const ok = pinMatches(typed, row.pin_hash);
  const outcome = commitWrite(desk, { userId }, (ctx) => {
    const current = ctx.r.get(ctx.r.qb.selectFrom('app_user').select('failed_attempts').where('id', '=', userId));
    const failures = ok ? 0 : (current?.failed_attempts ?? 0) + 1;
    const lockedUntil =
      failures >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    const outcome = ok ? 'signed_in' : lockedUntil ? 'locked' : 'wrong_pin';
    // A lock starts the count again, for after it ends.
    ctx.record({ kind: 'user.sign_in', version: 1, userId, outcome, failedAttempts: lockedUntil ? 0 : failures, lockedUntil });
    return { failures, lockedUntil };
  });
  if (ok) return toUser({ ...row, failed_attempts: 0, locked_until: null });
  if (outcome.lockedUntil) throw new ComptoirError('USER_LOCKED', { until: outcome.lockedUntil });
  throw new ComptoirError('WRONG_PIN', { left: MAX_FAILED_ATTEMPTS - outcome.failures });
}

export function unlockUser(desk: Desk, actor: Actor, userId: string): void {
  commitWrite(
    desk,
    actor,
    (ctx) => {
      if (!ctx.r.get(ctx.r.qb.selectFrom('app_user').select('id').where('id', '=', userId))) throw new ComptoirError('USER_NOT_FOUND');
      ctx.record({ kind: 'user.unlock', version: 1, userId });
    },
    { roles: ['admin'] },
  );
}
