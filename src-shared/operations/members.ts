import { z } from 'zod';
import { businessDate, householdFacts, id, language, nullableText, storedInteger } from './fields.js';

const memberFields = {
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  birthDate: businessDate.nullable(),
  email: nullableText,
  phone: nullableText,
  address: nullableText,
  city: nullableText,
  postalCode: nullableText,
  language,
  notes: nullableText,
  householdId: id.nullable(),
};

/** A member's details, without the id and number: what the server keeps of each member. */
export const memberDetailsSchema = z.object(memberFields).strict();

/** A new member, with the number taken from the desk's block. */
export const memberCreateV1 = z
  .object({
    kind: z.literal('member.create'),
    version: z.literal(1),
    member: z.object({ id, number: storedInteger.min(1), ...memberFields }).strict(),
    household: householdFacts.nullable(),
  })
  .strict();

/** « Modifier » → « Sauvegarder »: the fields that changed, each with its new value. */
export const memberUpdateV1 = z
  .object({
    kind: z.literal('member.update'),
    version: z.literal(1),
    memberId: id,
    changes: z.object(memberFields).partial().strict(),
    /** The household joined, whole, when `changes.householdId` names one. */
    household: householdFacts.nullable(),
  })
  .strict();

/** A block of member numbers reserved for this desk. */
export const numberBlockAddV1 = z
  .object({
    kind: z.literal('number_block.add'),
    version: z.literal(1),
    blockId: id,
    first: z.number().int().min(1),
    last: z.number().int().min(1),
    source: z.enum(['local', 'server']),
  })
  .strict();
