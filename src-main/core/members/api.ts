import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Desk } from '../desk/desk.js';
import { memberNumber } from '../../../src-shared/validation.js';
import type { ContractSlice, SliceHandlers } from '../contract.js';
import { ROLES } from '../../../src-shared/roles.js';
import { memberRegistrations } from '../activities/registrations.js';
import { memberOrders } from '../sales/orders.js';
import { checkDuplicates, createMemberOrListDuplicates, createMemberSchema, getMember, updateMember, updateMemberSchema } from './members.js';
import { searchMembers, searchSchema } from './search.js';
import { duplicateCandidateSchema, memberProfileSchema, memberViewSchema, searchPageSchema } from './views.js';

/** Finding members, « Mon profil », a new member (with the look-alike warning), « Modifier ». */
export const membersContract = {
  'members.search': { input: searchSchema, output: searchPageSchema, roles: ROLES.everyone },
  'members.profile': { input: z.object({ number: memberNumber }).strict(), output: memberProfileSchema, roles: ROLES.everyone },
  /**
   * Whether « Mon profil » changed since it was read (another desk's edit, a renewal it pulled): a
   * stamp of the whole profile, no personal data, so an open profile can be read again — and its
   * reading logged — only when there is something new to see.
   */
  'members.profileStamp': { input: z.object({ number: memberNumber }).strict(), output: z.object({ stamp: z.string() }).strict(), roles: ROLES.everyone },
  'members.checkDuplicates': {
    input: createMemberSchema.partial({ force: true }).extend({ excludeNumber: memberNumber.optional() }),
    output: z.array(duplicateCandidateSchema),
    roles: ROLES.desk,
  },
  'members.create': {
    input: createMemberSchema,
    output: z.discriminatedUnion('created', [
      z.object({ created: z.literal(true), member: memberViewSchema }),
      z.object({ created: z.literal(false), duplicates: z.array(duplicateCandidateSchema) }),
    ]),
    roles: ROLES.desk,
  },
  'members.update': { input: z.object({ number: memberNumber, changes: updateMemberSchema }).strict(), output: memberViewSchema, roles: ROLES.desk },
} satisfies ContractSlice;

/** « Mon profil »: the member, their orders and registrations, in the desk's language. @throws MEMBER_NOT_FOUND */
function memberProfile(desk: Desk, number: number) {
  const member = getMember(desk, number);
  return { member, orders: memberOrders(desk.reader, member.id, desk.language), registrations: memberRegistrations(desk.reader, member.id, desk.language) };
}

export const membersHandlers: SliceHandlers<typeof membersContract> = {
  'members.search': (input, { desk }) => searchMembers(desk, input),
  'members.profile': ({ number }, { desk }) => memberProfile(desk, number),
  'members.profileStamp': ({ number }, { desk }) => ({ stamp: createHash('sha256').update(JSON.stringify(memberProfile(desk, number))).digest('hex').slice(0, 16) }),
  'members.checkDuplicates': ({ excludeNumber, ...person }, { desk }) => checkDuplicates(desk, person, excludeNumber ?? undefined),
  'members.create': (input, { desk, actor }) => createMemberOrListDuplicates(desk, actor, input),
  'members.update': ({ number, changes }, { desk, actor }) => updateMember(desk, actor, number, changes),
};
