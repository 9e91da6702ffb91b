import type { ClubSettings } from '../../../src-shared/club-settings.js';
import { z } from 'zod';
import type { Language, MemberTable } from '../../db/schema.js';
import { prepared, type Reader } from '../../db/sql.js';
import { businessDate } from '../../../src-shared/dates.js';
import type { Desk } from '../desk/desk.js';
import { findDuplicates } from './duplicates.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import { nextMemberNumber } from './member-numbers.js';
import { alreadyRenewed, statusLabel } from '../../../src-shared/memberships.js';
import { memberStatus } from '../memberships/periods.js';
import { normalizeEmail, normalizePostalCode } from '../../../src-shared/text.js';
import type { OperationOf } from '../../../src-shared/operations/index.js';
import { householdName, householdNameIn } from '../../../src-shared/words.js';
import { memberNumber, optionalBirthDate, optionalMultilineText, optionalPhone, optionalText, parseInput, printable, text } from '../../../src-shared/validation.js';
import { samePhone } from '../../../src-shared/phones.js';
import { canPrint } from '../../documents/glyphs.js';
import { isAllowed, ROLES } from '../../../src-shared/roles.js';
import { commitWrite, type Actor, type WriteContext } from '../ledger/write.js';
import { memberIdentity, type DuplicateCandidate, type HouseholdView, type MemberView } from './views.js';

const optionalEmail = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : normalizeEmail(v)))
  .pipe(z.email().nullable())
  .nullish()
  .transform((v) => v ?? null);

const optionalPostalCode = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : normalizePostalCode(v)))
  .refine((v) => v === null || /^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(v), { message: 'postalCode' })
  .nullish()
  .transform((v) => v ?? null);

// Names go on the card and on receipts, an address on letters: what the embedded font cannot
// draw would print as an empty box (documents/glyphs.ts).
const ON_CARD = { fr: 'sur la carte de membre ni sur les reçus', en: 'on the member card or on receipts' };
const ON_PAPER = { fr: 'sur les documents du club', en: "on the club's documents" };
const name = () => printable(text(60), canPrint, ON_CARD);

/**
 * The member's fields as the desk takes them. `today` (the desk's business date) bounds the
 * birth date; null in the contract's first check, which has no clock (the core checks again).
 */
function memberFieldsOn(today: string | null) {
  return {
    firstName: name(),
    lastName: name(),
    email: optionalEmail,
    phone: optionalPhone,
    birthDate: optionalBirthDate(today),
    address: printable(optionalText(200), canPrint, ON_PAPER),
    city: printable(optionalText(80), canPrint, ON_PAPER),
    postalCode: optionalPostalCode,
    language: z.enum(['fr', 'en']).default('fr'),
    notes: optionalMultilineText(1000),
    /** Puts the member in the household of the member with this number (a couple, a family). */
    householdOf: memberNumber.nullish(),
  };
}

function createSchemaOn(today: string | null) {
  return z.object({ ...memberFieldsOn(today), force: z.boolean().default(false) }).strict();
}

function updateSchemaOn(today: string | null) {
  const fields = memberFieldsOn(today);
  return z
    .object({
      firstName: fields.firstName.optional(),
      lastName: fields.lastName.optional(),
      email: fields.email.optional(),
      phone: fields.phone.optional(),
      birthDate: fields.birthDate.optional(),
      address: fields.address.optional(),
      city: fields.city.optional(),
      postalCode: fields.postalCode.optional(),
      language: z.enum(['fr', 'en']).optional(),
      notes: fields.notes.optional(),
      householdOf: memberNumber.nullish(),
    })
    .strict();
}

/** A new member as typed; without the desk's date (the contract's check, batch loads). */
export const createMemberSchema = createSchemaOn(null);
/** « Modifier »: only the fields given change. */
export const updateMemberSchema = updateSchemaOn(null);

