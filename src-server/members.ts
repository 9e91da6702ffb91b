import type { Kysely, Transaction } from 'kysely';
import { writeStamp } from '../src-shared/hlc.js';
import { winningChanges, type FieldStamps, type MemberDetails } from '../src-shared/member-details.js';
import type { OperationOf } from '../src-shared/operations/index.js';
import type { OperationTable, ServerDatabase, ServerMemberTable } from './db/schema.js';
import { newId } from '../src-main/core/ids.js';
import { openLogged, sealFields, type KeyRing } from '../src-main/core/privacy/sealing.js';
import { memberCreateV1, memberDetailsSchema } from '../src-shared/operations/members.js';
import { PERSONAL_MEMBER_FIELDS, sealedMemberIds, type PersonalMemberField } from '../src-shared/personal-data.js';
import { ComptoirError } from '../src-shared/errors.js';
import { jsonOrNull, parseInput } from '../src-shared/validation.js';
import { z } from 'zod';
import { insertRows } from './db/bulk.js';

type Trx = Transaction<ServerDatabase>;

/** Who an operation is by and when: the merge's stamp (src-shared/hlc.ts). */
export interface Writer {
  at: string;
  deskId: string;
}

/**
 * The server's copy of members' details, kept from the club's log with the desks' own merge
 * (field-level last writer wins): the address a confirmation goes to is the latest the club knows,
 * whichever desk changed it. Personal fields stay sealed with the member's key, as in the log
 * (core/privacy/sealing.ts): a push stores a new member's without opening them, and an erasure
 * (the key destroyed) leaves nothing readable.
 */
export async function followMember(
  trx: Trx,
  clubId: string,
  op: OperationOf<'member.create'> | OperationOf<'member.update'> | OperationOf<'member.erase'>,
  writer: Writer,
): Promise<void> {
  switch (op.kind) {
    case 'member.create':
      return insertMembers(trx, [newMemberRow(clubId, op)]);
    case 'member.update': {
      const held = await heldMember(trx, clubId, op.memberId);
      if (!held?.details_json) return;
      let before: MemberDetails;
      try {
        before = openedDetails(op.memberId, held)!;
      } catch {
        // Details the server cannot read (altered on its disk) hold up no push: the edit stays in
        // the log, and this member's emails wait and say why (`emails`).
        return;
      }
      const { winning, stamps } = winningChanges(JSON.parse(held.field_stamps) as FieldStamps, op.changes, writeStamp(writer.at, writer.deskId));
      const details = { ...before, ...winning };
      await trx
        .updateTable('server_member')
        .set({ ...sealedDetails(op.memberId, details, held.key), field_stamps: JSON.stringify(stamps) })
        .where('club_id', '=', clubId)
        .where('id', '=', op.memberId)
        .execute();
      return;
    }
    case 'member.erase': {
      // An erasure holds whatever order it arrives in: a member the server does not hold yet is
      // kept as erased (number 0, never known), so a create of that id pushed later neither
      // brings the member back nor gets its key stored.
      // Crypto-shredding: the key goes with the details, and every sealed copy of them is unreadable.
      const erased = { details_json: null, sealed_by: null, field_stamps: '{}', erased_at: writer.at, key: null };
      await trx
        .insertInto('server_member')
        .values({ club_id: clubId, id: op.memberId, number: 0, ...erased })
        .onConflict((oc) => oc.columns(['club_id', 'id']).doUpdateSet(erased))
        .execute();
      return;
    }
  }
}

/** A new member's row in the server's copy, from an operation read in clear (Comptoir 0.1's row-shaped entries). */
export function newMemberRow(clubId: string, op: OperationOf<'member.create'>): ServerMemberTable {
  const { id, number, ...details } = op.member;
  return { club_id: clubId, id, number, details_json: JSON.stringify(details), sealed_by: null, field_stamps: '{}', erased_at: null, key: null };
}

const MEMBER_CREATE_VERSION = memberCreateV1.shape.version.value;

