import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openConnection, type Connection } from '../db/connection.js';
import { createKeyFile, keyFromEnvironment, type DatabaseKey } from '../db/key.js';
import { backupAnchors, restoreBackup } from '../core/ledger/restore.js';
import { currentCashSession, openCashSession } from '../core/cash/cash-sessions.js';
import { deskOn, openDesk, type Desk } from '../core/desk/desk.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { createMemberOrListDuplicates, getMember } from '../core/members/members.js';
import { memberOrders } from '../core/sales/orders.js';
import { memberRegistrations } from '../core/activities/registrations.js';
import { dayReport } from '../core/cash/day-report.js';
import { checkout } from '../core/sales/checkout.js';
import { searchMembers } from '../core/members/search.js';
import { initializeDesk, systemUserId } from '../core/desk/setup.js';
import { verifyDatabase } from '../core/ledger/verify.js';
import { listUsers, unlockUser } from '../core/users/users.js';
import { fold } from '../../src-shared/text.js';
import { commitBatch, type Actor } from '../core/ledger/write.js';
import { integerFlag, memberNumberArg, numberOrText, requiredArg, requiredFlag, stringFlag, UsageError, type ParsedArgs } from './args.js';
import * as text from './format.js';
import * as privacyText from './format-privacy.js';
import { readAccessLog, recordAccess, type AccessFact } from '../core/ledger/access-log.js';
import { anonymiseLapsedMembers, eraseMember, lapsedMembers } from '../core/privacy/erasure.js';
import { businessDate } from '../../src-shared/dates.js';
import { readSyncStatus, readSyncTarget } from '../core/ledger/sync-progress.js';
import { joinClubServer } from '../sync/join.js';
import { pullChanges } from '../sync/pull-client.js';
import { pushPending } from '../sync/push-client.js';

/** What a command hands back: the JSON document, the text for people, and the exit code. */
export interface Outcome {
  data: { ok: boolean } & Record<string, unknown>;
  text: string;
  /** 0 done, 1 verify found problems, 3 probably a duplicate (rerun with --force). */
  exitCode: 0 | 1 | 3;
}

type Handler = (p: ParsedArgs, file: string) => Outcome | Promise<Outcome>;

