import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { fixedClock } from '../src-shared/clock.js';
import type { ClubSettings, Desk } from '../src-main/core/desk/desk.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { openCashSession } from '../src-main/core/cash/cash-sessions.js';
import { createMember, type CreateMemberResult } from '../src-main/core/members/members.js';
import type { Actor } from '../src-main/core/ledger/write.js';
import { ComptoirError } from '../src-shared/errors.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder for this test file's databases, removed when the file's tests end. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-test-'));
  folders.push(folder);
  return folder;
}

export interface TestDesk {
  desk: Desk;
  admin: Actor;
  clock: ReturnType<typeof fixedClock>;
  file: string;
}

/** A real SQLite file, initialized like `comptoir init`, on a clock the test controls. */
export function newDesk(
  options: {
    at?: string;
    club?: Partial<ClubSettings>;
    prefix?: string;
    deskName?: string;
    numbers?: { first: number; last: number };
    /** The identity a club's server gave at enrollment. */
    enrolled?: { deskId: string; numberBlockId: string };
  } = {},
): TestDesk {
  const file = join(tempFolder(), 'desk.sqlite');
  // 10:00 in Montréal, so the business date is the date written.
  const clock = fixedClock(options.at ?? '2026-11-27T15:00:00Z');
  const { desk, systemUserId } = initializeDesk(
    file,
    {
      deskName: options.deskName ?? 'Accueil',
      receiptPrefix: options.prefix ?? 'A',
      club: options.club ?? {},
      ...(options.numbers ? { memberNumbers: options.numbers } : {}),
      ...(options.enrolled ?? {}),
    },
    { clock },
  );
  return { desk, admin: { userId: systemUserId }, clock, file };
}

/** Opens the drawer with a 100 $ float (two 20 $, four 10 $, four 5 $ bills). */
export function openDrawer(desk: Desk, actor: Actor): void {
  openCashSession(desk, actor, { count: { '2000': 2, '1000': 4, '500': 4 } });
}

export function memberNumberOf(result: CreateMemberResult): number {
  if (!result.created) throw new Error('expected a new member');
  return result.member.number;
}

export function addMember(desk: Desk, actor: Actor, firstName: string, lastName: string, extra: Record<string, unknown> = {}): number {
  return memberNumberOf(createMember(desk, actor, { firstName, lastName, force: true, ...extra }));
}

export function count(desk: Desk, table: string, where = '1'): number {
  return desk.reader.rawGet<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)!.n;
}

/**
 * The refusal a piece of work ends with: its code and its message in the desk's language, Intl's
 * no-break spaces read as plain ones. Throws when the work is not refused, or fails otherwise.
 */
export function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ComptoirError) return { code: error.code, message: error.message.replace(/[\u00a0\u202f]/g, ' ') };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A desk file exactly as Comptoir 0.1 left it (test/fixtures/desk-v0.1.dump). */
export function legacyDeskFile(): string {
  const file = join(tempFolder(), 'desk-0.1.sqlite');
  const sqlite = new BetterSqlite3(file);
  sqlite.exec(readFileSync(new URL('./fixtures/desk-v0.1.dump', import.meta.url), 'utf8'));
  sqlite.close();
  return file;
}
