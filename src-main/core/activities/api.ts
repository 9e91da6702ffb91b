import { z } from 'zod';
import type { ContractSlice, SliceHandlers } from '../contract.js';
import { ROLES } from '../../../src-shared/roles.js';
import { listActivities, listSchema } from './activities.js';
import { activityRoster, cancelRegistration, cancelSchema, registerMember, registerSchema } from './registrations.js';
import { activityViewSchema, registrationViewSchema, rosterSchema } from './views.js';

const activityCode = z.string().trim().min(1).max(20);

/** Activities by season, their lists and waitlists, registering and cancelling. */
export const activitiesContract = {
  'activities.list': { input: listSchema, output: z.array(activityViewSchema), roles: ROLES.everyone },
  'activities.roster': { input: z.object({ code: activityCode }).strict(), output: rosterSchema, roles: ROLES.everyone },
  'registrations.register': { input: registerSchema, output: registrationViewSchema, roles: ROLES.registrations },
  'registrations.cancel': {
    input: cancelSchema,
    output: z.object({ cancelled: registrationViewSchema, movedUp: registrationViewSchema.nullable() }),
    roles: ROLES.registrations,
  },
} satisfies ContractSlice;

export const activitiesHandlers: SliceHandlers<typeof activitiesContract> = {
  'activities.list': (input, { desk }) => listActivities(desk, input),
  'activities.roster': ({ code }, { desk }) => activityRoster(desk, code),
  'registrations.register': (input, { desk, actor }) => registerMember(desk, actor, input),
  'registrations.cancel': (input, { desk, actor }) => cancelRegistration(desk, actor, input),
};