export const HANDLERS: Record<string, Handler> = {
  init: (p, file) => {
    const numbers = stringFlag(p, 'numbers');
    const range = numbers === undefined ? undefined : /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(numbers);
    if (range === null) throw new UsageError('BAD_NUMBERS');
    const club: Record<string, unknown> = {};
    const clubName = stringFlag(p, 'club');
    if (clubName !== undefined) club.clubName = clubName;
    const price = integerFlag(p, 'price');
    if (price !== undefined) club.membershipPriceCents = price;
    const grace = integerFlag(p, 'grace');
    if (grace !== undefined) club.graceDays = grace;
    const rule = stringFlag(p, 'rule');
    if (rule === 'rolling' || (rule === undefined && p.flags.has('days'))) {
      club.membershipRule = { kind: 'rolling', days: integerFlag(p, 'days') ?? 365 };
    } else if (rule === 'fixed') {
      club.membershipRule = { kind: 'fixed', endMonthDay: requiredFlag(p, 'ends'), rolloverMonthDay: requiredFlag(p, 'rollover') };
    } else if (rule !== undefined) {
      throw new UsageError('BAD_RULE');
    }
    const input = {
      deskName: requiredFlag(p, 'desk'),
      receiptPrefix: requiredFlag(p, 'prefix'),
      club,
      ...(range ? { memberNumbers: { first: Number(range[1]), last: Number(range[2]) } } : {}),
    };
    requireFolder(file);
    const { desk } = initializeDesk(file, input, { language: p.language });
    try {
      const block = desk.reader.rawGet<{ first: number; last: number }>(
        'SELECT first_number AS first, last_number AS last FROM member_number_block ORDER BY first_number LIMIT 1',
      )!;
      const data = { ok: true, file, desk: { id: desk.id, name: desk.name, receiptPrefix: desk.receiptPrefix }, memberNumbers: block, club: desk.settings() };
      return { data, text: text.initialized(data, p.language), exitCode: 0 };
    } finally {
      desk.close();
    }
  },

  join: async (p, file) => {
    requireFolder(file);
    const key = keyOf(p);
    const desk = await joinClubServer(file, { address: requiredFlag(p, 'server'), code: requiredFlag(p, 'code') }, { language: p.language, key });
    try {
      const data = { ok: true, file, encrypted: key !== null, desk: { id: desk.id, name: desk.name, receiptPrefix: desk.receiptPrefix }, club: desk.settings().clubName, sync: readSyncStatus(desk.reader) };
      return { data, text: text.joined(data, p.language), exitCode: 0 };
    } finally {
      desk.close();
    }
  },

  sync: (p, file) =>
    withDesk(file, p, {}, async (desk) => {
      const target = readSyncTarget(desk.reader);
      if (!target) throw new ComptoirError('NOT_JOINED');
      const pushed = await pushPending(desk, target);
      const pulled = pushed.kind === 'retry' ? null : await pullChanges(desk, target);
      const status = readSyncStatus(desk.reader);
      const data = { ok: status.synced, sync: status, applied: pulled?.kind === 'pulled' ? pulled.applied : 0 };
      return { data, text: text.synced(data, p.language), exitCode: 0 };
    }),

  demo: (p, file) => {
    requiredFlag(p, 'members');
    const members = integerFlag(p, 'members')!;
    if (members < 1 || members > 1_000_000) throw new UsageError('BAD_INTEGER', { flag: '--members', example: '1000' });
    const seed = integerFlag(p, 'seed');
    requireFolder(file);
    return withDesk(file, p, { create: true }, (desk, actor) => {
      // Loaded on demand: the generator and its name lists are not needed by any other command.
      return import('../demo/index.js').then(({ loadDemoData }) => {
        const demo = loadDemoData(desk, actor, { members, ...(seed === undefined ? {} : { seed }) });
        return { data: { ok: true, demo }, text: demo.notes.join('\n'), exitCode: 0 as const };
      });
    });
  },

  'member add': (p, file) =>
    withDesk(file, p, {}, (desk, actor) => {
      const fields: Record<string, string | undefined> = {
        firstName: stringFlag(p, 'first'),
        lastName: stringFlag(p, 'last'),
        email: stringFlag(p, 'email'),
        phone: stringFlag(p, 'phone'),
        birthDate: stringFlag(p, 'birth'),
        postalCode: stringFlag(p, 'postal'),
        city: stringFlag(p, 'city'),
        address: stringFlag(p, 'address'),
        notes: stringFlag(p, 'notes'),
      };
      const household = stringFlag(p, 'household');
      const input = {
        // Missing names go to the core as missing, so the message names the field in French.
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
        ...(household === undefined ? {} : { householdOf: numberOrText(household) }),
        force: p.flags.has('force'),
      };
      const result = createMemberOrListDuplicates(desk, actor, input);
      if (result.created) {
        const data = { ok: true, member: result.member };
        return { data, text: text.memberCreated(result.member, p.language), exitCode: 0 };
      }
      const error = new ComptoirError('POSSIBLE_DUPLICATE', { count: result.duplicates.length });
      const data = { ok: false, error: { code: error.code, message: error.messageIn(p.language) }, duplicates: result.duplicates };
      return { data, text: text.duplicates(data.error.message, result.duplicates, p.language), exitCode: 3 };
    }),

  'member show': (p, file) =>
    withReadOnlyDesk(file, p, (desk) => {
      const member = getMember(desk, memberNumberArg(p, 0));
      const orders = memberOrders(desk.reader, member.id, p.language);
      const receipts = orders.map((o) => ({ receiptNumber: o.receiptNumber, kind: o.kind, businessDate: o.businessDate, totalCents: o.totalCents }));
      const data = { ok: true, member, orders, registrations: memberRegistrations(desk.reader, member.id), receipts };
      noteAccess(file, p, { what: 'profile', memberId: member.id, detail: 'ligne de commande' });
      return { data, text: text.memberShown(data, p.language), exitCode: 0 };
    }),

  search: (p, file) =>
    withReadOnlyDesk(file, p, (desk) => {
      const query = requiredArg(p, 0, { fr: 'la recherche (nom, no de membre, téléphone ou courriel)', en: 'the search (name, member number, phone or email)' });
      const limit = stringFlag(p, 'limit');
      const page = searchMembers(desk, { query, ...(limit === undefined ? {} : { limit: numberOrText(limit) }) });
      noteAccess(file, p, { what: 'search', detail: `« ${query} » : ${page.results.length} (ligne de commande)` });
      return { data: { ok: true, ...page }, text: text.searchResults(page, p.language), exitCode: 0 };
    }),

  renew: (p, file) =>
    withDesk(file, p, {}, (desk, actor) => {
      const memberNumber = memberNumberArg(p, 0);
      const tenderedCents = numberOrText(requiredFlag(p, 'cash'));
      const cart = { memberNumber, lines: [{ kind: 'membership', force: p.flags.has('force') }], payments: [{ method: 'cash', tenderedCents }] };
      // The command line has no drawer count: it opens one with an empty float when none is open.
      // Both writes commit together, so a refused renewal leaves no drawer behind.
      const { sale, opened } = commitBatch(desk, actor, () => {
        const opened = currentCashSession(desk) === null;
        if (opened) openCashSession(desk, actor, { count: {} });
        return { sale: checkout(desk, actor, cart), opened };
      });
      const period = sale.periods[0] ?? null;
      const data = {
        ok: true,
        receiptNumber: sale.order.receiptNumber,
        cashSessionOpened: opened,
        cash: sale.cash,
        period: period && { startsOn: period.startsOn, endsOn: period.endsOn },
        member: getMember(desk, memberNumber),
        order: sale.order,
      };
      return { data, text: text.renewed(data, p.language), exitCode: 0 };
    }),

  verify: (p, file) =>
    withReadOnlyConnection(file, p, (connection) => {
      const anchors = backupAnchors(file, keyOf(p));
      const violations = [...anchors.unreadable, ...verifyDatabase(connection.reader, { anchors: anchors.found })];
      const data = { ok: violations.length === 0, violations };
      return { data, text: text.verified(violations, p.language), exitCode: violations.length === 0 ? 0 : 1 };
    }),

  backup: (p, file) =>
    withDesk(file, p, {}, (desk) => {
      const to = stringFlag(p, 'to');
      if (to !== undefined) requireFolder(join(to, 'x'));
      const paths = desk.connection.backup('manuelle', to === undefined ? {} : { secondFolder: to });
      return { data: { ok: true, backups: paths }, text: text.backedUp(paths, p.language), exitCode: 0 };
    }),

  restore: (p, file) => {
    const backup = requiredArg(p, 0, { fr: 'la copie de sauvegarde à remettre en place', en: 'the backup to put back' });
    const restored = restoreBackup(file, backup, keyOf(p));
    return { data: { ok: true, ...restored }, text: text.restored(restored, p.language), exitCode: 0 };
  },

  'key new': (p) => {
    const path = requiredArg(p, 0, { fr: 'le fichier de clé à créer', en: 'the key file to create' });
    requireFolder(path);
    if (existsSync(path)) throw new UsageError('FILE_EXISTS', { file: path });
    createKeyFile(path);
    return { data: { ok: true, keyFile: resolve(path) }, text: text.keyCreated(resolve(path), p.language), exitCode: 0 };
  },

  'user unlock': (p, file) =>
    withDesk(file, p, {}, (desk, actor) => {
      const name = requiredArg(p, 0, { fr: 'le nom du bénévole', en: "the volunteer's name" });
      const user = listUsers(desk).find((u) => fold(u.name) === fold(name));
      if (!user) throw new ComptoirError('USER_NOT_FOUND');
      const unlocked = unlockUser(desk, actor, { userId: user.id });
      return { data: { ok: true, user: unlocked }, text: text.userUnlocked(unlocked.name, p.language), exitCode: 0 };
    }),

  'privacy log': (p, file) =>
    withDesk(file, p, {}, (desk) => {
      const member = stringFlag(p, 'member');
      const since = stringFlag(p, 'since');
      const limit = integerFlag(p, 'limit');
      const query = { ...(member === undefined ? {} : { memberNumber: numberOrText(member) }), ...(since === undefined ? {} : { since }), ...(limit === undefined ? {} : { limit }) };
      const entries = readAccessLog(desk.connection, desk.reader, query);
      return { data: { ok: true, entries }, text: privacyText.accessLogText(entries, p.language), exitCode: 0 };
    }),

  'privacy lapsed': (p, file) =>
    withReadOnlyDesk(file, p, (desk) => {
      const years = integerFlag(p, 'years') ?? desk.settings().personalDataRetentionYears;
      const members = lapsedMembers(desk.reader, businessDate(desk.clock.now()), years);
      return { data: { ok: true, years, members }, text: privacyText.lapsedText(members, years, p.language), exitCode: 0 };
    }),

  'privacy erase': (p, file) =>
    withDesk(file, p, {}, (desk, actor) => {
      const erased = eraseMember(desk, actor, { number: memberNumberArg(p, 0), reason: p.flags.has('retention') ? 'retention' : 'request' });
      return { data: { ok: true, erased: [erased] }, text: privacyText.erasedText([erased], p.language), exitCode: 0 };
    }),

  'privacy anonymise-lapsed': (p, file) =>
    withDesk(file, p, {}, (desk, actor) => {
      const erased = anonymiseLapsedMembers(desk, actor, integerFlag(p, 'years'));
      return { data: { ok: true, erased }, text: privacyText.erasedText(erased, p.language), exitCode: 0 };
    }),

  'report day': (p, file) =>
    withReadOnlyDesk(file, p, (desk) => {
      const report = dayReport(desk, requiredArg(p, 0, { fr: 'la date (AAAA-MM-JJ)', en: 'the date (YYYY-MM-DD)' }));
      return { data: { ok: true, report }, text: text.dayReportText(report, p.language), exitCode: 0 };
    }),
};

