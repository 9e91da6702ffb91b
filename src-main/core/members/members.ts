import { z } from 'zod';
import type { Language, MemberTable } from '../../db/schema.js';
import { prepared, type Reader } from '../../db/sql.js';
import { businessDate } from '../../../src-shared/dates.js';
import type { Desk } from '../desk/desk.js';
import { findDuplicates, type DuplicateCandidate } from './duplicates.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { takeMemberNumber } from './member-numbers.js';
import { membershipStatus, statusLabel, type MembershipStatus } from '../../../src-shared/memberships.js';
import { indexMemberForSearch } from './search.js';
import { fold, normalizeEmail, normalizePostalCode, phoneDigits } from '../../../src-shared/text.js';
import { isoDate, memberNumber, optionalText, parseInput, text } from '../../../src-shared/validation.js';
import { commitWrite, type Actor, type Change, type WriteContext } from '../ledger/write.js';

const optionalEmail = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : normalizeEmail(v)))
  .pipe(z.email().nullable())
  .nullish()
  .transform((v) => v ?? null);

const optionalPhone = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v === null || /^[\d\s().+-]+$/.test(v) && phoneDigits(v).length >= 7 && phoneDigits(v).length <= 10, {
    message: 'phone',
  })
  .nullish()
  .transform((v) => v ?? null);

const optionalPostalCode = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : normalizePostalCode(v)))
  .refine((v) => v === null || /^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(v), { message: 'postalCode' })
  .nullish()
  .transform((v) => v ?? null);

const optionalBirthDate = isoDate
  .refine((v) => v >= '1900-01-01', { message: 'isoDate' })
  .nullish()
  .transform((v) => v ?? null);

const memberFields = {
  firstName: text(60),
  lastName: text(60),
  email: optionalEmail,
  phone: optionalPhone,
  birthDate: optionalBirthDate,
  address: optionalText(200),
  city: optionalText(80),
  postalCode: optionalPostalCode,
  language: z.enum(['fr', 'en']).default('fr'),
  notes: optionalText(1000),
  /** Puts the member in the household of the member with this number (a couple, a family). */
  householdOf: memberNumber.nullish(),
};

export const createMemberSchema = z.object({ ...memberFields, force: z.boolean().default(false) }).strict();
export const updateMemberSchema = z
  .object({
    firstName: memberFields.firstName.optional(),
    lastName: memberFields.lastName.optional(),
    email: optionalEmail.optional(),
    phone: optionalPhone.optional(),
    birthDate: optionalBirthDate.optional(),
    address: optionalText(200).optional(),
    city: optionalText(80).optional(),
    postalCode: optionalPostalCode.optional(),
    language: z.enum(['fr', 'en']).optional(),
    notes: optionalText(1000).optional(),
    householdOf: memberNumber.nullish(),
  })
  .strict();

export interface HouseholdView {
  id: string;
  name: string;
  members: { number: number; firstName: string; lastName: string }[];
}

export interface MemberView {
  id: string;
  number: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  postalCode: string | null;
  language: Language;
  notes: string | null;
  /** "Création" in the member guide. */
  createdAt: string;
  expiresOn: string | null;
  status: MembershipStatus;
  statusLabel: string;
  /** "Crédit / Coupons". */
  creditCents: number;
  household: HouseholdView | null;
}

export type CreateMemberResult =
  | { created: true; member: MemberView }
  | { created: false; duplicates: DuplicateCandidate[] };

const memberByNumber = prepared((qb, p: { number: number }) => qb.selectFrom('member').selectAll().where('number', '=', p.number));

export function findMemberRow(r: Reader, number: number): MemberTable {
  const row = memberByNumber.get(r, { number });
  if (!row) throw new ComptoirError('MEMBER_NOT_FOUND', { ref: number });
  return row;
}

export function findMemberRowById(r: Reader, id: string): MemberTable {
  const row = r.get(r.qb.selectFrom('member').selectAll().where('id', '=', id));
  if (!row) throw new ComptoirError('MEMBER_NOT_FOUND', { ref: id });
  return row;
}

const creditOf = prepared((qb, p: { memberId: string }) =>
  qb
    .selectFrom('credit_movement')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('balance'))
    .where('member_id', '=', p.memberId),
);

