import type { MethodName } from './methods.js';
import { businessDate } from '../../src-shared/dates.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { parseInput } from '../../src-shared/validation.js';
import { activitiesHandlers } from '../core/activities/api.js';
import { cashHandlers } from '../core/cash/api.js';
import { currentCashSession, lastClosingCount } from '../core/cash/cash-sessions.js';
import type { Caller, MethodSpec, SliceHandlers } from '../core/contract.js';
import type { Desk } from '../core/desk/desk.js';
import { membersHandlers } from '../core/members/api.js';
import { salesHandlers } from '../core/sales/api.js';
import { privacyHandlers } from '../core/privacy/api.js';
import { listUsers, signIn, unlockUser } from '../core/users/users.js';
import type { User } from '../core/users/views.js';
import { StandaloneTerminal } from '../payments/standalone.js';
import type { CardTerminal } from '../payments/terminal.js';
import { contract, isMethod, type ApiError, type Contract, type Input, type Method, type Output, type Result } from './contract.js';
import { accessOf } from './access.js';
import { recordAccess } from '../core/ledger/access-log.js';
import { documentsHandlers } from './document-handlers.js';
import { DEFAULT_PAPER, type Paper, type ShellCapabilities } from './documents.js';
import type { sessionContract } from './session.js';
import { readSyncDetails } from '../core/ledger/sync-progress.js';

export interface ApiOptions extends ShellCapabilities {
  /** Minutes without a call after which the volunteer is signed out. */
  idleMinutes?: number;
  /** The paper this desk's printers take; letter receipts and CR80 cards unless set. */
  paper?: Paper;
  terminal?: CardTerminal;
  /** Where unexpected errors are reported (they reach the UI only as a plain message). */
  log?: (error: unknown) => void;
}

/**
 * Who is calling: one browser tab, the Electron window, a test. Each client has its own
 * signed-in volunteer; a transport names the client from something the caller cannot forge
 * (the Electron window's id, a tab's cookie-bound session).
 */
export type ClientId = string;

/** The client of callers that do not name one (one window, the tests). */
export const DEFAULT_CLIENT: ClientId = 'window';

export interface ApiService {
  call<M extends Method>(method: M, input: unknown, client?: ClientId): Promise<Result<M>>;
  /** For transports that receive the method name as text. */
  callByName(method: string, input: unknown, client?: ClientId): Promise<Result<Method>>;
}

interface Session {
  user: User;
  /** When the volunteer last did something (Date.now()); public calls do not count. */
  lastActivity: number;
}

/**
 * What screens ask on their own, on a timer, while a volunteer may have walked away (an open
 * profile's stamp, a receipt's emails): not the volunteer's activity, so the idle sign-out still
 * comes (docs/ROLES.md).
 */
const ASKED_BY_SCREENS: ReadonlySet<string> = new Set<MethodName>(['members.profileStamp', 'receipts.emails']);

/**
 * The contract's implementation for one desk. Each client (window, tab) has its own signed-in
 * volunteer, signed out after `idleMinutes` without a signed-in call: looking at the sign-in
 * screen (the public methods) never keeps a session alive. Each method names the roles that may
 * call it (core/roles.ts); any other is refused before its input is read. Every answer is
 * checked against its schema, and every error leaves as data in the desk's language.
 */
export function createApiService(desk: Desk, options: ApiOptions = {}): ApiService {
  const idleMinutes = options.idleMinutes ?? 10;
  const terminal = options.terminal ?? new StandaloneTerminal();
  const log = options.log ?? ((error: unknown) => console.error(error));
  const sessions = new Map<ClientId, Session>();

  /** The client's session, unless it went idle (then it is ended, for good). */
  const sessionOf = (client: ClientId): Session | null => {
    const session = sessions.get(client);
    if (session && Date.now() - session.lastActivity > idleMinutes * 60_000) {
      sessions.delete(client);
      return null;
    }
    return session ?? null;
  };

  const state = (client: ClientId) => {
    const user = sessionOf(client)?.user ?? null;
    return {
      desk: { name: desk.name, receiptPrefix: desk.receiptPrefix, clubName: desk.settings().clubName },
      language: desk.language,
      user,
      idleMinutes,
      // The drawer's figures are for whoever is signed in, not for the sign-in screen.
      drawer: user ? currentCashSession(desk) : null,
      lastClosingCount: user ? lastClosingCount(desk) : null,
      membershipPriceCents: desk.settings().membershipPriceCents,
      today: businessDate(desk.clock.now()),
      fileDamaged: desk.connection.damage !== null,
      paper: options.paper ?? DEFAULT_PAPER,
    };
  };

  const sessionHandlers = (client: ClientId): SliceHandlers<typeof sessionContract> => ({
    'desk.state': () => state(client),
    'desk.setLanguage': ({ language }) => {
      desk.language = language;
      return state(client);
    },
    'users.list': () => listUsers(desk),
    'sync.status': () => readSyncDetails(desk.reader),
    'session.signIn': async (input) => {
      sessions.delete(client);
      const user = await signIn(desk, input, client);
      sessions.set(client, { user, lastActivity: Date.now() });
      return state(client);
    },
    'session.signOut': () => {
      sessions.delete(client);
      return state(client);
    },
    'session.keepAlive': () => state(client),
    'users.unlock': (input, { actor }) => unlockUser(desk, actor, input),
  });

  const domainHandlers: Omit<SliceHandlers<Contract>, keyof typeof sessionContract> = {
    ...cashHandlers,
    ...membersHandlers,
    ...activitiesHandlers,
    ...salesHandlers,
    ...documentsHandlers(options),
    ...privacyHandlers,
  };

  const failure = (error: unknown): { ok: false; error: ApiError } => {
    if (error instanceof ComptoirError) return { ok: false, error: error.toData(desk.language) };
    log(error);
    return { ok: false, error: new ComptoirError('INTERNAL').toData(desk.language) };
  };

  async function call<M extends Method>(method: M, input: unknown, client: ClientId = DEFAULT_CLIENT): Promise<Result<M>> {
    try {
      const spec: MethodSpec = contract[method];
      const session = sessionOf(client);
      if ('roles' in spec) {
        if (!session) throw new ComptoirError('NOT_SIGNED_IN');
        if (!spec.roles.includes(session.user.role)) throw new ComptoirError('FORBIDDEN', { roles: spec.roles });
      }
      const parsed = parseInput(spec.input, input ?? {});
      const handlers = (method in domainHandlers ? domainHandlers : sessionHandlers(client)) as SliceHandlers<Contract>;
      const handler = handlers[method] as (input: unknown, caller: Caller) => unknown;
      const value = await handler(parsed, { desk, actor: { userId: session?.user.id ?? '' }, terminal });
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(new Error(`${method} answered outside its contract: ${checked.error.message}`));
        throw new ComptoirError('INTERNAL');
      }
      if (session) {
        const access = accessOf(method, parsed as Input<M>, checked.data as Output<M>, desk);
        if (access) recordAccess(desk.connection, desk.id, session.user.id, desk.clock.now().toISOString(), access);
      }
      // Only what a signed-in volunteer does keeps the session alive (the clock of a sign-in
      // was set when it succeeded).
      if (session && 'roles' in spec && !ASKED_BY_SCREENS.has(method)) session.lastActivity = Date.now();
      return { ok: true, value: checked.data as Output<M> };
    } catch (error) {
      return failure(error);
    }
  }

  return {
    call,
    callByName: (method, input, client) =>
      isMethod(method) ? call(method, input, client) : Promise.resolve({ ok: false, error: new ComptoirError('UNKNOWN_METHOD', { method }).toData(desk.language) }),
  };
}
