import { z } from 'zod';
import { ROLES } from '../../src-shared/roles.js';
import { signInSchema, unlockSchema } from '../core/users/users.js';
import { userSchema } from '../core/users/views.js';
import { cashCountViewSchema, cashSessionViewSchema } from '../core/cash/views.js';
import { cents } from '../core/views.js';
import type { ContractSlice } from '../core/contract.js';
import { paperSchema } from './documents.js';

/** What every screen knows about the desk: who is signed in, the drawer, the language. */
export const deskStateSchema = z.object({
  desk: z.object({ name: z.string(), receiptPrefix: z.string(), clubName: z.string() }),
  language: z.enum(['fr', 'en']),
  user: userSchema.nullable(),
  /** Minutes of inactivity after which the volunteer is signed out. */
  idleMinutes: z.number().nonnegative(),
  drawer: cashSessionViewSchema.nullable(),
  lastClosingCount: cashCountViewSchema.nullable(),
  membershipPriceCents: cents,
  today: z.string(),
  /** SQLite found the database file damaged: nothing is written; the screens say what to do. */
  fileDamaged: z.boolean(),
  /** The paper this desk's printers take (receipts, cards). */
  paper: paperSchema,
});

const nothing = z.object({}).strict();

/** How the desk stands with its club's server (core/ledger/sync-progress.ts, docs/SYNC.md). */
export const syncDetailsSchema = z.object({
  joined: z.boolean(),
  address: z.string().nullable(),
  waiting: z.number().int(),
  toCheck: z.number().int(),
  pushRefusal: z.string().nullable(),
  lastError: z.string().nullable(),
  attempts: z.number().int(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  offlineSince: z.string().nullable(),
  clockOffMs: z.number().int().nullable(),
  synced: z.boolean(),
  refused: z.array(z.object({ serverSeq: z.number().int(), action: z.string(), at: z.string(), problem: z.string() })),
});

/**
 * The sign-in screen's methods (the only public ones) and the unlocking of an account. Their
 * handlers live with the sessions, in service.ts.
 */
export const sessionContract = {
  'desk.state': { input: nothing, output: deskStateSchema, public: true },
  'desk.setLanguage': { input: z.object({ language: z.enum(['fr', 'en']) }).strict(), output: deskStateSchema, public: true },
  'users.list': { input: nothing, output: z.array(userSchema), public: true },
  'session.signIn': { input: signInSchema, output: deskStateSchema, public: true },
  'session.signOut': { input: nothing, output: deskStateSchema, public: true },
  /** « Je suis là »: the volunteer is at the desk, though nothing was saved or looked up for a while. */
  'session.keepAlive': { input: nothing, output: deskStateSchema, roles: ROLES.everyone },
  'users.unlock': { input: unlockSchema, output: userSchema, roles: ROLES.administration },
  /** The header's « Synchronisé à 14 h 32 » and the sync screen: no personal data, shown before sign-in too. */
  'sync.status': { input: nothing, output: syncDetailsSchema, public: true },
} satisfies ContractSlice;