export function creditBalance(r: Reader, memberId: string): number {
  return Number(creditOf.get(r, { memberId })?.balance ?? 0);
}

function householdView(r: Reader, householdId: string | null): HouseholdView | null {
  if (!householdId) return null;
  const household = r.get(r.qb.selectFrom('household').selectAll().where('id', '=', householdId));
  if (!household) return null;
  const members = r.all(
    r.qb
      .selectFrom('member')
      .select(['number', 'first_name', 'last_name'])
      .where('household_id', '=', householdId)
      .orderBy('number'),
  );
  return {
    id: household.id,
    name: household.name,
    members: members.map((m) => ({ number: m.number, firstName: m.first_name, lastName: m.last_name })),
  };
}

export function toMemberView(r: Reader, row: MemberTable, today: string, graceDays: number, language: Language = 'fr'): MemberView {
  const status = membershipStatus(row.expires_on, today, graceDays);
  return {
    id: row.id,
    number: row.number,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    email: row.email,
    phone: row.phone,
    address: row.address,
    city: row.city,
    postalCode: row.postal_code,
    language: row.language,
    notes: row.notes,
    createdAt: row.created_at,
    expiresOn: row.expires_on,
    status,
    statusLabel: statusLabel(status, language),
    creditCents: creditBalance(r, row.id),
    household: householdView(r, row.household_id),
  };
}

export function getMember(desk: Desk, number: unknown): MemberView {
  const parsed = parseInput(z.object({ number: memberNumber }), { number });
  const row = findMemberRow(desk.reader, parsed.number);
  return toMemberView(desk.reader, row, businessDate(desk.clock.now()), desk.settings().graceDays, desk.language);
}

/** The household a member joins: the other member's, created on the spot if they had none. */
function householdFor(ctx: WriteContext, otherNumber: number): string {
  const other = findMemberRow(ctx.w, otherNumber);
  if (other.household_id) return other.household_id;
  const id = ctx.newId();
  ctx.w.run(ctx.w.qb.insertInto('household').values({ id, name: `Famille ${other.last_name}`, created_at: ctx.at }));
  ctx.w.run(ctx.w.qb.updateTable('member').set({ household_id: id, updated_at: ctx.at }).where('id', '=', other.id));
  return id;
}

type MemberInput = z.output<typeof createMemberSchema>;

/** Inserts a member inside an ongoing write (no duplicate check): the desk form and imports share it. */
export function insertMember(ctx: WriteContext, input: Omit<MemberInput, 'force'>): MemberTable {
  const row: MemberTable = {
    id: ctx.newId(),
    number: takeMemberNumber(ctx),
    first_name: input.firstName,
    last_name: input.lastName,
    sort_name: fold(`${input.lastName} ${input.firstName}`),
    birth_date: input.birthDate,
    email: input.email,
    phone: input.phone,
    phone_digits: input.phone ? phoneDigits(input.phone) : null,
    address: input.address,
    city: input.city,
    postal_code: input.postalCode,
    language: input.language,
    household_id: input.householdOf ? householdFor(ctx, input.householdOf) : null,
    notes: input.notes,
    expires_on: null,
    created_at: ctx.at,
    created_by: ctx.userId,
    updated_at: ctx.at,
  };
  ctx.w.insert('member', row);
  indexMemberForSearch(ctx.w, row);
  return row;
}

/**
 * Creates a member with the next number of this desk's block. When the person looks like an
 * existing member, nothing is created and the candidates come back with their reasons; the
 * volunteer then checks and may ask again with `force` ("Créer quand même").
 */
export function createMember(desk: Desk, actor: Actor, input: unknown): CreateMemberResult {
  const values = parseInput(createMemberSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    if (!values.force) {
      const duplicates = findDuplicates(ctx.w, values);
      if (duplicates.length > 0) throw new ComptoirError('POSSIBLE_DUPLICATE', { count: duplicates.length }, { duplicates });
    }
    const row = insertMember(ctx, values);
    const member = toMemberView(ctx.w, row, ctx.today, ctx.desk.settings().graceDays, ctx.desk.language);
    return {
      change: memberCreatedChange(ctx.w, row),
      result: { created: true as const, member },
    };
  });
}