/** The database's key, from --key-file, COMPTOIR_KEY_FILE or COMPTOIR_DB_KEY; null for a plain file. */
function keyOf(p: ParsedArgs): DatabaseKey | null {
  return keyFromEnvironment(process.env, stringFlag(p, 'key-file'));
}

/**
 * For commands that only read (verify, search, member show, report day): the file is opened read-only
 * and never migrated or created, so they work on a read-only file and leave any file as it was.
 */
function withReadOnlyConnection<T>(file: string, p: ParsedArgs, work: (connection: Connection) => T): T {
  requireFile(file);
  const connection = openConnection(file, { readonly: true, migrate: false, key: keyOf(p) });
  try {
    if (connection.schema.version === 0) throw new ComptoirError('NOT_A_COMPTOIR_DATABASE', { file });
    if (!connection.schema.upToDate) throw new ComptoirError('DATABASE_NEEDS_UPGRADE', { file });
    return work(connection);
  } finally {
    connection.close();
  }
}

/**
 * The access log of a read-only command (`member show`, `search`), under the command line's
 * administrator. A file the command line may not write to (a read-only copy) keeps no trace of it.
 */
function noteAccess(file: string, p: ParsedArgs, fact: AccessFact): void {
  try {
    accessSync(file, constants.W_OK);
  } catch {
    return;
  }
  const desk = openDesk(file, { language: p.language, key: keyOf(p) });
  try {
    recordAccess(desk.connection, desk.id, systemUserId(desk), desk.clock.now().toISOString(), fact);
  } finally {
    desk.close();
  }
}

