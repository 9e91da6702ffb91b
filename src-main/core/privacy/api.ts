import { z } from 'zod';
import { businessDate } from '../../../src-shared/dates.js';
import { ROLES } from '../../../src-shared/roles.js';
import { memberNumber } from '../../../src-shared/validation.js';
import type { ContractSlice, SliceHandlers } from '../contract.js';
import { accessLogQuerySchema, readAccessLog } from '../ledger/access-log.js';
import { eraseMember, eraseSchema, lapsedMembers } from './erasure.js';

const accessEntrySchema = z.object({
  at: z.string(),
  deskId: z.string(),
  userName: z.string(),
  what: z.enum(['profile', 'card', 'receipt', 'search', 'list', 'export']),
  memberNumber: memberNumber.nullable(),
  detail: z.string().nullable(),
});

/**
 * The privacy officer's tools (Law 25; administrators, docs/ROLES.md): who looked at whose data,
 * the members past the club's retention period, and erasing a member's personal data.
 */
export const privacyContract = {
  'privacy.accessLog': { input: accessLogQuerySchema, output: z.array(accessEntrySchema), roles: ROLES.administration },
  'privacy.lapsed': {
    input: z.object({ years: z.number().int().min(1).max(30).optional() }).strict(),
    output: z.array(z.object({ number: memberNumber, firstName: z.string(), lastName: z.string(), lastSeen: z.string() })),
    roles: ROLES.administration,
  },
  'privacy.erase': { input: eraseSchema, output: z.object({ number: memberNumber, redactedEntries: z.number().int() }), roles: ROLES.administration },
} satisfies ContractSlice;

export const privacyHandlers: SliceHandlers<typeof privacyContract> = {
  'privacy.accessLog': (input, { desk }) => readAccessLog(desk.connection, desk.reader, input),
  'privacy.lapsed': ({ years }, { desk }) => lapsedMembers(desk.reader, businessDate(desk.clock.now()), years ?? desk.settings().personalDataRetentionYears),
  'privacy.erase': (input, { desk, actor }) => eraseMember(desk, actor, input),
};
