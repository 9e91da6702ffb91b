import { z } from 'zod';
import type { Language, MemberTable } from '../../db/schema.js';
import { formatPhone } from '../../../src-shared/phones.js';
import { membershipStatusSchema } from '../../../src-shared/memberships.js';
import { registrationViewSchema } from '../activities/views.js';
import { orderViewSchema } from '../sales/views.js';
import { cents, count, memberNumber, nullableString } from '../views.js';

export const householdSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.object({ number: memberNumber, firstName: z.string(), lastName: z.string() })),
});
export type HouseholdView = z.infer<typeof householdSchema>;

export const memberViewSchema = z.object({
  id: z.string(),
  number: memberNumber,
  firstName: z.string(),
  lastName: z.string(),
  birthDate: nullableString,
  email: nullableString,
  phone: nullableString,
  address: nullableString,
  city: nullableString,
  postalCode: nullableString,
  language: z.enum(['fr', 'en']),
  notes: nullableString,
  /** « Création » in the member guide. */
  createdAt: z.string(),
  expiresOn: nullableString,
  status: membershipStatusSchema,
  statusLabel: z.string(),
  /** A renewal today would pay a period already paid: the desk asks before selling it. */
  alreadyRenewed: z.boolean(),
  /** « Crédit / Coupons ». */
  creditCents: cents,
  household: householdSchema.nullable(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

/**
 * A search result: the member's identity and status, with the household's name, and what tells
 * two namesakes apart at a glance: the phone (formatted), the city and the year of birth.
 */
export const searchResultSchema = memberViewSchema
  .pick({ id: true, number: true, firstName: true, lastName: true, email: true, phone: true, city: true, expiresOn: true, status: true, statusLabel: true })
  .extend({ household: nullableString, birthYear: z.number().int().nullable() });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchPageSchema = z.object({
  query: z.string(),
  results: z.array(searchResultSchema),
  offset: count,
  hasMore: z.boolean(),
  /** Nothing matched as typed: these are names spelt closely (« hebrt » → Hébert). */
  approximate: z.boolean(),
  /** The query is a receipt number of this desk's file: the receipt to open (its member, if any, is first). */
  receiptNumber: nullableString,
});
export type SearchPage = z.infer<typeof searchPageSchema>;

/**
 * A member who may be the person being typed in, and why. `level` (src-shared/duplicates.ts):
 * `probable` stops a creation until « Créer quand même »; `lookalike` (a similar name) is a hint.
 */
export const duplicateCandidateSchema = memberViewSchema
  .pick({ id: true, number: true, firstName: true, lastName: true, birthDate: true, email: true, phone: true, postalCode: true })
  .extend({
    level: z.enum(['lookalike', 'probable']),
    reasons: z.array(z.enum(['same_name', 'similar_name', 'birth_date', 'phone', 'email', 'postal_code'])),
  });
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** « Mon profil »: the member, their transactions and their registrations. */
export const memberProfileSchema = z.object({
  member: memberViewSchema,
  orders: z.array(orderViewSchema),
  registrations: z.array(registrationViewSchema),
});

/** Who a member is, as results and warnings show them; the phone as read in `language` (phones.ts). */
export function memberIdentity(
  row: Pick<MemberTable, 'id' | 'number' | 'first_name' | 'last_name' | 'birth_date' | 'email' | 'phone' | 'postal_code'>,
  language: Language = 'fr',
): Omit<DuplicateCandidate, 'reasons' | 'level'> {
  return {
    id: row.id,
    number: row.number,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    email: row.email,
    phone: row.phone === null ? null : formatPhone(row.phone, language),
    postalCode: row.postal_code,
  };
}