function withReadOnlyDesk<T>(file: string, p: ParsedArgs, work: (desk: Desk) => T): T {
  return withReadOnlyConnection(file, p, (connection) => work(deskOn(connection, { language: p.language })));
}

function requireFile(file: string): void {
  if (!existsSync(file)) throw new UsageError('DB_NOT_FOUND', { file });
}

/** better-sqlite3 says this in English, as a plain TypeError: say it first, in French. */
function requireFolder(file: string): void {
  const folder = dirname(resolve(file));
  if (!existsSync(folder)) throw new UsageError('NO_SUCH_FOLDER', { folder });
}

/**
 * Opens the desk (creating a default one for `demo` on a new file), acts as the command line's
 * administrator, and always closes the file, whatever happens.
 */
function withDesk<T extends Outcome | Promise<Outcome>>(
  file: string,
  p: ParsedArgs,
  options: { create?: boolean },
  work: (desk: Desk, actor: Actor) => T,
): T {
  if (!options.create) requireFile(file);
  let desk: Desk;
  try {
    desk = options.create && !existsSync(file)
      ? initializeDesk(file, { deskName: 'Accueil', receiptPrefix: 'A' }, { language: p.language, key: keyOf(p) }).desk
      : openDesk(file, { language: p.language, key: keyOf(p) });
  } catch (error) {
    if (!(options.create && error instanceof ComptoirError && error.code === 'DATABASE_NOT_INITIALIZED')) throw error;
    desk = initializeDesk(file, { deskName: 'Accueil', receiptPrefix: 'A' }, { language: p.language, key: keyOf(p) }).desk;
  }
  let result: T;
  try {
    result = work(desk, { userId: systemUserId(desk) });
  } catch (error) {
    desk.close();
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => desk.close()) as T;
  desk.close();
  return result;
}
