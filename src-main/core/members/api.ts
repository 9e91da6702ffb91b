import { z } from 'zod';
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

export const membersHandlers: SliceHandlers<typeof membersContract> = {
  'members.search': (input, { desk }) => searchMembers(desk, input),
  'members.profile': ({ number }, { desk }) => {
    const member = getMember(desk, number);
    return { member, orders: memberOrders(desk.reader, member.id, desk.language), registrations: memberRegistrations(desk.reader, member.id, desk.language) };
  },
  'members.checkDuplicates': ({ excludeNumber, ...person }, { desk }) => checkDuplicates(desk, person, excludeNumber ?? undefined),
  'members.create': (input, { desk, actor }) => createMemberOrListDuplicates(desk, actor, input),
  'members.update': ({ number, changes }, { desk, actor }) => updateMember(desk, actor, number, changes),
};
