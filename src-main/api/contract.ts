import { z } from 'zod';
import { listSchema as listActivitiesSchema } from '../core/activities/activities.js';
import { closeSchema, movementSchema, openSchema } from '../core/cash/cash-sessions.js';
import { refundSchema, voidSchema } from '../core/sales/corrections.js';
import { createMemberSchema, updateMemberSchema } from '../core/members/members.js';
import { emailReceiptSchema } from '../core/sales/receipts.js';
import { cancelSchema, registerSchema } from '../core/activities/registrations.js';
import { checkoutSchema, quoteSchema } from '../core/sales/checkout.js';
import { searchSchema } from '../core/members/search.js';
import { signInSchema } from '../core/users/users.js';
import { isoDate, memberNumber } from '../../src-shared/validation.js';
import type { MethodName } from './methods.js';
import {
  activityViewSchema,
  cardApprovalViewSchema,
  cashSessionViewSchema,
  checkoutResultSchema,
  correctionResultSchema,
  dayReportSchema,
  deskStateSchema,
  duplicateCandidateSchema,
  memberProfileSchema,
  memberViewSchema,
  orderViewSchema,
  quoteViewSchema,
  registrationViewSchema,
  rosterSchema,
  searchPageSchema,
  userSchema,
} from './views.js';

const nothing = z.object({}).strict();
const pdfFile = z.object({ filename: z.string(), base64: z.string() });
const activityCode = z.string().trim().min(1).max(20);

/**
 * The one contract between the UI and the core: every method, its input and its answer. Both
 * transports (Electron IPC and the loopback HTTP of the browser mode) carry exactly this, and
 * the renderer's client is typed from it.
 */
export const contract = {
  'desk.state': { input: nothing, output: deskStateSchema, public: true },
  'desk.setLanguage': { input: z.object({ language: z.enum(['fr', 'en']) }).strict(), output: deskStateSchema, public: true },
  'users.list': { input: nothing, output: z.array(userSchema), public: true },
  'session.signIn': { input: signInSchema, output: deskStateSchema, public: true },
  'session.signOut': { input: nothing, output: deskStateSchema, public: true },

  'drawer.open': { input: openSchema, output: cashSessionViewSchema },
  'drawer.movement': { input: movementSchema, output: cashSessionViewSchema },
  'drawer.close': { input: closeSchema, output: z.object({ session: cashSessionViewSchema, day: dayReportSchema }) },

  'members.search': { input: searchSchema, output: searchPageSchema },
  'members.profile': { input: z.object({ number: memberNumber }).strict(), output: memberProfileSchema },
  'members.checkDuplicates': {
    input: createMemberSchema.partial({ force: true }).extend({ excludeNumber: memberNumber.optional() }),
    output: z.array(duplicateCandidateSchema),
  },
  'members.create': {
    input: createMemberSchema,
    output: z.discriminatedUnion('created', [
      z.object({ created: z.literal(true), member: memberViewSchema }),
      z.object({ created: z.literal(false), duplicates: z.array(duplicateCandidateSchema) }),
    ]),
  },
  'members.update': { input: z.object({ number: memberNumber, changes: updateMemberSchema }).strict(), output: memberViewSchema },

  'activities.list': { input: listActivitiesSchema, output: z.array(activityViewSchema) },
  'activities.roster': { input: z.object({ code: activityCode }).strict(), output: rosterSchema },
  'registrations.register': { input: registerSchema, output: registrationViewSchema },
  'registrations.cancel': {
    input: cancelSchema,
    output: z.object({ cancelled: registrationViewSchema, movedUp: registrationViewSchema.nullable() }),
  },

  'sales.quote': { input: quoteSchema, output: quoteViewSchema },
  'sales.checkout': { input: checkoutSchema, output: checkoutResultSchema },
  'sales.void': { input: voidSchema, output: correctionResultSchema },
  'sales.refund': { input: refundSchema, output: correctionResultSchema },
  'orders.get': { input: z.object({ receiptNumber: z.string().trim().min(1).max(30) }).strict(), output: orderViewSchema },
  'receipts.email': { input: emailReceiptSchema, output: z.object({ receiptNumber: z.string(), email: z.string() }) },
  /** Card payment through the desk's terminal port; the approval then goes into the checkout. */
  'payments.card': {
    input: z.object({ amountCents: z.number().int().positive(), reference: z.string().min(1).max(40), slip: z.unknown() }).strict(),
    output: cardApprovalViewSchema,
  },

  'reports.day': { input: z.object({ date: isoDate }).strict(), output: dayReportSchema },

  /** PDFs: a receipt (« COPIE » on reprints), a member card, the day report. */
  'documents.receipt': {
    input: z.object({ receiptNumber: z.string().trim().min(1).max(30), size: z.enum(['letter', 'roll']).default('letter'), copy: z.boolean().default(false) }).strict(),
    output: pdfFile,
  },
  'documents.memberCard': { input: z.object({ number: memberNumber, size: z.enum(['cr80', 'letter']).default('cr80') }).strict(), output: pdfFile },
  'documents.dayReport': { input: z.object({ date: isoDate }).strict(), output: pdfFile },
  /** Saves a file where the volunteer chooses (Electron); `saved: false` lets the browser download it. */
  'files.save': {
    input: z.object({ filename: z.string().regex(/^[\w.-]{1,80}\.pdf$/), base64: z.string().max(20_000_000) }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** Prints the current screen on the desk's printer (Electron); `printed: false` means the page should print itself. */
  'desk.print': { input: nothing, output: z.object({ printed: z.boolean() }) },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType; public?: boolean }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

/** Errors travel as data, never as thrown stack traces. */
export type Result<M extends Method> = { ok: true; value: Output<M> } | { ok: false; error: ApiError };

// Both lists name the same methods, or this does not compile.
const sameNames: [Method, MethodName] extends [MethodName, Method] ? true : never = true;
void sameNames;

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
