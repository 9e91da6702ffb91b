import type { z } from 'zod';
import { activityRoster, cancelRegistration, registerMember } from '../core/activities/registrations.js';
import { listActivities } from '../core/activities/activities.js';
import {
  closeCashSession,
  currentCashSession,
  lastClosingCount,
  openCashSession,
  recordCashMovement,
} from '../core/cash/cash-sessions.js';
import { businessDate } from '../../src-shared/dates.js';
import { refundOrder, voidOrder } from '../core/sales/corrections.js';
import type { Desk } from '../core/desk/desk.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { checkDuplicates, createMemberOrListDuplicates, getMember, updateMember } from '../core/members/members.js';
import { getOrder, memberOrders } from '../core/sales/orders.js';
import { emailReceipt } from '../core/sales/receipts.js';
import { memberRegistrations } from '../core/activities/registrations.js';
import { dayReport } from '../core/cash/day-report.js';
import { recordCardApproval } from '../core/sales/payments.js';
import { checkout, quoteCheckout } from '../core/sales/checkout.js';
import { searchMembers } from '../core/members/search.js';
import { listUsers, signIn, type User } from '../core/users/users.js';
import type { Actor } from '../core/ledger/write.js';
import { StandaloneTerminal } from '../payments/standalone.js';
import type { CardTerminal } from '../payments/terminal.js';
import { parseInput } from '../../src-shared/validation.js';
// PDFs are made with pdf-lib, fontkit and bwip-js: loaded on the first document, not at launch.
const documents = () => import('../documents/index.js');

function pdf(filename: string, bytes: Uint8Array): { filename: string; base64: string } {
  return { filename, base64: Buffer.from(bytes).toString('base64') };
}
import { contract, isMethod, type ApiError, type Method, type Output, type Result } from './contract.js';

export interface ApiOptions {
  /** Minutes without a call after which the volunteer is signed out. */
  idleMinutes?: number;
  terminal?: CardTerminal;
  /** Where unexpected errors are reported (they reach the UI only as a plain message). */
  log?: (error: unknown) => void;
  /** The shell's save dialog (Electron); without it the renderer downloads the file itself. */
  saveFile?: (filename: string, bytes: Uint8Array) => Promise<string | null>;
  /** The shell's printer (Electron: the configured printer, or the system dialog). */
  print?: () => Promise<void>;
}

export interface ApiService {
  call<M extends Method>(method: M, input: unknown): Promise<Result<M>>;
  /** For transports that receive the method name as text. */
  callByName(method: string, input: unknown): Promise<Result<Method>>;
}

type Answer<M extends Method> = z.input<(typeof contract)[M]['output']>;
/** Each handler gets its input already checked (and normalized) by the contract. */
type Handlers = { [M in Method]: (input: z.output<(typeof contract)[M]['input']>, actor: Actor) => Answer<M> | Promise<Answer<M>> };

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

  const today = () => businessDate(desk.clock.now());
  const state = () => ({
    desk: { name: desk.name, receiptPrefix: desk.receiptPrefix, clubName: desk.settings().clubName },
    language: desk.language,
    user,
    idleMinutes,
    drawer: currentCashSession(desk),
    lastClosingCount: lastClosingCount(desk),
    membershipPriceCents: desk.settings().membershipPriceCents,
    today: today(),
  });

  const handlers: Handlers = {
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
    'drawer.open': (input, actor) => openCashSession(desk, actor, input),
    'drawer.movement': (input, actor) => recordCashMovement(desk, actor, input),
    'drawer.close': (input, actor) => {
      const session = closeCashSession(desk, actor, input);
      return { session, day: dayReport(desk, session.businessDate) };
    },
    'members.search': (input) => searchMembers(desk, input),
    'members.profile': ({ number }) => {
      const member = getMember(desk, number);
      return { member, orders: memberOrders(desk.reader, member.id, desk.language), registrations: memberRegistrations(desk.reader, member.id) };
    },
    'members.checkDuplicates': ({ excludeNumber, ...person }) => checkDuplicates(desk, person, excludeNumber ?? undefined),
    'members.create': (input, actor) => createMemberOrListDuplicates(desk, actor, input),
    'members.update': ({ number, changes }, actor) => updateMember(desk, actor, number, changes),
    'activities.list': (input) => listActivities(desk, input),
    'activities.roster': ({ code }) => activityRoster(desk, code),
    'registrations.register': (input, actor) => registerMember(desk, actor, input),
    'registrations.cancel': (input, actor) => cancelRegistration(desk, actor, input),
    'sales.quote': (input) => quoteCheckout(desk, input),
    'sales.checkout': (input, actor) => checkout(desk, actor, input),
    'sales.void': (input, actor) => voidOrder(desk, actor, input),
    'sales.refund': (input, actor) => refundOrder(desk, actor, input),
    'orders.get': ({ receiptNumber }) => getOrder(desk, receiptNumber),
    'receipts.email': (input, actor) => emailReceipt(desk, actor, input),
    'payments.card': async ({ amountCents, reference, slip }, actor) => {
      const approval = await terminal.collect({ amountCents, reference }, slip);
      return recordCardApproval(desk, actor, { amountCents, reference, approval });
    },
    'reports.day': ({ date }) => dayReport(desk, date),
    'documents.receipt': async ({ receiptNumber, size, copy }) =>
      pdf(`recu-${receiptNumber}${copy ? '-copie' : ''}.pdf`, await (await documents()).receiptFor(desk, receiptNumber, { size, copy })),
    'documents.memberCard': async ({ number, size }) =>
      pdf(`carte-membre-${number}.pdf`, await (await documents()).memberCardFor(desk, number, size)),
    'documents.dayReport': async ({ date }) => pdf(`rapport-${date}.pdf`, await (await documents()).dayReportFor(desk, date)),
    'files.save': async ({ filename, base64 }) => {
      if (!options.saveFile) return { saved: false, path: null };
      const path = await options.saveFile(filename, Buffer.from(base64, 'base64'));
      return { saved: path !== null, path };
    },
    'desk.print': async () => {
      if (!options.print) return { printed: false };
      await options.print();
      return { printed: true };
    },
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
      const handler = handlers[method] as (input: unknown, actor: Actor) => unknown;
      const value = await handler(parsed, { userId: user?.id ?? '' });
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