// The schemas of the desk's current business date, rebuilt when the date changes.
const checkSchemaOn = (today: string) => createSchemaOn(today).partial({ force: true });
let dated: { today: string; create: ReturnType<typeof createSchemaOn>; check: ReturnType<typeof checkSchemaOn>; update: ReturnType<typeof updateSchemaOn> } | undefined;
function schemasOn(today: string) {
  if (dated?.today !== today) dated = { today, create: createSchemaOn(today), check: checkSchemaOn(today), update: updateSchemaOn(today) };
  return dated;
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

function householdView(r: Reader, householdId: string | null, language: Language): HouseholdView | null {
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
    name: householdNameIn(household.name, language),
    members: members.map((m) => ({ number: m.number, firstName: m.first_name, lastName: m.last_name })),
  };
}

/**
 * A member as the screens show them, in the reader's language. `alreadyRenewed` says a renewal
 * today would be a second one for the same period (the club's renewal window,
 * src-shared/memberships.ts), which the desk only sells after a confirmation.
 */
export function toMemberView(r: Reader, row: MemberTable, today: string, settings: ClubSettings, language: Language = 'fr'): MemberView {
  const status = memberStatus(r, row, today, settings.graceDays);
  return {
    ...memberIdentity(row, language),
    address: row.address,
    city: row.city,
    language: row.language,
    notes: row.notes,
    createdAt: row.created_at,
    expiresOn: row.expires_on,
    status,
    statusLabel: statusLabel(status, language),
    alreadyRenewed: alreadyRenewed(settings, row.expires_on, today),
    creditCents: creditBalance(r, row.id),
    household: householdView(r, row.household_id, language),
  };
}

export function getMember(desk: Desk, number: unknown): MemberView {
  const parsed = parseInput(z.object({ number: memberNumber }), { number });
  const row = findMemberRow(desk.reader, parsed.number);
  return toMemberView(desk.reader, row, businessDate(desk.clock.now()), desk.settings(), desk.language);
}

type HouseholdFacts = NonNullable<OperationOf<'member.create'>['household']>;

/**
 * The household a member joins by naming another member: the other member's, or a new one
 * named after them that both join. Everyone in it after the write, by member number.
 */
function householdJoined(ctx: WriteContext, otherNumber: number, joining: { id: string; number: number }): HouseholdFacts {
  const other = findMemberRow(ctx.r, otherNumber);
  const household = other.household_id ? ctx.r.get(ctx.r.qb.selectFrom('household').selectAll().where('id', '=', other.household_id)) : undefined;
  const members = household
    ? ctx.r.all(ctx.r.qb.selectFrom('member').select(['id', 'number']).where('household_id', '=', household.id))
    : [{ id: other.id, number: other.number }];
  const memberIds = [...members.filter((m) => m.id !== joining.id), joining].sort((a, b) => a.number - b.number).map((m) => m.id);
  return household ? { id: household.id, name: household.name, memberIds } : { id: ctx.newId(), name: householdName(other.last_name, other.language), memberIds };
}

type MemberInput = z.output<typeof createMemberSchema>;

/**
 * A new member as the desk records it, with the next number of this desk's blocks (no duplicate
 * check): the desk form and batch loads (the demo, an import) share it.
 */
export function newMemberOperation(ctx: WriteContext, input: Omit<MemberInput, 'force'>): OperationOf<'member.create'> {
  const member = { id: ctx.newId(), number: nextMemberNumber(ctx.r) };
  const household = input.householdOf ? householdJoined(ctx, input.householdOf, member) : null;
  return {
    kind: 'member.create',
    version: 1,
    member: {
      ...member,
      firstName: input.firstName,
      lastName: input.lastName,
      birthDate: input.birthDate,
      email: input.email,
      phone: input.phone,
      address: input.address,
      city: input.city,
      postalCode: input.postalCode,
      language: input.language,
      notes: input.notes,
      householdId: household?.id ?? null,
    },
    household,
  };
}

/**
 * Creates a member with the next number of this desk's block. When the person looks like an
 * existing member, nothing is created and the candidates come back with their reasons; the
 * volunteer then checks and may ask again with `force` ("Créer quand même").
 */