/** Like createMember, but a likely duplicate comes back as data instead of an error. */
export function createMemberOrListDuplicates(desk: Desk, actor: Actor, input: unknown): CreateMemberResult {
  try {
    return createMember(desk, actor, input);
  } catch (error) {
    if (error instanceof ComptoirError && error.code === 'POSSIBLE_DUPLICATE') {
      return { created: false, duplicates: (error.details as { duplicates: DuplicateCandidate[] }).duplicates };
    }
    throw error;
  }
}

/** The likely duplicates of a person being typed in, for the form's live warning. */
export function checkDuplicates(desk: Desk, input: unknown, excludeNumber?: number): DuplicateCandidate[] {
  const values = parseInput(createMemberSchema.partial({ force: true }), input);
  const exclude = excludeNumber ? findMemberRow(desk.reader, excludeNumber).id : undefined;
  return findDuplicates(desk.reader, values, exclude);
}

/** The member's stored fields, as audit entries and the outbox carry them. */
function memberRecord(row: MemberTable): Omit<MemberTable, 'sort_name' | 'phone_digits' | 'expires_on'> {
  const { sort_name: _s, phone_digits: _p, expires_on: _e, ...record } = row;
  return record;
}

/**
 * The household a member belongs to, whole: joining one may have created it and moved the other
 * member into it in the same write, and the server must be able to replay both.
 */
function householdRecord(r: Reader, householdId: string | null) {
  if (!householdId) return null;
  const household = r.get(r.qb.selectFrom('household').selectAll().where('id', '=', householdId));
  const memberIds = r.all(r.qb.selectFrom('member').select('id').where('household_id', '=', householdId).orderBy('number'));
  return household ? { ...household, memberIds: memberIds.map((m) => m.id) } : null;
}

/** What a new member leaves in the audit log and the outbox. */
export function memberCreatedChange(r: Reader, row: MemberTable): Change {
  return {
    action: 'member.create',
    entityType: 'member',
    entityId: row.id,
    after: { ...memberRecord(row), household: householdRecord(r, row.household_id) },
  };
}

const EDITABLE: Record<string, keyof MemberTable> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  birthDate: 'birth_date',
  address: 'address',
  city: 'city',
  postalCode: 'postal_code',
  language: 'language',
  notes: 'notes',
};

/** "Modifier" → "Sauvegarder": changes the given fields; the audit keeps each before and after. */
export function updateMember(desk: Desk, actor: Actor, number: unknown, input: unknown): MemberView {
  const { number: memberNo } = parseInput(z.object({ number: memberNumber }), { number });
  const patch = parseInput(updateMemberSchema, input);
  return commitWrite(desk, actor, (ctx) => {
    const current = findMemberRow(ctx.w, memberNo);
    const next: MemberTable = { ...current };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(EDITABLE)) {
      const value = patch[field as keyof typeof patch];
      if (value === undefined || value === current[column]) continue;
      before[column] = current[column];
      after[column] = value;
      (next as unknown as Record<string, unknown>)[column] = value;
    }
    if (patch.householdOf !== undefined) {
      const householdId = patch.householdOf === null ? null : householdFor(ctx, patch.householdOf);
      if (householdId !== current.household_id) {
        before.household_id = current.household_id;
        after.household_id = householdId;
        next.household_id = householdId;
      }
    }
    next.sort_name = fold(`${next.last_name} ${next.first_name}`);
    next.phone_digits = next.phone ? phoneDigits(next.phone) : null;
    next.updated_at = ctx.at;
    const changed = Object.keys(after).length > 0;
    if (changed) {
      const { id: _id, number: _n, created_at: _c, created_by: _b, ...changes } = next;
      ctx.w.run(ctx.w.qb.updateTable('member').set(changes).where('id', '=', current.id));
      indexMemberForSearch(ctx.w, next);
      if ('household_id' in after) after.household = householdRecord(ctx.w, next.household_id);
    }
    return {
      change: changed ? { action: 'member.update', entityType: 'member', entityId: current.id, before, after } : null,
      result: toMemberView(ctx.w, changed ? next : current, ctx.today, ctx.desk.settings().graceDays, ctx.desk.language),
    };
  });
}
