import { z } from 'zod';
import { clubSettingsSchema } from '../club-settings.js';
import { id, instant, role } from './fields.js';

/** The desk set up: its name and receipt prefix, the club's settings, its command-line administrator, a first block of numbers. */
export const deskInitV1 = z
  .object({
    kind: z.literal('desk.init'),
    version: z.literal(1),
    desk: z.object({ id, name: z.string().min(1), receiptPrefix: z.string().min(1) }).strict(),
    club: clubSettingsSchema,
    systemUser: z.object({ id, name: z.string().min(1) }).strict(),
    memberNumbers: z.object({ blockId: id, first: z.number().int().min(1), last: z.number().int().min(1) }).strict(),
  })
  .strict();

/** The club's settings after a change (the audit entry keeps the ones before). */
export const settingsUpdateV1 = z
  .object({ kind: z.literal('settings.update'), version: z.literal(1), settings: clubSettingsSchema })
  .strict();

/** A volunteer, treasurer or administrator; the PIN travels only as its scrypt hash. */
export const userCreateV1 = z
  .object({
    kind: z.literal('user.create'),
    version: z.literal(1),
    user: z.object({ id, name: z.string().min(1), role, pinHash: z.string().nullable() }).strict(),
  })
  .strict();

/** A PIN tried at the desk: right, wrong, or wrong once too often (the account locks). */
export const userSignInV1 = z
  .object({
    kind: z.literal('user.sign_in'),
    version: z.literal(1),
    userId: id,
    outcome: z.enum(['signed_in', 'wrong_pin', 'locked']),
    failedAttempts: z.number().int().min(0),
    lockedUntil: instant.nullable(),
  })
  .strict();

export const userUnlockV1 = z.object({ kind: z.literal('user.unlock'), version: z.literal(1), userId: id }).strict();