export function createMember(desk: Desk, actor: Actor, input: unknown): CreateMemberResult {
  const values = parseInput(schemasOn(businessDate(desk.clock.now())).create, input);
  return commitWrite(desk, actor, (ctx) => {
    if (!values.force) {
      // Only a probable duplicate stops the creation; a look-alike by name was a hint while typing.
      const duplicates = findDuplicates(ctx.r, values, { language: ctx.desk.language }).filter((c) => c.level === 'probable');
      if (duplicates.length > 0) throw new ComptoirError('POSSIBLE_DUPLICATE', { count: duplicates.length }, { duplicates });
    }
    const op = newMemberOperation(ctx, values);
    ctx.record(op);
    const row = findMemberRowById(ctx.r, op.member.id);
    return { created: true as const, member: toMemberView(ctx.r, row, ctx.today, ctx.desk.settings(), ctx.desk.language) };
  }, { roles: ROLES.desk });
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

/**
 * The members a person being typed in may be, for the form's live warning: the probable
 * duplicates (creating needs « Créer quand même ») and the look-alikes by name (a hint).
 */
export function checkDuplicates(desk: Desk, input: unknown, excludeNumber?: number): DuplicateCandidate[] {
  const values = parseInput(schemasOn(businessDate(desk.clock.now())).check, input);
  const exclude = excludeNumber ? findMemberRow(desk.reader, excludeNumber).id : undefined;
  return findDuplicates(desk.reader, values, { excludeId: exclude, language: desk.language });
}

/** The fields « Modifier » may change, and the member's column each one is stored in. */
const EDITABLE = {
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
} as const satisfies Record<string, keyof MemberTable>;

/**
 * "Modifier" → "Sauvegarder": changes the given fields; the audit keeps each before and after.
 * A member's email is how they sign in to the member platform (the guide): replacing or removing
 * one on file is the treasurer's (docs/ROLES.md); adding one anyone at the desk may do.
 *
 * @throws MEMBER_NOT_FOUND, EMAIL_CHANGE_RESERVED, and the input's errors
 */
export function updateMember(desk: Desk, actor: Actor, number: unknown, input: unknown): MemberView {
  const { number: memberNo } = parseInput(z.object({ number: memberNumber }), { number });
  const patch = parseInput(schemasOn(businessDate(desk.clock.now())).update, input);
  return commitWrite(desk, actor, (ctx) => {
    const current = findMemberRow(ctx.r, memberNo);
    const changes: OperationOf<'member.update'>['changes'] = {};
    const before: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(EDITABLE) as [keyof typeof EDITABLE, (typeof EDITABLE)[keyof typeof EDITABLE]][]) {
      const value = patch[field];
      if (value === undefined || value === current[column]) continue;
      // A phone kept as an older desk stored it ("418-555-0123") is the same number written the stored way.
      if (field === 'phone' && typeof value === 'string' && current.phone !== null && samePhone(value, current.phone)) continue;
      before[field] = current[column];
      (changes as Record<string, unknown>)[field] = value;
    }
    let household: HouseholdFacts | null = null;
    if (patch.householdOf !== undefined) {
      household = patch.householdOf === null ? null : householdJoined(ctx, patch.householdOf, current);
      const householdId = household?.id ?? null;
      if (householdId !== current.household_id) {
        before.householdId = current.household_id;
        changes.householdId = householdId;
      } else household = null;
    }
    if ('email' in changes && current.email !== null && !isAllowed(ctx.role, ROLES.treasury)) {
      throw new ComptoirError('EMAIL_CHANGE_RESERVED', { roles: ROLES.treasury });
    }
    // Nothing changed ("Sauvegarder" with no edit): nothing is written.
    if (Object.keys(changes).length > 0) ctx.record({ kind: 'member.update', version: 1, memberId: current.id, changes, household }, { before });
    return toMemberView(ctx.r, findMemberRowById(ctx.r, current.id), ctx.today, ctx.desk.settings(), ctx.desk.language);
  }, { roles: ROLES.desk });
}