const personal = Object.fromEntries(PERSONAL_MEMBER_FIELDS.map((field) => [field, true])) as { [F in PersonalMemberField]: true };
/** A new member as a desk logs it: the desks' own schema, its personal fields either in clear or named in one sealed box. */
const loggedMemberSchema = memberCreateV1.shape.member
  .partial(personal)
  .extend({
    // The server's column is PostgreSQL's integer.
    number: z.number().int().min(1).max(2_147_483_647),
    $sealed: z
      .object({ fields: z.array(z.enum(PERSONAL_MEMBER_FIELDS)).min(1), box: z.string().regex(/^v1:[^:"]{1,64}:[0-9a-f]{16}:[A-Za-z0-9+/]+={0,2}$/) })
      .strict()
      .optional(),
  })
  .superRefine((member, ctx) => {
    const sealed = new Set<string>(member.$sealed?.fields ?? []);
    if (member.$sealed && member.$sealed.box.split(':')[1] !== member.id) ctx.addIssue({ code: 'custom', path: ['$sealed'], message: 'sealed for another member' });
    for (const field of PERSONAL_MEMBER_FIELDS) {
      if (!(field in member) && !sealed.has(field)) ctx.addIssue({ code: 'custom', path: [field], message: 'missing' });
      if (field in member && sealed.has(field)) ctx.addIssue({ code: 'custom', path: [field], message: 'both sealed and in clear' });
    }
  });
/** A member.create entry's facts as the server reads them: the member checked, the household left to `decide`. */
const loggedMemberFacts = z.object({ member: loggedMemberSchema }).loose();

/**
 * A new member's row straight from its log entry, personal fields still sealed as the desk wrote
 * them: a club's first push holds thousands of members, and opening each one's fields made it
 * half as slow again. Its form is checked here with the desks' schema (the box must be the
 * member's own); the box itself is opened, and authenticated, when read (`memberDetails`). Null
 * when the entry is not the current member.create form: it is then read whole (`operationOf`,
 * then `newMemberRow`).
 *
 * @throws INVALID_INPUT, in French, when the member is not one the desks would have written.
 */
export function loggedMemberRow(clubId: string, entry: Pick<OperationTable, 'operation_id' | 'op_version' | 'after_json'>): LoggedMember | null {
  if (entry.op_version !== MEMBER_CREATE_VERSION || entry.after_json === null) return null;
  // Not JSON: refused like any other form.
  const { member } = parseInput(loggedMemberFacts, jsonOrNull(entry.after_json));
  const { id, number, ...details } = member;
  const row = { club_id: clubId, id, number, details_json: JSON.stringify(details), sealed_by: details.$sealed ? entry.operation_id : null, field_stamps: '{}', erased_at: null, key: null };
  return { row, box: details.$sealed?.box ?? null };
}

/** A new member read from its log entry: the row to store, and the box its personal fields are sealed in (`v1:<member id>:<key id>:…`), if any. */
export interface LoggedMember {
  row: ServerMemberTable;
  box: string | null;
}

/**
 * New members, written together (`insertRows`: a push of a club's first day holds thousands). One already
 * held stays as it is, except that it takes the row's key when it has none, is not erased and its
 * details are in clear (a member written before sealing existed).
 */
export async function insertMembers(trx: Trx, all: ServerMemberTable[]): Promise<void> {
  // One row per member: PostgreSQL refuses a statement that would upsert one row twice.
  const first = new Map<string, ServerMemberTable>();
  for (const row of all) if (!first.has(row.id)) first.set(row.id, row);
  await insertRows(trx, 'server_member', [...first.values()], (oc) =>
    oc
      .columns(['club_id', 'id'])
      .doUpdateSet({ key: (eb) => eb.ref('excluded.key') })
      .where('server_member.key', 'is', null)
      .where('server_member.erased_at', 'is', null)
      .where('server_member.sealed_by', 'is', null),
  );
}

type HeldMember = Pick<ServerMemberTable, 'number' | 'details_json' | 'sealed_by' | 'field_stamps'> & { key: Buffer | null };

/** A member's row and key, as the server holds them. */
async function heldMember(db: Pick<Kysely<ServerDatabase>, 'selectFrom'>, clubId: string, memberId: string): Promise<HeldMember | null> {
  const row = await db
    .selectFrom('server_member')
    .select(['number', 'details_json', 'sealed_by', 'field_stamps', 'key'])
    .where('club_id', '=', clubId)
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row ? { ...row, key: row.key ? Buffer.from(row.key, 'base64') : null } : null;
}

/**
 * A held member's details, opened with the member's key when sealed, checked against the desks'
 * own schema; null once erased.
 *
 * @throws MEMBER_DETAILS_UNREADABLE, in French, when a sealed box was altered or the details are
 *   not a member's (the server's copy changed on its disk).
 */
function openedDetails(memberId: string, held: HeldMember): MemberDetails | null {
  if (!held.details_json) return null;
  try {
    const stored = held.sealed_by
      ? openLogged(held.details_json, (id) => (id === memberId ? held.key : null), { operation_id: held.sealed_by, action: 'member.create' })
      : JSON.parse(held.details_json);
    return memberDetailsSchema.parse(stored);
  } catch {
    throw new ComptoirError('MEMBER_DETAILS_UNREADABLE', { number: Number(held.number) });
  }
}

/** Details to store, their personal fields sealed with the member's key under a new binding; in clear for a member without a key. */
function sealedDetails(memberId: string, details: MemberDetails, key: Buffer | null): Pick<ServerMemberTable, 'details_json' | 'sealed_by'> {
  if (!key) return { details_json: JSON.stringify(details), sealed_by: null };
  const sealedBy = newId();
  return { details_json: JSON.stringify(sealFields(details, key, memberId, sealedBy)), sealed_by: sealedBy };
}

/** A member's details as the server holds them, opened, or null (unknown, or erased). @throws like `openedDetails` */
export async function memberDetails(db: Pick<Kysely<ServerDatabase>, 'selectFrom'>, clubId: string, memberId: string): Promise<(MemberDetails & { number: number }) | null> {
  const held = await heldMember(db, clubId, memberId);
  const details = held && openedDetails(memberId, held);
  return details ? { ...details, number: Number(held.number) } : null;
}

/**
 * The keys of the members whose sealed fields these log rows hold, as the server has them (none
 * once erased), to open those fields (core/privacy/sealing.ts).
 */
export async function keyRingFor(db: Pick<Kysely<ServerDatabase>, 'selectFrom'>, clubId: string, rows: Pick<OperationTable, 'after_json' | 'before_json'>[]): Promise<KeyRing> {
  const memberIds = [...sealedMemberIds(...rows.flatMap((row) => [row.after_json, row.before_json]))];
  const keys = new Map<string, Buffer>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const found = await db.selectFrom('server_member').select(['id', 'key']).where('club_id', '=', clubId).where('id', 'in', memberIds.slice(i, i + 500)).where('key', 'is not', null).execute();
    for (const row of found) keys.set(row.id, Buffer.from(row.key!, 'base64'));
  }
  return (memberId) => keys.get(memberId) ?? null;
}
