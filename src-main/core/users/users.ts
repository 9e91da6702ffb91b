import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppUserTable } from '../../db/schema.js';
import type { Desk } from '../desk/desk.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { parseInput, pin, text } from '../../../src-shared/validation.js';
import { commitWrite, type Actor } from '../ledger/write.js';
import type { User } from './views.js';
import { ROLES } from '../../../src-shared/roles.js';

/** After this many wrong PINs in a row the account is locked for LOCK_MINUTES (an administrator can unlock it). */
export const MAX_FAILED_ATTEMPTS = 10;
export const LOCK_MINUTES = 5;
/**
 * Wrong PINs a desk takes in a minute, whoever they are for; beyond, every sign-in waits. One
 * person trying PINs at the kiosk slows the desk down, but cannot lock everyone out in seconds.
 */
export const DESK_WRONG_PINS_PER_MINUTE = 5;

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

/**
 * Whether a PIN matches its stored hash. scrypt runs on libuv's thread pool: the tens of
 * milliseconds it takes never hold up the other calls the desk is answering.
 */
export async function pinMatches(value: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(value, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 128 * Number(n) * Number(r) * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return timingSafeEqual(actual, expected);
}

function toUser(row: AppUserTable): User {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1, lockedUntil: row.locked_until };
}

const roleSchema = z.enum(['volunteer', 'leader', 'treasurer', 'admin']);
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
    { roles: ROLES.administration },
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

const wrongPinsByDesk = new WeakMap<Desk, number[]>();

/** Refuses at once when the desk took too many wrong PINs in the last minute. @throws DESK_THROTTLED */
function requireDeskNotThrottled(desk: Desk, now: number): void {
  const recent = (wrongPinsByDesk.get(desk) ?? []).filter((at) => now - at < 60_000);
  wrongPinsByDesk.set(desk, recent);
  if (recent.length >= DESK_WRONG_PINS_PER_MINUTE) {
    throw new ComptoirError('DESK_THROTTLED', { seconds: Math.ceil((recent[0]! + 60_000 - now) / 1000) });
  }
}

/**
 * Checks a volunteer's PIN. Wrong PINs count, for the account (MAX_FAILED_ATTEMPTS in a row lock
 * it for LOCK_MINUTES) and for the desk (beyond DESK_WRONG_PINS_PER_MINUTE every sign-in waits
 * out the minute). Every attempt is written to the audit log.
 *
 * @throws USER_NOT_FOUND, USER_LOCKED, DESK_THROTTLED, WRONG_PIN
 */
export async function signIn(desk: Desk, input: unknown): Promise<User> {
  const { userId, pin: typed } = parseInput(signInSchema, input);
  const r = desk.reader;
  const row = r.get(r.qb.selectFrom('app_user').selectAll().where('id', '=', userId));
  if (!row || row.active !== 1 || !row.pin_hash) throw new ComptoirError('USER_NOT_FOUND');
  const started = desk.clock.now();
  requireDeskNotThrottled(desk, started.getTime());
  if (row.locked_until && row.locked_until > started.toISOString()) {
    throw new ComptoirError('USER_LOCKED', { until: row.locked_until });
  }
  const ok = await pinMatches(typed, row.pin_hash);
  const now = desk.clock.now();
  if (!ok) wrongPinsByDesk.get(desk)!.push(now.getTime());
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

export const unlockSchema = z.object({ userId: z.string().min(1).max(64) }).strict();

/** Lets a locked account sign in again at once (administrators). @throws USER_NOT_FOUND, FORBIDDEN */
export function unlockUser(desk: Desk, actor: Actor, input: unknown): User {
  const { userId } = parseInput(unlockSchema, typeof input === 'string' ? { userId: input } : input);
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      const row = ctx.r.get(ctx.r.qb.selectFrom('app_user').selectAll().where('id', '=', userId));
      if (!row) throw new ComptoirError('USER_NOT_FOUND');
      ctx.record({ kind: 'user.unlock', version: 1, userId });
      return toUser({ ...row, failed_attempts: 0, locked_until: null });
    },
    { roles: ROLES.administration },
  );
}
