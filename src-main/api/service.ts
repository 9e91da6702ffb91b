import type { z } from 'zod';
import { businessDate } from '../../src-shared/dates.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { parseInput } from '../../src-shared/validation.js';
import { activitiesHandlers } from '../core/activities/api.js';
import { cashHandlers } from '../core/cash/api.js';
import { currentCashSession, lastClosingCount } from '../core/cash/cash-sessions.js';
import type { Caller, SliceHandlers } from '../core/contract.js';
import type { Desk } from '../core/desk/desk.js';
import { membersHandlers } from '../core/members/api.js';
import { salesHandlers } from '../core/sales/api.js';
import { listUsers, signIn } from '../core/users/users.js';
import type { User } from '../core/users/views.js';
import { StandaloneTerminal } from '../payments/standalone.js';
import type { CardTerminal } from '../payments/terminal.js';
import { contract, isMethod, type ApiError, type Contract, type Method, type Output, type Result } from './contract.js';
import { documentsHandlers } from './document-handlers.js';
import type { ShellCapabilities } from './documents.js';
import type { sessionContract } from './session.js';

export interface ApiOptions extends ShellCapabilities {
  /** Minutes without a call after which the volunteer is signed out. */
  idleMinutes?: number;
  terminal?: CardTerminal;
  /** Where unexpected errors are reported (they reach the UI only as a plain message). */
  log?: (error: unknown) => void;
}

export interface ApiService {
  call<M extends Method>(method: M, input: unknown): Promise<Result<M>>;
  /** For transports that receive the method name as text. */
  callByName(method: string, input: unknown): Promise<Result<Method>>;
}

/**
 * The contract's implementation: one desk, one volunteer signed in at a time (a kiosk), signed
 * out after `idleMinutes` without activity. Every answer is checked against its schema, and
 * every error leaves as data in the desk's language.
 */
export function createApiService(desk: Desk, options: ApiOptions = {}): ApiService {
  const idleMinutes = options.idleMinutes ?? 10;
  const terminal = options.terminal ?? new StandaloneTerminal();
  const log = options.log ?? ((error: unknown) => console.error(error));
  let user: User | null = null;
  let lastActivity = 0;

  const state = () => ({
    desk: { name: desk.name, receiptPrefix: desk.receiptPrefix, clubName: desk.settings().clubName },
    language: desk.language,
    user,
    idleMinutes,
    drawer: currentCashSession(desk),
    lastClosingCount: lastClosingCount(desk),
    membershipPriceCents: desk.settings().membershipPriceCents,
    today: businessDate(desk.clock.now()),
    fileDamaged: desk.connection.damage !== null,
  });

  const sessionHandlers: SliceHandlers<typeof sessionContract> = {
    'desk.state': () => state(),
    'desk.setLanguage': ({ language }) => {
      desk.language = language;
      return state();
    },
    'users.list': () => listUsers(desk),
    'session.signIn': (input) => {
      user = signIn(desk, input);
      return state();
    },
    'session.signOut': () => {
      user = null;
      return state();
    },
  };

  const handlers: SliceHandlers<Contract> = {
    ...sessionHandlers,
    ...cashHandlers,
    ...membersHandlers,
    ...activitiesHandlers,
    ...salesHandlers,
    ...documentsHandlers(options),
  };

  const failure = (error: unknown): { ok: false; error: ApiError } => {
    if (error instanceof ComptoirError) return { ok: false, error: error.toData(desk.language) };
    log(error);
    return { ok: false, error: new ComptoirError('INTERNAL').toData(desk.language) };
  };

  async function call<M extends Method>(method: M, input: unknown): Promise<Result<M>> {
    try {
      const spec = contract[method];
      if (!('public' in spec && spec.public)) {
        if (user && Date.now() - lastActivity > idleMinutes * 60_000) user = null;
        if (!user) throw new ComptoirError('NOT_SIGNED_IN');
      }
      const parsed = parseInput(spec.input as z.ZodType, input ?? {});
      const handler = handlers[method] as (input: unknown, caller: Caller) => unknown;
      const value = await handler(parsed, { desk, actor: { userId: user?.id ?? '' }, terminal });
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(new Error(`${method} answered outside its contract: ${checked.error.message}`));
        throw new ComptoirError('INTERNAL');
      }
      if (user) lastActivity = Date.now();
      return { ok: true, value: checked.data as Output<M> };
    } catch (error) {
      return failure(error);
    }
  }

  return {
    call,
    callByName: (method, input) =>
      isMethod(method) ? call(method, input) : Promise.resolve({ ok: false, error: new ComptoirError('UNKNOWN_METHOD', { method }).toData(desk.language) }),
  };
}
