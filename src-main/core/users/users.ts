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
 * Wrong PINs one client (the desk's window, a browser tab) may type in a minute before its
 * sign-ins are slowed: then each attempt waits 1 s after the last one, then 2, 4, 8, 16, and
 * at most 30 s. One person trying PINs at the kiosk slows the kiosk to a few tries a minute; the
 * volunteer who comes next waits half a minute at most, and is never locked out.
 */
export const CLIENT_WRONG_PINS_PER_MINUTE = 5;
/** The same for the whole desk, whatever the client: a program that names a new client per guess is slowed here. */
export const DESK_WRONG_PINS_PER_MINUTE = 20;
/** The longest a sign-in is made to wait after the last attempt. */
export const LONGEST_WAIT_SECONDS = 30;

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

/**
 * The desk's recent sign-in attempts, in memory: the instants of wrong PINs, and of attempts whose
 * PIN is still being checked (counted as wrong until scrypt says otherwise, so that a thousand
 * guesses sent at once are held like a thousand sent one by one), by client and for the desk.
 */
interface Attempts {
  desk: number[];
  byClient: Map<string, number[]>;
  /** Attempts being checked, by user: with the wrong PINs already counted, they may not pass MAX_FAILED_ATTEMPTS. */
  checking: Map<string, number>;
}
const attemptsByDesk = new WeakMap<Desk, Attempts>();

const recent = (instants: number[], now: number) => instants.filter((at) => now - at < 60_000);

/** Milliseconds still to wait after `instants` (the last minute's, oldest first), past the first `free` of them. */
function waitAfter(instants: number[], free: number, now: number): number {
  if (instants.length < free) return 0;
  const gap = Math.min(LONGEST_WAIT_SECONDS * 1000, 1000 * 2 ** (instants.length - free));
  return instants.at(-1)! + gap - now;
}

/**
 * Counts an attempt before its PIN is checked, or refuses it at once when the client or the desk
 * took too many wrong PINs in the last minute, or the account has as many attempts under way as
 * it has left before its lock. Returns the attempt's release: `wrong` keeps it counted.
 *
 * @throws DESK_THROTTLED
 */
function startAttempt(desk: Desk, client: string, userId: string, failedAttempts: number, now: number): (wrong: boolean) => void {
  let attempts = attemptsByDesk.get(desk);
  if (!attempts) attemptsByDesk.set(desk, (attempts = { desk: [], byClient: new Map(), checking: new Map() }));
  attempts.desk = recent(attempts.desk, now);
  const mine = recent(attempts.byClient.get(client) ?? [], now);
  attempts.byClient.set(client, mine);
  const wait = Math.max(waitAfter(mine, CLIENT_WRONG_PINS_PER_MINUTE, now), waitAfter(attempts.desk, DESK_WRONG_PINS_PER_MINUTE, now));
  if (wait > 0) throw new ComptoirError('DESK_THROTTLED', { seconds: Math.ceil(wait / 1000) });
  const checking = attempts.checking.get(userId) ?? 0;
  if (failedAttempts + checking >= MAX_FAILED_ATTEMPTS) throw new ComptoirError('DESK_THROTTLED', { seconds: 5 });
  attempts.checking.set(userId, checking + 1);
  attempts.desk.push(now);
  mine.push(now);
  const held = attempts;
  return (wrong) => {
    held.checking.set(userId, (held.checking.get(userId) ?? 1) - 1);
    if (wrong) return;
    // A right PIN does not count against anyone.
    held.desk.splice(held.desk.indexOf(now), 1);
    const list = held.byClient.get(client);
    list?.splice(list.indexOf(now), 1);
  };
}

/**
 * Checks a volunteer's PIN, typed at `client`. Wrong PINs count, for the account
 * (MAX_FAILED_ATTEMPTS in a row lock it for LOCK_MINUTES), for the client and for the desk (beyond
 * CLIENT_WRONG_PINS_PER_MINUTE, or DESK_WRONG_PINS_PER_MINUTE, sign-ins wait out the minute). An
 * attempt counts from the moment it arrives, so guesses sent all at once are held as well as
 * guesses sent one by one. Every checked attempt is written to the audit log.
 *
 * @throws USER_NOT_FOUND, USER_LOCKED, DESK_THROTTLED, WRONG_PIN
 */
export async function signIn(desk: Desk, input: unknown, client = 'window'): Promise<User> {
  const { userId, pin: typed } = parseInput(signInSchema, input);
  const r = desk.reader;
  const row = r.get(r.qb.selectFrom('app_user').selectAll().where('id', '=', userId));
  if (!row || row.active !== 1 || !row.pin_hash) throw new ComptoirError('USER_NOT_FOUND');
  const started = desk.clock.now();
  if (row.locked_until && row.locked_until > started.toISOString()) {
    throw new ComptoirError('USER_LOCKED', { until: row.locked_until });
  }
  const release = startAttempt(desk, client, userId, row.failed_attempts, started.getTime());
  let ok = false;
  try {
    ok = await pinMatches(typed, row.pin_hash);
  } finally {
    release(!ok);
  }
  const now = desk.clock.now();
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
